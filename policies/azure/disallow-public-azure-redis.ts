import { resourcePolicy } from "../lib/define";

/** The cache is reached through its private endpoint only. */
export const policy = resourcePolicy({
    name: "disallow-public-azure-redis",
    description: "Azure Cache for Redis must disable public network access.",
    metadata: {
        cloud: "azure", service: "redis", severity: "high", topic: "security", principle: "no-public-data-endpoints",
        remediation: "set publicNetworkAccess Disabled and reach the cache through its private endpoint",
        checkov: ["CKV_AZURE_89"],
        resourceTypes: ["azure-native:redis:Redis"],
    },
    validate: (props, _args, report) => {
        if (props.publicNetworkAccess !== "Disabled") report(`publicNetworkAccess is ${props.publicNetworkAccess ?? "unset (Enabled)"}.`);
    },
});
