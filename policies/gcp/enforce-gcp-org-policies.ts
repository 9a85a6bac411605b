import { resourcePolicy } from "../lib/define";

interface Rule {
    enforce?: string;
    denyAll?: string;
    allowAll?: string;
    values?: { allowedValues?: string[]; deniedValues?: string[] };
}

/**
 * An org policy with no rules, a rule that is not enforced (`enforce: "FALSE"`, `allowAll`), dry-run
 * only, or an allow-list with no value is a guardrail that guards nothing.
 */
export const policy = resourcePolicy({
    name: "enforce-gcp-org-policies",
    description: "Organization policies must be enforced: a boolean constraint enforced, a list constraint denying or allowing listed values only.",
    metadata: {
        cloud: "gcp", service: "orgpolicy", severity: "high", topic: "security", principle: "organization-guardrails",
        remediation: "set spec.rules to [{ enforce: \"TRUE\" }] (boolean), [{ denyAll: \"TRUE\" }] or [{ values: { allowedValues: [...] } }] (list)",
        checkov: [],
        resourceTypes: ["gcp:orgpolicy/policy:Policy"],
    },
    validate: (props, _args, report) => {
        const rules = (props.spec?.rules ?? []) as Rule[];
        if (rules.length === 0) report("the policy has no rules (only a dry-run spec or none): nothing is enforced.");
        rules.forEach((rule, i) => {
            if (rule.enforce === "FALSE") report(`rule #${i} sets enforce FALSE.`);
            if (rule.allowAll === "TRUE") report(`rule #${i} allows all values.`);
            const allowed = rule.values?.allowedValues;
            if (rule.values && (allowed?.length ?? 0) === 0 && (rule.values.deniedValues?.length ?? 0) === 0) {
                report(`rule #${i} lists no value to allow or deny.`);
            }
        });
    },
});
