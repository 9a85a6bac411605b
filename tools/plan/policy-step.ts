import type { RecordedResource } from "../mock-engine";
import type { Violation } from "./policies";
import { stackPolicyConfig } from "./policy-config";

export interface PolicyStep {
    violations: Violation[];
    mandatory: number;
    seconds: number;
    /** The lines the plan prints under the stack. */
    report: string;
}

/** Runs the policy pack on one planned stack with the stack's policy-pack config (the one CI passes to `pulumi preview`). */
export async function policyStep(resources: RecordedResource[], stackConfig: Record<string, string>): Promise<PolicyStep> {
    const t0 = performance.now();
    // Loaded here so that --no-policies does not pay for the pack.
    const { checkPolicies, mandatoryViolations, renderViolations } = require("./policies") as typeof import("./policies");
    const { env, config } = stackPolicyConfig(stackConfig);
    const violations = await checkPolicies(resources, { config });
    const seconds = (performance.now() - t0) / 1000;
    const mandatory = mandatoryViolations(violations).length;
    const shown = violations.filter((v) => !v.deferred).length;
    const lines = [`  policies (${env}.json + stack settings, ${seconds.toFixed(2)} s): ${mandatory} mandatory, ${shown - mandatory} advisory, ${violations.length - shown} deferred`];
    if (violations.length) lines.push(renderViolations(resources, violations));
    return { violations, mandatory, seconds, report: lines.join("\n") };
}
