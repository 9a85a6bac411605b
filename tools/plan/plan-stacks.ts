import type { RunResult } from "../mock-engine";
import { runStack } from "./run-stack";
import { existsSync } from "node:fs";
import { CONFIG_DIR, readStackConfig, stackFile } from "./stack-files";

export interface StackPlan {
    stack: string;
    result?: RunResult;
    error?: unknown;
    seconds: number;
}

/** The platform stack a domain stack references (the same default the program applies). */
export function referencedPlatform(config: Record<string, string>): string | undefined {
    if (config["landing-zone:layer"] !== "domain") return undefined;
    return config["landing-zone:platformStack"] ??
        `platform-${config["landing-zone:cloud"]}-${config["landing-zone:environment"]}`;
}

/** The organization stack a platform stack references, when it reads one (`landing-zone:organizationStack`). */
export function referencedOrganization(config: Record<string, string>): string | undefined {
    return config["landing-zone:layer"] === "platform" ? config["landing-zone:organizationStack"] : undefined;
}

/**
 * Plans the stacks in dependency order, organization -> platform -> domain: a stack's referenced
 * stack first (planned as well when it was not asked for), its outputs fed to the StackReference.
 */
export async function planStacks(stacks: string[], options: { preview?: boolean; configDir?: string } = {}): Promise<StackPlan[]> {
    const plans = new Map<string, StackPlan>();
    const plan = async (stack: string): Promise<StackPlan> => {
        const done = plans.get(stack);
        if (done) return done;
        // A fixture folder may hold only a domain stack: its platform then comes from config/.
        const dir = options.configDir && existsSync(stackFile(stack, options.configDir)) ? options.configDir : CONFIG_DIR;
        const file = readStackConfig(stack, dir);
        const references: Record<string, Record<string, unknown>> = {};
        for (const referenced of [referencedPlatform(file.config), referencedOrganization(file.config)]) {
            if (!referenced) continue;
            const referencedPlan = await plan(referenced);
            if (referencedPlan.result) references[referenced] = referencedPlan.result.outputs;
        }
        const t0 = performance.now();
        let result: StackPlan;
        try {
            result = { stack, result: await runStack(file, { preview: options.preview, stackReferences: references }), seconds: 0 };
        } catch (error) {
            result = { stack, error, seconds: 0 };
        }
        result.seconds = (performance.now() - t0) / 1000;
        plans.set(stack, result);
        return result;
    };
    for (const stack of stacks) await plan(stack);
    return [...plans.values()];
}
