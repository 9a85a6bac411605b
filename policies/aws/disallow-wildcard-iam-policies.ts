import type { Props } from "../lib/define";
import { resourcePolicy } from "../lib/define";
import { jsonDocument, list } from "../lib/props";

const DOCUMENT_FIELD: Record<string, string> = {
    "aws:iam/policy:Policy": "policy",
    "aws:iam/rolePolicy:RolePolicy": "policy",
    "aws:iam/userPolicy:UserPolicy": "policy",
    "aws:iam/groupPolicy:GroupPolicy": "policy",
    "aws:iam/role:Role": "assumeRolePolicy",
};
const READ_ONLY = /^[a-z0-9-]+:(Describe|List|Get|BatchGet)[A-Za-z]*$/;

/** What is too broad in one Allow statement. */
export function statementProblems(statement: Props, trust: boolean): string[] {
    if (statement.Effect !== "Allow") return [];
    const problems: string[] = [];
    if (trust) {
        const principals = statement.Principal === "*" ? ["*"] : list<string>(statement.Principal?.AWS);
        if (principals.includes("*") && !statement.Condition) problems.push("the trust policy lets any principal assume the role");
        return problems;
    }
    const actions = list<string>(statement.Action);
    if (statement.NotAction) problems.push("Allow with NotAction grants everything else");
    const wildcard = actions.filter((a) => a === "*" || a.endsWith(":*"));
    if (wildcard.length) problems.push(`wildcard actions ${wildcard.join(", ")}`);
    const resources = list<string>(statement.Resource);
    if (resources.includes("*") && actions.some((a) => !READ_ONLY.test(a) && !wildcard.includes(a))) {
        problems.push(`Resource "*" for non-read actions ${actions.filter((a) => !READ_ONLY.test(a)).join(", ")}`);
    }
    return problems;
}

/** IAM grants name the actions and resources they need. */
export const policy = resourcePolicy({
    name: "disallow-wildcard-iam-policies",
    description: "IAM policies must not allow wildcard actions, NotAction, or Resource \"*\" for write actions; roles must not trust any principal.",
    metadata: {
        cloud: "aws", service: "iam", severity: "critical", topic: "security", principle: "least-privilege",
        remediation: "list the actions the workload needs (no \"*\" or \"service:*\") on the ARNs it uses; trust named principals or the cluster's OIDC provider",
        checkov: ["CKV_AWS_62", "CKV_AWS_63", "CKV_AWS_355", "CKV_AWS_60"],
        resourceTypes: Object.keys(DOCUMENT_FIELD),
    },
    validate: (props, args, report) => {
        const field = DOCUMENT_FIELD[args.type];
        const document = jsonDocument(props[field]);
        for (const statement of list(document?.Statement)) {
            for (const problem of statementProblems(statement, field === "assumeRolePolicy")) report(`${field}: ${problem}.`);
        }
    },
});
