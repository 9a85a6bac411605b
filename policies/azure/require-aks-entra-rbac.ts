import { resourcePolicy } from "../lib/define";

/** People sign in with Entra ID, authorised by Azure RBAC; no local admin kubeconfig exists. */
export const policy = resourcePolicy({
    name: "require-aks-entra-rbac",
    description: "AKS clusters must enable Kubernetes RBAC with Entra ID integration and Azure RBAC, and disable local accounts.",
    metadata: {
        cloud: "azure", service: "containerservice", severity: "high", topic: "security", principle: "kubernetes-rbac-sso",
        remediation: "set enableRBAC true, aadProfile { managed: true, enableAzureRBAC: true } and disableLocalAccounts true",
        checkov: ["CKV_AZURE_5", "CKV_AZURE_141"],
        resourceTypes: ["azure-native:containerservice:ManagedCluster"],
    },
    validate: (props, _args, report) => {
        if (props.enableRBAC === false) report("Kubernetes RBAC is off.");
        if (props.aadProfile?.managed !== true || props.aadProfile?.enableAzureRBAC !== true) report("Entra ID integration with Azure RBAC is off (aadProfile).");
        if (props.disableLocalAccounts !== true) report("local accounts are enabled.");
    },
});
