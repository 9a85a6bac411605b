import { resourcePolicy } from "../lib/define";

/** Pods get Entra tokens through federated credentials; no secrets in the cluster. */
export const policy = resourcePolicy({
    name: "enable-aks-workload-identity",
    description: "AKS clusters must enable the OIDC issuer and workload identity.",
    metadata: {
        cloud: "azure", service: "containerservice", severity: "high", topic: "security", principle: "workload-identity",
        remediation: "set oidcIssuerProfile.enabled true and securityProfile.workloadIdentity.enabled true",
        checkov: [],
        resourceTypes: ["azure-native:containerservice:ManagedCluster"],
    },
    validate: (props, _args, report) => {
        if (props.oidcIssuerProfile?.enabled !== true) report("the OIDC issuer is off.");
        if (props.securityProfile?.workloadIdentity?.enabled !== true) report("workload identity is off.");
    },
});
