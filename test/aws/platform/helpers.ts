import { readStackConfig } from "../../../tools/plan/stack-files";
import { planSample, Recorded, runStackConfig, type RecordedResource } from "../../harness";

/** A sample stack's `landing-zone:*` config as an object (to vary one key in a test). */
export function sampleConfig(stack: string): Record<string, any> {
    const { config } = readStackConfig(stack);
    return Object.fromEntries(Object.entries(config)
        .filter(([k]) => k.startsWith("landing-zone:"))
        .map(([k, v]) => [k.slice("landing-zone:".length), v.startsWith("{") || v.startsWith("[") ? JSON.parse(v) : v]));
}

/** The recorded resources of a sample platform stack (preview by default). */
export async function sample(stack: "platform-aws-prod" | "platform-aws-dev", preview = true): Promise<Recorded> {
    return new Recorded((await planSample(stack, { preview })).resources);
}

/** A sample stack with some top-level config blocks replaced. */
export async function variant(stack: string, overrides: Record<string, unknown>, preview = true): Promise<Recorded> {
    const result = await runStackConfig(stack, { ...sampleConfig(stack), ...overrides } as never, { preview });
    return new Recorded(result.resources);
}

/** Parses a JSON policy input (IAM, key or bucket policy). */
export function policyOf(rec: Recorded, resource: RecordedResource, field = "policy"): { Statement: Record<string, any>[] } {
    const value = rec.inputs(resource)[field];
    if (typeof value !== "string") throw new Error(`${resource.name}.${field} is not known at plan time`);
    return JSON.parse(value);
}
