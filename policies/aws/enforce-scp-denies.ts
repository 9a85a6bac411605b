import { resourcePolicy } from "../lib/define";

/** A statement of an SCP as the policy reads it. */
interface Statement {
    Effect?: string;
    Action?: string | string[];
    NotAction?: string | string[];
    Sid?: string;
}

/**
 * An SCP that denies nothing guards nothing: a policy whose document is empty, unparsable, has no
 * statement, or an Allow statement (an SCP allow-list replaces FullAWSAccess and can lock every
 * account out) is a guardrail that does not do what its name promises.
 */
export const policy = resourcePolicy({
    name: "enforce-scp-denies",
    description: "Service control policies must be non-empty Deny documents, each statement denying at least one action.",
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
        });
    },
});
