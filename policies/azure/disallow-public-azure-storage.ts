import { resourcePolicy } from "../lib/define";

/** Storage is reached through private endpoints, with no anonymous blob access. */
export const policy = resourcePolicy({
    name: "disallow-public-azure-storage",
    description: "Storage accounts must disable public network access and anonymous blob access; containers must be private.",
    metadata: {
        cloud: "azure", service: "storage", severity: "critical", topic: "security", principle: "no-public-data-endpoints",
        remediation: "set allowBlobPublicAccess false and publicNetworkAccess Disabled (reach the account through its private endpoint); set container publicAccess None",
        checkov: ["CKV_AZURE_190", "CKV_AZURE_59", "CKV_AZURE_35", "CKV_AZURE_34"],
        resourceTypes: ["azure-native:storage:StorageAccount", "azure-native:storage:BlobContainer"],
    },
    validate: (props, args, report) => {
        if (args.type === "azure-native:storage:BlobContainer") {
            if (props.publicAccess !== undefined && props.publicAccess !== "None") report(`container publicAccess is ${props.publicAccess}.`);
            return;
        }
        if (props.allowBlobPublicAccess !== false) report("allowBlobPublicAccess is not false.");
        if (props.publicNetworkAccess !== "Disabled" && props.networkRuleSet?.defaultAction !== "Deny") {
            report(`publicNetworkAccess is ${props.publicNetworkAccess ?? "unset (Enabled)"} and the network rules do not deny by default.`);
        }
    },
});
