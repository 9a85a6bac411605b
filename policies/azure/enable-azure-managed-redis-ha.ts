import { list } from "../lib/props";
import { resourcePolicy } from "../lib/define";

/** Each shard has a replica on another node, and the nodes spread over zones. */
export const policy = resourcePolicy({
    name: "enable-azure-managed-redis-ha",
    description: "Azure Managed Redis clusters must keep high availability on (the default) and, when zones are set, span >= 2 zones.",
    metadata: {
        cloud: "azure", service: "redisenterprise", severity: "high", topic: "availability", principle: "cache-failover",
        remediation: "leave highAvailability Enabled (cache.replicas >= 1) and set zones to >= 2 zones",
        checkov: [],
        resourceTypes: ["azure-native:redisenterprise:RedisEnterprise"],
    },
    validate: (props, _args, report) => {
        if (props.highAvailability === "Disabled") report("highAvailability is Disabled: no replica takes over on failure.");
        if (props.zones !== undefined && list(props.zones).length < 2) report("the cluster does not span >= 2 zones.");
    },
});
