import { resourcePolicy } from "../lib/define";

/** Keys cannot be purged: soft delete with purge protection, plus `protect` in Pulumi. */
export const policy = resourcePolicy({
    name: "enable-key-vault-purge-protection",
    description: "Key vaults must enable purge protection with soft delete of >= 7 days and carry the protect option.",
    metadata: {
        cloud: "azure", service: "keyvault", severity: "high", topic: "availability", principle: "deletion-protection",
        remediation: "set properties.enablePurgeProtection true, properties.softDeleteRetentionInDays >= 7 and the resource option protect (protectStateful)",
        checkov: ["CKV_AZURE_42", "CKV_AZURE_110", "CKV_AZURE_111"],
        resourceTypes: ["azure-native:keyvault:Vault"],
    },
    validate: (props, args, report) => {
        const properties = props.properties ?? {};
        if (properties.enablePurgeProtection !== true) report("purge protection is off.");
        if (properties.enableSoftDelete === false) report("soft delete is off.");
        if (typeof properties.softDeleteRetentionInDays === "number" && properties.softDeleteRetentionInDays < 7) {
            report(`softDeleteRetentionInDays is ${properties.softDeleteRetentionInDays}.`);
        }
        if (!args.opts.protect) report("the resource is not protected (protect option).");
    },
});
