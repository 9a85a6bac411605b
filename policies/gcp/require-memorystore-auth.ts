import { resourcePolicy } from "../lib/define";

/** Redis answers only authenticated clients on the private network. */
export const policy = resourcePolicy({
    name: "require-memorystore-auth",
    description: "Memorystore for Redis instances must require AUTH and connect through private services access.",
    metadata: {
        cloud: "gcp", service: "redis", severity: "high", topic: "security", principle: "no-public-data-endpoints",
        remediation: "set authEnabled true and connectMode PRIVATE_SERVICE_ACCESS",
        checkov: ["CKV_GCP_95"],
        resourceTypes: ["gcp:redis/instance:Instance"],
    },
    validate: (props, _args, report) => {
        if (props.authEnabled !== true) report("AUTH is off (authEnabled is not true).");
        if (props.connectMode !== "PRIVATE_SERVICE_ACCESS") report(`connectMode is ${props.connectMode ?? "unset (DIRECT_PEERING)"}.`);
    },
});
