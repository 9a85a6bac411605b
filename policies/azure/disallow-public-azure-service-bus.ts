import { resourcePolicy } from "../lib/define";

/** Queues are reached through the namespace's private endpoint. */
export const policy = resourcePolicy({
    name: "disallow-public-azure-service-bus",
    description: "Service Bus namespaces must disable public network access.",
    metadata: {
        cloud: "azure", service: "servicebus", severity: "high", topic: "security", principle: "no-public-data-endpoints",
        remediation: "set publicNetworkAccess Disabled (Premium SKU) and reach the namespace through its private endpoint",
        checkov: ["CKV_AZURE_204"],
        resourceTypes: ["azure-native:servicebus:Namespace"],
    },
    validate: (props, _args, report) => {
        if (props.publicNetworkAccess !== "Disabled") report(`publicNetworkAccess is ${props.publicNetworkAccess ?? "unset (Enabled)"}.`);
    },
});
