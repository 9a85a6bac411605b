import { resourcePolicy } from "../lib/define";

/** The cache is reached through its private endpoint only. */
export const policy = resourcePolicy({
    name: "disallow-public-azure-managed-redis",
    description: "Azure Managed Redis clusters must disable public network access.",
    metadata: {
        cloud: "azure", service: "redisenterprise", severity: "high", topic: "security", principle: "no-public-data-endpoints",
        remediation: "set publicNetworkAccess Disabled and reach the cache through its private endpoint (group redisEnterprise)",
        checkov: [],
        resourceTypes: ["azure-native:redisenterprise:RedisEnterprise"],
    },
    validate: (props, _args, report) => {
        if (props.publicNetworkAccess !== "Disabled") report(`publicNetworkAccess is ${props.publicNetworkAccess ?? "unset"}.`);
    },
});
