import { resourcePolicy } from "../lib/define";

/** A replica in another zone takes over when the primary or its zone fails. */
export const policy = resourcePolicy({
    name: "enable-elasticache-failover",
    description: "ElastiCache replication groups must have a replica, automatic failover and Multi-AZ.",
    metadata: {
        cloud: "aws", service: "elasticache", severity: "high", topic: "availability", principle: "cache-failover",
        remediation: "set numCacheClusters >= 2 (cache.replicas >= 1), automaticFailoverEnabled true and multiAzEnabled true",
        checkov: [],
        resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    },
    validate: (props, _args, report) => {
        const nodes = typeof props.numCacheClusters === "number" ? props.numCacheClusters
            : typeof props.replicasPerNodeGroup === "number" ? props.replicasPerNodeGroup + 1 : 1;
        if (nodes < 2) report("the cache has no replica.");
        if (props.automaticFailoverEnabled !== true) report("automaticFailoverEnabled is not true.");
        if (props.multiAzEnabled !== true) report("multiAzEnabled is not true.");
    },
});
