import type {
    PolicyConfigSchema, PolicyResource, ReportViolation, ResourceValidation, ResourceValidationArgs, StackValidationArgs,
} from "@pulumi/policy";
import type { LandingZonePolicy, PolicyMetadata } from "./metadata";

/** Resource inputs as the policy SDK hands them over (plain JSON behind the unknown-checking proxy). */
export type Props = ResourceValidationArgs["props"];

/** Reports one violation; the policy's remediation is appended to every message. */
export type Report = (detail: string, urn?: string) => void;

interface Common {
    name: string;
    description: string;
    metadata: PolicyMetadata;
    configSchema?: PolicyConfigSchema;
}

function withRemediation(report: ReportViolation, remediation: string): Report {
    return (detail, urn) => report(`${detail} Remediation: ${remediation}`, urn);
}

/**
 * A policy validating resources of `metadata.resourceTypes`. Like `validateResourceOfType`, a
 * single type is attached to the function so the analyzer skips other types fast; unlike it, the
 * type is a string, so the pack loads no cloud SDK at run time (type-only imports give the props
 * their types).
 */
export function resourcePolicy(def: Common & {
    validate: (props: Props, args: ResourceValidationArgs, report: Report) => void;
}): LandingZonePolicy {
    const types = def.metadata.resourceTypes;
    const validateResource: ResourceValidation = (args, reportViolation) => {
        if (!types.includes(args.type)) return;
        def.validate(args.props, args, withRemediation(reportViolation, def.metadata.remediation));
    };
    if (types.length === 1) Object.assign(validateResource, { __pulumiType: types[0] });
    return {
        name: def.name,
        description: def.description,
        severity: def.metadata.severity,
        enforcementLevel: "mandatory",
        remediationSteps: def.metadata.remediation,
        configSchema: def.configSchema,
        metadata: def.metadata,
        validateResource,
    };
}

/** A policy over the whole stack (all resources, parents and dependencies resolved). */
export function stackPolicy(def: Common & {
    validate: (resources: PolicyResource[], args: StackValidationArgs, report: Report) => void;
}): LandingZonePolicy {
    return {
        name: def.name,
        description: def.description,
        severity: def.metadata.severity,
        enforcementLevel: "mandatory",
        remediationSteps: def.metadata.remediation,
        configSchema: def.configSchema,
        metadata: def.metadata,
        validateStack: (args, reportViolation) =>
            def.validate(args.resources, args, withRemediation(reportViolation, def.metadata.remediation)),
    };
}
