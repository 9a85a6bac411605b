import { readStackConfig } from "../tools/plan/stack-files";
import { planSample, Recorded, runStackConfig } from "./harness";

/** A sample organization stack's `landing-zone:*` config as an object (to vary one key in a test). */
export function organizationConfig(stack: string): Record<string, any> {
    const { config } = readStackConfig(stack);
    return Object.fromEntries(Object.entries(config)
        .filter(([k]) => k.startsWith("landing-zone:"))
        .map(([k, v]) => [k.slice("landing-zone:".length), v.startsWith("{") || v.startsWith("[") ? JSON.parse(v) : v]));
}

/** The recorded resources of a sample organization stack (preview by default). */
export async function organizationSample(stack: string, preview = true): Promise<Recorded> {
    return new Recorded((await planSample(stack, { preview })).resources);
}

/** A sample organization stack with some top-level config blocks replaced (preview by default). */
export async function organizationVariant(stack: string, overrides: Record<string, unknown>, extra: Record<string, unknown> = {}, preview = true): Promise<Recorded> {
    const result = await runStackConfig(stack, { ...organizationConfig(stack), ...overrides } as never, { extra, preview });
    return new Recorded(result.resources);
}
