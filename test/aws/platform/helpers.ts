import { Naming } from "../../../components/core/naming";
import { readStackConfig } from "../../../tools/plan/stack-files";
import { planSample, Recorded, runStackConfig, type RecordedResource, type RunResult } from "../../harness";

/** A sample stack's `landing-zone:*` config as an object (to vary one key in a test). */
export function sampleConfig(stack: string): Record<string, any> {
    const { config } = readStackConfig(stack);
    return Object.fromEntries(Object.entries(config)
        .filter(([k]) => k.startsWith("landing-zone:"))
        .map(([k, v]) => [k.slice("landing-zone:".length), v.startsWith("{") || v.startsWith("[") ? JSON.parse(v) : v]));
}

/**
 * A sample platform as it runs without an organization stack: its own account (`aws.accountId`,
 * known at plan time) and hierarchy block (prod `create`, dev `skip`). The component tests check
 * policies that name the account on this shape; `organized()` runs the samples as they are.
 */
export function standaloneConfig(stack: string): Record<string, any> {
    const { organizationStack, ...config } = sampleConfig(stack);
    if (!organizationStack || config.layer !== "platform") return sampleConfig(stack);
    const prod = config.environment === "prod";
    return {
        ...config,
        hierarchy: prod ? { mode: "create", parentId: "r-ab12", emailDomain: "acme.example" } : { mode: "skip" },
        aws: { ...config.aws, accountId: prod ? "111111111111" : "222222222222" },
    };
}

const standaloneRuns = new Map<string, Promise<RunResult>>();

/** A sample platform run standalone (`standaloneConfig`), memoised per mode. */
export function standalone(stack: string, preview = true): Promise<RunResult> {
    const key = `${stack}:${preview}`;
    if (!standaloneRuns.has(key)) standaloneRuns.set(key, runStackConfig(stack, standaloneConfig(stack) as never, { preview }));
    return standaloneRuns.get(key)!;
}

/** The recorded resources of a sample platform stack run standalone (preview by default). */
export async function sample(stack: "platform-aws-prod" | "platform-aws-dev", preview = true): Promise<Recorded> {
    return new Recorded((await standalone(stack, preview)).resources);
}

/** The recorded resources of a sample platform stack as it is: reading organization-aws. */
export async function organized(stack: "platform-aws-prod" | "platform-aws-dev", preview = true): Promise<Recorded> {
    return new Recorded((await planSample(stack, { preview })).resources);
}

/** A sample stack (run standalone) with some top-level config blocks replaced. */
export async function variant(stack: string, overrides: Record<string, unknown>, preview = true): Promise<Recorded> {
    const result = await runStackConfig(stack, { ...standaloneConfig(stack), ...overrides } as never, { preview });
    return new Recorded(result.resources);
}

/** Parses a JSON policy input (IAM, key or bucket policy). */
export function policyOf(rec: Recorded, resource: RecordedResource, field = "policy"): { Statement: Record<string, any>[] } {
    const value = rec.inputs(resource)[field];
    if (typeof value !== "string") throw new Error(`${resource.name}.${field} is not known at plan time`);
    return JSON.parse(value);
}

/** The naming of a domain of the prod sample platform (the contract both stacks follow). */
export function domainNaming(domain: string, environment = "prod"): Naming {
    return new Naming("acme", environment, "eu-west-1", domain);
}

/** A CodeBuild project's plain variables by name. */
export function variablesOf(project: Record<string, any>): Record<string, string> {
    return Object.fromEntries((project.environment.environmentVariables as { name: string; value: string }[]).map((v) => [v.name, v.value]));
}
