/**
 * Running single policies on synthetic resources, through the same checker the offline plan uses
 * (tools/plan/policies.ts, which mirrors @pulumi/policy's analyzer server).
 */
import type { RecordedResource } from "../../tools/mock-engine";
import { UNKNOWN } from "../../tools/mock-engine";
import { checkPolicies, type PolicyConfig, type Violation } from "../../tools/plan/policies";
import { policies } from "../../policies/pack";

export { UNKNOWN };
export type Inputs = Record<string, unknown>;

export interface ResourceOptions {
    protect?: boolean;
    dependsOn?: RecordedResource[];
    parent?: RecordedResource;
    provider?: RecordedResource;
}

/** A recorded resource as the mock engine would record it. */
export function res(type: string, name: string, inputs: Inputs, options: ResourceOptions = {}): RecordedResource {
    return {
        urn: `urn:pulumi:test::landing-zone::${type}::${name}`,
        type,
        name,
        custom: !type.startsWith("landing-zone:"),
        parent: options.parent?.urn,
        inputs: structuredClone(inputs),
        protect: options.protect ?? false,
        retainOnDelete: false,
        deleteBeforeReplace: false,
        ignoreChanges: [],
        dependencies: (options.dependsOn ?? []).map((d) => d.urn),
        provider: options.provider ? `${options.provider.urn}::${UNKNOWN}` : undefined,
        aliases: [],
    };
}

export function policyNamed(name: string) {
    const policy = policies.find((p) => p.name === name);
    if (!policy) throw new Error(`no policy ${name}`);
    return policy;
}

/** Runs one policy (all levels as the policy declares, i.e. mandatory) on the resources. */
export async function runPolicy(name: string, resources: RecordedResource[], config: PolicyConfig[string] = {}): Promise<Violation[]> {
    return checkPolicies(resources, { policies: [policyNamed(name)], config: { [name]: config } });
}

/** Sets the value at `path` (dot-separated, numeric parts index arrays) in a copy of `inputs`. */
export function withValue(inputs: Inputs, path: string, value: unknown): Inputs {
    const copy = structuredClone(inputs);
    const parts = path.split(".");
    let target = copy as Record<string, unknown>;
    for (const part of parts.slice(0, -1)) {
        target[part] ??= {};
        target = target[part] as Record<string, unknown>;
    }
    const last = parts[parts.length - 1];
    if (value === undefined) delete target[last];
    else target[last] = value;
    return copy;
}
