import { resourcePolicy } from "../lib/define";

/** Workloads reach storage with their Entra workload identity, not account keys or SAS. */
export const policy = resourcePolicy({
    name: "disallow-azure-storage-shared-keys",
    description: "Storage accounts must disable shared key (account key and SAS) authorization and local users.",
    metadata: {
        cloud: "azure", service: "storage", severity: "high", topic: "security", principle: "workload-identity",
        remediation: "set allowSharedKeyAccess false, isLocalUserEnabled false and defaultToOAuthAuthentication true; grant the workload identity a data-plane role",
        checkov: ["CKV2_AZURE_40", "CKV_AZURE_244"],
        resourceTypes: ["azure-native:storage:StorageAccount"],
    },
    validate: (props, _args, report) => {
        if (props.allowSharedKeyAccess !== false) report("allowSharedKeyAccess is not false.");
        if (props.isLocalUserEnabled === true) report("local users (SFTP/SMB passwords and keys) are enabled.");
    },
});
