import { resourcePolicy } from "../lib/define";

/** Data-plane access through Azure RBAC roles scoped per identity, not vault-wide access policies. */
export const policy = resourcePolicy({
    name: "require-key-vault-rbac",
    description: "Key vaults must use Azure RBAC authorization instead of access policies.",
    metadata: {
        cloud: "azure", service: "keyvault", severity: "medium", topic: "security", principle: "least-privilege",
        remediation: "set properties.enableRbacAuthorization true and grant Key Vault Crypto/Secrets User roles per identity",
        checkov: [],
        resourceTypes: ["azure-native:keyvault:Vault"],
    },
    validate: (props, _args, report) => {
        if (props.properties?.enableRbacAuthorization !== true) report("enableRbacAuthorization is not true.");
    },
});
