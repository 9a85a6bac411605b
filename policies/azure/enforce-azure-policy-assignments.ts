import { resourcePolicy } from "../lib/define";

/**
 * A policy assignment in `DoNotEnforce` mode only reports: a guardrail the organization promises
 * must deny (enforcement mode `Default`). Advisory in dev, mandatory in prod, like every rule.
 */
export const policy = resourcePolicy({
    name: "enforce-azure-policy-assignments",
    description: "Azure Policy assignments must be enforced (enforcementMode Default).",
    metadata: {
        cloud: "azure", service: "policy", severity: "high", topic: "security", principle: "organization-guardrails",
        remediation: "set enforcementMode to Default (omit it, or remove DoNotEnforce)",
        checkov: [],
        resourceTypes: ["azure-native:authorization:PolicyAssignment"],
    },
    validate: (props, _args, report) => {
        const mode = props.enforcementMode;
        if (mode !== undefined && mode !== "Default") report(`the assignment's enforcementMode is ${String(mode)}: it reports but does not deny.`);
    },
});
