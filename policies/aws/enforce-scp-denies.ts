import { resourcePolicy } from "../lib/define";

/** A statement of an SCP as the policy reads it. */
interface Statement {
    Effect?: string;
    Action?: string | string[];
    NotAction?: string | string[];
    Sid?: string;
    Condition?: Record<string, Record<string, unknown>>;
}

/**
 * What each guardrail statement of the landing zone promises by its Sid, written here independently
 * of the code that builds the SCPs (a second opinion): the actions it must deny, and for a statement
 * that denies by condition, the condition key that narrows it. A statement with another Sid is only
 * held to the general rules.
 */
export const SCP_PROMISES: Record<string, { denies?: string[]; conditionKey?: string }> = {
    DenyLeavingOrganization: { denies: ["organizations:LeaveOrganization"] },
    DenyRootUser: { denies: ["*"], conditionKey: "aws:PrincipalArn" },
    ProtectSecurityServices: {
        denies: ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "guardduty:DeleteDetector", "config:StopConfigurationRecorder",
            "config:DeleteConfigurationRecorder", "securityhub:DisableSecurityHub", "access-analyzer:DeleteAnalyzer"],
    },
    ProtectAccountBaseline: { denies: ["s3:PutAccountPublicAccessBlock", "ec2:DisableEbsEncryptionByDefault"] },
    DenyOutsideAllowedRegions: { conditionKey: "aws:RequestedRegion" },
    DenyIamUsers: { denies: ["iam:CreateUser", "iam:CreateAccessKey", "iam:CreateLoginProfile"] },
};

/** Whether `action` is named by one of `patterns` (IAM wildcards, case-insensitive). */
function covers(patterns: string[], action: string): boolean {
    return patterns.some((p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`, "i").test(action));
}

/** The keys a statement's conditions test, whatever the operator. */
function conditionKeys(s: Statement): string[] {
    return Object.values(s.Condition ?? {}).flatMap((block) => Object.keys(block ?? {}));
}

/**
 * An SCP that denies nothing guards nothing: a policy whose document is empty, unparsable, has no
 * statement, or an Allow statement (an SCP allow-list replaces FullAWSAccess and can lock every
 * account out) is a guardrail that does not do what its name promises; so is a landing-zone guardrail
 * statement (known Sid) that leaves out an action it exists to deny or the condition that scopes it.
 */
export const policy = resourcePolicy({
    name: "enforce-scp-denies",
    description: "Service control policies must be non-empty Deny documents, each statement denying at least one action, and each landing-zone guardrail statement denying what its Sid promises.",
    metadata: {
        cloud: "aws", service: "organizations", severity: "high", topic: "security", principle: "organization-guardrails",
        remediation: "build the SCP from the guardrail statements in components/aws/guardrails.ts (Effect Deny, Action or NotAction listed)",
        checkov: [],
        resourceTypes: ["aws:organizations/policy:Policy"],
    },
    validate: (props, _args, report) => {
        if ((props.type ?? "SERVICE_CONTROL_POLICY") !== "SERVICE_CONTROL_POLICY") return;
        const content = props.content;
        if (typeof content !== "string" || content.trim() === "") {
            report("the SCP has no content.");
            return;
        }
        let statements: Statement[];
        try {
            const parsed = JSON.parse(content) as { Statement?: Statement | Statement[] };
            statements = parsed.Statement === undefined ? [] : ([] as Statement[]).concat(parsed.Statement);
        } catch {
            report("the SCP content is not valid JSON.");
            return;
        }
        if (statements.length === 0) report("the SCP has no statement: it denies nothing.");
        statements.forEach((s, i) => {
            const label = s.Sid ?? `#${i}`;
            if (s.Effect !== "Deny") report(`statement ${label} has Effect ${s.Effect ?? "unset"}; a guardrail SCP only denies.`);
            const actions = ([] as string[]).concat(s.Action ?? [], s.NotAction ?? []);
            if (actions.length === 0) report(`statement ${label} names no Action or NotAction: it denies nothing.`);
            const promise = s.Sid !== undefined ? SCP_PROMISES[s.Sid] : undefined;
            if (!promise) return;
            const denied = ([] as string[]).concat(s.Action ?? []);
            const missing = (promise.denies ?? []).filter((a) => s.NotAction !== undefined || !covers(denied, a));
            if (missing.length) report(`statement ${label} does not deny what its name promises: ${missing.join(", ")}.`);
            if (promise.conditionKey && !conditionKeys(s).includes(promise.conditionKey)) {
                report(`statement ${label} has no condition on ${promise.conditionKey}: it would deny far more (or other) than its name says.`);
            }
        });
    },
});
