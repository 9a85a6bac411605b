/**
 * Runs the landing-zone policy pack on a recorded plan the way `@pulumi/policy`'s analyzer server
 * runs it on a preview (node_modules/@pulumi/policy/server.js): each policy's enforcement level from
 * the policy-pack config (else the policy's own, else the pack's); props deserialized from the
 * engine's wire form and wrapped in the unknown-checking proxy; the provider's props; getConfig,
 * isType/asType and notApplicable; an `UnknownValueError` (a rule read a value only known after
 * deploy) becomes an advisory "can't run policy during preview" diagnostic; stack policies get all
 * resources with parent and dependencies resolved.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type {
    EnforcementLevel, PolicyProviderResource, PolicyResource, PolicyResourceOptions, ReportViolation,
    ResourceValidationArgs, StackValidationArgs,
} from "@pulumi/policy";
import * as proxyModule from "@pulumi/policy/proxy";
import * as deserializeModule from "@pulumi/policy/deserialize";
import type { RecordedResource } from "../mock-engine";
import { PACK_NAME, policies as packPolicies } from "../../policies/pack";
import { isStackPolicy, type LandingZonePolicy } from "../../policies/lib/metadata";
import type { PolicyConfig } from "./policy-config";

export { loadPolicyConfig, mergeConfig, policyEnvironment, stackDerivedConfig, stackPolicyConfig, type PolicyConfig } from "./policy-config";

const PACK_VERSION = (JSON.parse(readFileSync(path.join(__dirname, "..", "..", "policies", "package.json"), "utf8")) as { version: string }).version;

export interface Violation {
    policyName: string;
    enforcementLevel: EnforcementLevel;
    severity: string;
    cloud: string;
    topic: string;
    message: string;
    remediation: string;
    urn?: string;
    /** The rule could not run because a value is unknown until deploy (advisory, as the analyzer reports it). */
    deferred: boolean;
}

/** The SDK's own unknown-checking proxy and its error (internal to @pulumi/policy, so not in its typings). */
const { unknownCheckingProxy, UnknownValueError } = proxyModule as unknown as {
    unknownCheckingProxy<T>(value: T): T;
    UnknownValueError: new (...args: never[]) => Error;
};

/** The SDK's own deserializer (internal to @pulumi/policy, so not in its typings). */
const { deserializeProperties } = deserializeModule as unknown as {
    deserializeProperties(struct: { toJavaScript(): unknown }, proxySecrets: boolean): Record<string, unknown>;
};

function deserialize(inputs: Record<string, unknown>): Record<string, unknown> {
    // The server deserializes a protobuf Struct; it only calls toJavaScript() on it.
    return deserializeProperties({ toJavaScript: () => inputs }, false);
}

function providerUrn(ref: string | undefined): string | undefined {
    return ref ? ref.slice(0, ref.lastIndexOf("::")) : undefined;
}

function optionsOf(r: RecordedResource): PolicyResourceOptions {
    return {
        protect: r.protect,
        ignoreChanges: r.ignoreChanges,
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
        deleteBeforeReplace: r.deleteBeforeReplace || undefined,
        parent: r.parent,
    };
}

function isTypeOf(type: string, resourceClass: { __pulumiType?: string; isInstance?: (o: unknown) => boolean }): boolean {
    if (resourceClass.__pulumiType) return type === resourceClass.__pulumiType;
    return typeof resourceClass.isInstance === "function" && resourceClass.isInstance({ __pulumiType: type }) === true;
}

class NotApplicableError extends Error {}
const notApplicable = (reason?: string): never => {
    throw new NotApplicableError(reason ?? "Policy does not apply");
};

export interface CheckOptions {
    config: PolicyConfig;
    policies?: LandingZonePolicy[];
}

