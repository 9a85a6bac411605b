import { resourcePolicy } from "../lib/define";

const ADMIN = ["AdministratorAccess", "PowerUserAccess", "IAMFullAccess"];
const ATTACHMENTS = [
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "aws:iam/userPolicyAttachment:UserPolicyAttachment",
    "aws:iam/groupPolicyAttachment:GroupPolicyAttachment", "aws:iam/policyAttachment:PolicyAttachment",
];

/** No Owner-type managed policy on any principal the landing zone creates. */
export const policy = resourcePolicy({
    name: "disallow-admin-managed-policies",
    description: "IAM principals must not get AdministratorAccess, PowerUserAccess or IAMFullAccess.",
    metadata: {
        cloud: "aws", service: "iam", severity: "critical", topic: "security", principle: "least-privilege",
        remediation: "attach a policy scoped to what the principal needs instead of an AWS administrator policy",
        checkov: ["CKV_AWS_274"],
        resourceTypes: ATTACHMENTS,
    },
    validate: (props, _args, report) => {
        const arn = props.policyArn;
        if (typeof arn === "string" && ADMIN.some((name) => arn.endsWith(`:policy/${name}`))) report(`attaches ${arn}.`);
    },
});
