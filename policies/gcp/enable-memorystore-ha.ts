import { resourcePolicy } from "../lib/define";

/** A replica in another zone takes over automatically. */
export const policy = resourcePolicy({
    name: "enable-memorystore-ha",
    description: "Memorystore for Redis instances must use the STANDARD_HA tier (replica with automatic failover).",
    metadata: {
        cloud: "gcp", service: "redis", severity: "high", topic: "availability", principle: "cache-failover",
        remediation: "set tier STANDARD_HA (and replicaCount >= 1 with readReplicasMode READ_REPLICAS_ENABLED for read scaling)",
        checkov: [],
        resourceTypes: ["gcp:redis/instance:Instance"],
    },
    validate: (props, _args, report) => {
        if (props.tier !== "STANDARD_HA") report(`tier is ${props.tier ?? "unset (BASIC)"}, no failover.`);
    },
});
