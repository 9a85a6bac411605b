import { resourcePolicy } from "../lib/define";

/** Cluster access through IAM (SSO roles) and EKS access entries only: no aws-auth ConfigMap. */
export const policy = resourcePolicy({
    name: "require-eks-access-entries",
    description: "EKS clusters must authenticate through access entries only (authenticationMode API), without the creator's implicit admin.",
    metadata: {
        cloud: "aws", service: "eks", severity: "high", topic: "security", principle: "kubernetes-rbac-sso",
        remediation: "set accessConfig.authenticationMode API and bootstrapClusterCreatorAdminPermissions false; grant admins through access entries (aws.clusterAdminArns)",
        checkov: [],
        resourceTypes: ["aws:eks/cluster:Cluster"],
    },
    validate: (props, _args, report) => {
        const access = props.accessConfig ?? {};
        if (access.authenticationMode !== "API") report(`accessConfig.authenticationMode is ${access.authenticationMode ?? "unset (CONFIG_MAP)"}, not API.`);
        if (access.bootstrapClusterCreatorAdminPermissions === true) report("the cluster creator gets implicit cluster-admin.");
    },
});
