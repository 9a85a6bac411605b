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
/** Reads that hand out data or secrets (cloudsplaining's data exfiltration actions): never on Resource "*". */
const DATA_EXFILTRATION = ["s3:GetObject", "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "secretsmanager:GetSecretValue"];
const GITHUB_OIDC = "token.actions.githubusercontent.com";

/** Condition operators that can narrow an account principal to named principals. */
const NARROWING = ["ArnEquals", "ArnLike", "StringEquals", "StringLike"];

/**
 * Whether an account principal is narrowed to named principals (`aws:PrincipalArn`): every value
 * names a role or a path of roles, never the account's root, all its roles or users, or anything.
 */
function narrowedByPrincipalArn(condition: unknown): boolean {
    const values = Object.entries((condition ?? {}) as Record<string, Record<string, unknown>>)
        .filter(([operator]) => NARROWING.includes(operator))
        .flatMap(([, keys]) => list<string>(keys?.["aws:PrincipalArn"]));
    return values.length > 0 && values.every((v) => typeof v === "string" && v !== "*" && !/:root$|:\*$|:(role|user)\/\*$/.test(v));
}

/** What is too broad in a trust statement. */
function trustProblems(statement: Props): string[] {
    const problems: string[] = [];
    const principals = statement.Principal === "*" ? ["*"] : list<string>(statement.Principal?.AWS);
    if (principals.includes("*") && !statement.Condition) problems.push("the trust policy lets any principal assume the role");
    const accounts = principals.filter((p) => /^\d{12}$|^arn:aws:iam::\d{12}:root$/.test(p));
    if (accounts.length && !narrowedByPrincipalArn(statement.Condition)) {
        problems.push(`the trust policy lets every principal of account ${accounts.join(", ")} assume the role (name the role, or narrow the account with aws:PrincipalArn)`);
    }
    if (list<string>(statement.Principal?.Federated).some((f) => f.includes(GITHUB_OIDC))) {
        const conditions = Object.values((statement.Condition ?? {}) as Record<string, Record<string, unknown>>);
        const subjects = conditions.flatMap((c) => list<string>(c?.[`${GITHUB_OIDC}:sub`]));
        if (subjects.length === 0) problems.push("the GitHub Actions trust has no token.actions.githubusercontent.com:sub condition (any repository can assume the role)");
        const wide = subjects.filter((sub) => sub === "*" || /^repo:[^:]*\*/.test(sub));
        if (wide.length) problems.push(`the GitHub Actions trust admits any repository (${wide.join(", ")})`);
    }
    return problems;
}

/** What is too broad in one Allow statement. */
export function statementProblems(statement: Props, trust: boolean): string[] {
    if (statement.Effect !== "Allow") return [];
    const problems: string[] = [];
    if (trust) return trustProblems(statement);
    const actions = list<string>(statement.Action);
    if (statement.NotAction) problems.push("Allow with NotAction grants everything else");
    const wildcard = actions.filter((a) => a === "*" || a.endsWith(":*"));
    if (wildcard.length) problems.push(`wildcard actions ${wildcard.join(", ")}`);
    const resources = list<string>(statement.Resource);
    if (resources.includes("*") && actions.some((a) => !READ_ONLY.test(a) && !wildcard.includes(a))) {
        problems.push(`Resource "*" for non-read actions ${actions.filter((a) => !READ_ONLY.test(a)).join(", ")}`);
    }
    const exfiltration = actions.filter((a) => DATA_EXFILTRATION.includes(a));
    if (resources.includes("*") && exfiltration.length) problems.push(`Resource "*" for data reads ${exfiltration.join(", ")}`);
    return problems;
}

/** IAM grants name the actions and resources they need. */
export const policy = resourcePolicy({
    name: "disallow-wildcard-iam-policies",
    description: "IAM policies must not allow wildcard actions, NotAction, or Resource \"*\" for write or data-read actions; roles must not trust any principal, a whole account, or any GitHub repository.",
    metadata: {
        cloud: "aws", service: "iam", severity: "critical", topic: "security", principle: "least-privilege",
        remediation: "list the actions the workload needs (no \"*\" or \"service:*\") on the ARNs it uses; trust named principals (an account only narrowed by aws:PrincipalArn) or the cluster's OIDC provider",
        checkov: ["CKV_AWS_60", "CKV_AWS_61", "CKV_AWS_62", "CKV_AWS_63", "CKV_AWS_286", "CKV_AWS_288", "CKV_AWS_289", "CKV_AWS_290", "CKV_AWS_355", "CKV_AWS_393"],
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