/** Runs every resource policy on every resource and every stack policy on the stack. */
export async function checkPolicies(resources: RecordedResource[], options: CheckOptions): Promise<Violation[]> {
    const policies = options.policies ?? packPolicies;
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    // Like the analyzer (one request per resource, shared by every policy), each resource's props are
    // deserialized once per run, not once per policy.
    const propsCache = new Map<string, Record<string, unknown>>();
    const propsOf = (r: RecordedResource) => {
        let props = propsCache.get(r.urn);
        if (!props) propsCache.set(r.urn, props = unknownCheckingProxy(deserialize(r.inputs)));
        return props;
    };
    const providerOf = (r: RecordedResource): PolicyProviderResource | undefined => {
        const provider = byUrn.get(providerUrn(r.provider) ?? "");
        if (!provider) return undefined;
        return { type: provider.type, urn: provider.urn, name: provider.name, props: propsOf(provider) };
    };
    let stackResourcesCache: PolicyResource[] | undefined;
    const stackResourcesOf = (): PolicyResource[] => {
        if (stackResourcesCache) return stackResourcesCache;
        const stackResources = resources.map((r) => {
            const props = propsOf(r);
            const resource: PolicyResource = {
                type: r.type, props, urn: r.urn, name: r.name, opts: optionsOf(r), dependencies: [], propertyDependencies: {},
                isType: (cls) => isTypeOf(r.type, cls as never),
                asType: ((cls: never) => (isTypeOf(r.type, cls) ? props : undefined)) as PolicyResource["asType"],
            };
            const provider = providerOf(r);
            if (provider) resource.provider = provider;
            return resource;
        });
        const resolved = new Map(stackResources.map((r) => [r.urn, r]));
        resources.forEach((r, i) => {
            const parent = r.parent ? resolved.get(r.parent) : undefined;
            if (parent) stackResources[i].parent = parent;
            stackResources[i].dependencies = r.dependencies.map((d) => resolved.get(d)).filter((d): d is PolicyResource => !!d);
        });
        return (stackResourcesCache = stackResources);
    };
    const violations: Violation[] = [];

    for (const policy of policies) {
        const level = options.config[policy.name]?.enforcementLevel ?? policy.enforcementLevel ?? "advisory";
        if (level === "disabled") continue;
        const enforcementLevel: EnforcementLevel = level === "remediate" ? "mandatory" : level;
        const { enforcementLevel: _level, ...settings } = options.config[policy.name] ?? {};
        const getConfig = <T extends object>() => settings as T;
        const base = {
            policyName: policy.name, enforcementLevel, severity: policy.severity ?? "medium", cloud: policy.metadata.cloud,
            topic: policy.metadata.topic, remediation: policy.metadata.remediation,
        };
        const report: ReportViolation = (message, urn) => {
            violations.push({ ...base, message: message ? `${policy.description}\n${message}` : policy.description, urn, deferred: false });
        };
        const handle = (error: unknown, urn?: string) => {
            if (error instanceof UnknownValueError) {
                const message = `can't run policy '${policy.name}' from policy pack '${PACK_NAME}@v${PACK_VERSION}' during preview: ${error.message}`;
                violations.push({ ...base, enforcementLevel: "advisory", message, urn, deferred: true });
            } else if (!(error instanceof NotApplicableError)) {
                throw new Error(`Error validating resource with policy '${policy.name}': ${error instanceof Error ? error.stack : String(error)}`);
            }
        };

        if (isStackPolicy(policy)) {
            const stackResources = stackResourcesOf();
            const args: StackValidationArgs = { resources: stackResources, getConfig, stackTags: new Map(), notApplicable };
            try {
                await policy.validateStack(args, report);
            } catch (error) {
                handle(error);
            }
            continue;
        }

        const validations = policy.validateResource ? [policy.validateResource].flat() : [];
        const only = validations.length === 1 ? (validations[0] as { __pulumiType?: string }).__pulumiType : undefined;
        // A pack policy validates only its metadata's types (define.ts returns at once for others):
        // skip the rest before building arguments.
        const types = policy.metadata?.resourceTypes ? new Set(policy.metadata.resourceTypes) : undefined;
        for (const r of resources) {
            if (only && r.type !== only) continue;
            if (types && !types.has(r.type)) continue;
            for (const validation of validations) {
                try {
                    const props = propsOf(r);
                    const args: ResourceValidationArgs = {
                        type: r.type, props, urn: r.urn, name: r.name, opts: optionsOf(r), stackTags: new Map(),
                        isType: (cls) => isTypeOf(r.type, cls as never),
                        asType: ((cls: never) => (isTypeOf(r.type, cls) ? props : undefined)) as ResourceValidationArgs["asType"],
                        getConfig, notApplicable,
                    };
                    const provider = providerOf(r);
                    if (provider) args.provider = provider;
                    await validation(args, (message, urn) => report(message, urn ?? r.urn));
                } catch (error) {
                    handle(error, r.urn);
                }
            }
        }
    }
    return violations;
}

/** A resource's path for people: the logical names from the stack down (`network > network-vpc`). */
export function resourcePath(resources: RecordedResource[], urn: string | undefined): string {
    if (!urn) return "(stack)";
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const names: string[] = [];
    for (let r = byUrn.get(urn); r && r.type !== "pulumi:pulumi:Stack"; r = r.parent ? byUrn.get(r.parent) : undefined) names.unshift(r.name);
    const self = byUrn.get(urn);
    return `${names.join(" > ")}${self ? ` (${self.type})` : ""}`;
}

const SEVERITY_ORDER = ["critical", "high", "medium", "low"];

/** Violations for the console: grouped by severity, mandatory first, deferred checks summarised. */
export function renderViolations(resources: RecordedResource[], violations: Violation[]): string {
    const lines: string[] = [];
    const real = violations.filter((v) => !v.deferred);
    for (const severity of SEVERITY_ORDER) {
        const group = real.filter((v) => v.severity === severity)
            .sort((a, b) => Number(b.enforcementLevel === "mandatory") - Number(a.enforcementLevel === "mandatory") || a.policyName.localeCompare(b.policyName));
        if (!group.length) continue;
        lines.push(`  ${severity.toUpperCase()} (${group.length})`);
        for (const v of group) {
            lines.push(`    [${v.enforcementLevel}] ${v.policyName}  ${resourcePath(resources, v.urn)}`);
            lines.push(`      ${v.message.split("\n").slice(1).join(" ") || v.message}`);
        }
    }
    const deferred = violations.filter((v) => v.deferred);
    if (deferred.length) {
        const counts = new Map<string, number>();
        for (const v of deferred) counts.set(v.policyName, (counts.get(v.policyName) ?? 0) + 1);
        lines.push(`  DEFERRED to deploy (a value is unknown during preview; advisory): ${[...counts].map(([n, c]) => `${n} x${c}`).join(", ")}`);
    }
    return lines.join("\n");
}

export function mandatoryViolations(violations: Violation[]): Violation[] {
    return violations.filter((v) => v.enforcementLevel === "mandatory" && !v.deferred);
}
