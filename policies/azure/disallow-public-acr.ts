import { resourcePolicy } from "../lib/define";

/** The registry is reached through its private endpoint; nobody pulls anonymously. */
export const policy = resourcePolicy({
    name: "disallow-public-acr",
    description: "Container registries must disable public network access and anonymous pull.",
    metadata: {
        cloud: "azure", service: "containerregistry", severity: "high", topic: "security", principle: "no-public-data-endpoints",
        remediation: "set publicNetworkAccess Disabled (Premium SKU, private endpoint) and anonymousPullEnabled false",
        checkov: ["CKV_AZURE_139", "CKV_AZURE_138"],
        resourceTypes: ["azure-native:containerregistry:Registry"],
    },
    validate: (props, _args, report) => {
        if (props.publicNetworkAccess !== "Disabled") report(`publicNetworkAccess is ${props.publicNetworkAccess ?? "unset (Enabled)"}.`);
        if (props.anonymousPullEnabled === true) report("anonymous pull is enabled.");
    },
});
