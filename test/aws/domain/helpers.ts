import type { StackConfig } from "../../../components/core/config/types";
import type { Environment } from "../../../components/core/config/types";
import { plainValue, Recorded, runStackConfig, type RecordedResource, type RunResult } from "../../harness";
import { fakePlatformOutputs } from "./fake-platform";

export type DomainOverrides = Partial<Omit<StackConfig, "layer" | "cloud" | "environment">>;

/** The base config of an `orders` domain stack on AWS. */
export function domainConfig(environment: Environment, overrides: DomainOverrides = {}): Partial<StackConfig> {
    return {
        layer: "domain", cloud: "aws", environment, region: "eu-west-1", owner: "orders-team", prefix: "acme",
        domain: "orders", network: { cidr: "10.10.0.0/16" }, pipeline: { repository: "acme/orders-service" }, ...overrides,
    };
}

const runs = new Map<string, Promise<RunResult>>();

/**
 * Runs an `orders` domain stack with its own config on the fake platform; memoised per config and
 * mode. `preview: false` fabricates ids and ARNs, so cross-resource references can be compared.
 */
export function runDomain(environment: Environment, overrides: DomainOverrides = {}, options: { preview?: boolean } = {}): Promise<RunResult> {
    const preview = options.preview ?? true;
    const key = JSON.stringify([environment, overrides, preview]);
    if (!runs.has(key)) {
        runs.set(key, runStackConfig(`orders-aws-${environment}`, domainConfig(environment, overrides), {
            preview,
            stackReferences: { [`platform-aws-${environment}`]: fakePlatformOutputs(environment) },
        }));
    }
    return runs.get(key)!;
}

export async function recordDomain(environment: Environment, overrides: DomainOverrides = {}, options: { preview?: boolean } = {}): Promise<Recorded> {
    return new Recorded((await runDomain(environment, overrides, options)).resources);
}

/** A stack output as plain JS (unknowns undefined, secrets unwrapped). */
export async function domainOutput(environment: Environment, overrides: DomainOverrides, name: string, options: { preview?: boolean } = {}): Promise<any> {
    return plainValue((await runDomain(environment, overrides, options)).outputs[name]);
}

/** The fabricated ARN the mock engine gives a resource (`preview: false`). */
export function fabricatedArn(resource: RecordedResource): string {
    return `arn:aws:${resource.type.split(":")[1].split("/")[0]}:eu-west-1:123456789012:${resource.name}`;
}

/** A JSON policy document input, parsed. */
export function parsePolicy(text: unknown): { Statement: { Sid?: string; Effect: string; Action: string | string[]; Resource: string | string[]; Principal?: unknown; Condition?: any }[] } {
    assert(typeof text === "string", `policy is not a known string: ${String(text)}`);
    return JSON.parse(text);
}

function assert(condition: boolean, message: string): asserts condition {
    if (!condition) throw new Error(message);
}

export const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export const RDS = "aws:rds/instance:Instance";
