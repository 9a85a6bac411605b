import { resourcePolicy } from "../lib/define";

/** Clients reach Redis over TLS. */
export const policy = resourcePolicy({
    name: "require-memorystore-tls",
    description: "Memorystore for Redis instances must use in-transit encryption (server authentication).",
    metadata: {
        cloud: "gcp", service: "redis", severity: "high", topic: "security", principle: "encryption-in-transit",
        remediation: "set transitEncryptionMode SERVER_AUTHENTICATION",
        checkov: ["CKV_GCP_97"],
        resourceTypes: ["gcp:redis/instance:Instance"],
    },
    validate: (props, _args, report) => {
        if (props.transitEncryptionMode !== "SERVER_AUTHENTICATION") report(`transitEncryptionMode is ${props.transitEncryptionMode ?? "unset (DISABLED)"}.`);
    },
});
