import { resourcePolicy } from "../lib/define";

/** Workloads use IRSA / Pod Identity roles and people use SSO: no IAM users, no access keys. */
export const policy = resourcePolicy({
    name: "disallow-iam-static-credentials",
    description: "The landing zone must not create IAM users, access keys or login profiles (static credentials).",
    metadata: {
        cloud: "aws", service: "iam", severity: "high", topic: "security", principle: "workload-identity",
        remediation: "use an IAM role assumed through the cluster's OIDC provider (workload identity) or SSO instead of an IAM user and access key",
        checkov: ["CKV_AWS_273"],
        resourceTypes: ["aws:iam/accessKey:AccessKey", "aws:iam/user:User", "aws:iam/userLoginProfile:UserLoginProfile"],
    },
    validate: (_props, args, report) => {
        report(`${args.type.split(":").pop()} ${args.name} is a static credential.`);
    },
});
