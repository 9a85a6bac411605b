import { resourcePolicy } from "../lib/define";
import { isSet } from "../lib/props";

/** Storage is encrypted with the landing zone's Key Vault key. */
export const policy = resourcePolicy({
    name: "require-azure-storage-cmk",
    description: "Storage accounts must be encrypted with a customer-managed key from Key Vault.",
    metadata: {
        cloud: "azure", service: "storage", severity: "medium", topic: "security", principle: "encryption-at-rest",
        remediation: "set encryption.keySource Microsoft.Keyvault with keyVaultProperties (keyName, keyVaultUri) and a user-assigned identity that may use the key",
        checkov: ["CKV2_AZURE_1"],
        resourceTypes: ["azure-native:storage:StorageAccount"],
    },
    validate: (props, _args, report) => {
        const encryption = props.encryption;
        if (encryption?.keySource !== "Microsoft.Keyvault") report(`encryption.keySource is ${encryption?.keySource ?? "unset (Microsoft.Storage)"}.`);
        else if (!isSet(encryption.keyVaultProperties, "keyName")) report("encryption.keyVaultProperties.keyName is not set.");
    },
});
