import { resourcePolicy } from "../lib/define";

/** Secrets and keys are reached through the vault's private endpoint. */
export const policy = resourcePolicy({
    name: "disallow-public-key-vault",
    description: "Key vaults must disable public network access or deny by default in their network ACLs.",
    metadata: {
        cloud: "azure", service: "keyvault", severity: "high", topic: "security", principle: "no-public-data-endpoints",
        remediation: "set properties.publicNetworkAccess Disabled (private endpoint) or properties.networkAcls.defaultAction Deny",
        checkov: ["CKV_AZURE_189", "CKV_AZURE_109"],
        resourceTypes: ["azure-native:keyvault:Vault"],
    },
    validate: (props, _args, report) => {
        const properties = props.properties ?? {};
        if (properties.publicNetworkAccess !== "Disabled" && properties.networkAcls?.defaultAction !== "Deny") {
            report("the vault is reachable from any network.");
        }
    },
});
