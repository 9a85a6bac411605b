import type { RunResult } from "../mock-engine";
import { DependencyError } from "./errors";
import { checkStackInputs, dirOf, referencedStacks } from "./references";
import { runStack } from "./run-stack";
import { readStackConfig } from "./stack-files";

export { referencedOrganization, referencedPlatform, referencedStacks } from "./references";

export interface StackPlan {
    stack: string;
    result?: RunResult;
    error?: unknown;
    seconds: number;
    /** Warnings the program logged while it ran (`pulumi.log.warn`). */
    warnings: string[];
    /** Asked for (false: planned only because a stack asked for reads it). */
    requested: boolean;
}

export interface PlanOptions {
    /** Preview (default) or a run with fabricated outputs. */
    preview?: boolean;
    /** Feed a domain stack fabricated (deployed-like) outputs of its platform, so rules deferred on unknowns run. */
    strict?: boolean;
    configDir?: string;
}

/**
 * Plans the stacks in dependency order (organization -> platform -> domain), one at a time, handing
 * each plan out as soon as it is done (a stack's referenced stack first, planned as well when it was not asked for). Only the
 * outputs of the stacks another stack reads are kept, so memory does not grow with the number of
 * stacks planned. Config mistakes come first: a stack whose config is invalid, a domain its
 * platform does not register, or an aws platform's domain its organization does not list, fails
 * before the stack it reads is planned.
 */
export async function* planEach(stacks: string[], options: PlanOptions = {}): AsyncGenerator<StackPlan> {
    const asked = new Set(stacks);
    /** Outputs (wire form) of planned stacks another stack may read; undefined when the stack failed. */
    const outputs = new Map<string, Record<string, unknown> | undefined>();
    const fabricated = new Map<string, Record<string, unknown> | undefined>();

    async function* plan(stack: string): AsyncGenerator<StackPlan> {
        if (outputs.has(stack)) return;
        outputs.set(stack, undefined);
        const t0 = performance.now();
        const warnings: string[] = [];
        const done = (fields: Pick<StackPlan, "result" | "error">): StackPlan =>
            ({ stack, ...fields, warnings, seconds: (performance.now() - t0) / 1000, requested: asked.has(stack) });
        let file;
        try {
            file = readStackConfig(stack, dirOf(stack, options.configDir));
            checkStackInputs(file, options.configDir);
        } catch (error) {
            yield done({ error });
            return;
        }
        const references: Record<string, Record<string, unknown>> = {};
        for (const ref of referencedStacks(file.config)) {
            yield* plan(ref.stack);
            const upstream = options.strict ? await fabricatedOutputs(ref.stack) : outputs.get(ref.stack);
            if (!upstream) {
                yield done({ error: new DependencyError(ref.name) });
                return;
            }
            references[ref.name] = upstream;
        }
        const started = performance.now();
        try {
            const result = await runStack(file, { preview: options.preview, stackReferences: references, onWarning: (m) => warnings.push(m) });
            outputs.set(stack, result.outputs);
            const plan = done({ result });
            plan.seconds = (performance.now() - started) / 1000;
            yield plan;
        } catch (error) {
            yield done({ error });
        }
    }

    /** The referenced stack's outputs as after its deploy: ids, ARNs and names known (strict mode). */
    async function fabricatedOutputs(stack: string): Promise<Record<string, unknown> | undefined> {
        if (!fabricated.has(stack)) {
            let result: RunResult | undefined;
            try {
                const file = readStackConfig(stack, dirOf(stack, options.configDir));
                // The stack's own upstream (a platform's organization), deployed-like as well.
                const stackReferences: Record<string, Record<string, unknown>> = {};
                for (const upstream of referencedStacks(file.config)) {
                    const upstreamOutputs = await fabricatedOutputs(upstream.stack);
                    if (upstreamOutputs) stackReferences[upstream.name] = upstreamOutputs;
                }
                result = outputs.get(stack) ? await runStack(file, { preview: false, stackReferences }) : undefined;
            } catch {
                result = undefined;
            }
            fabricated.set(stack, result?.outputs);
        }
        return fabricated.get(stack);
    }

    for (const stack of stacks) yield* plan(stack);
}

/** Every plan at once (for tests and the snapshots): the requested stacks and those they read. */
export async function planStacks(stacks: string[], options: PlanOptions = {}): Promise<StackPlan[]> {
    const plans: StackPlan[] = [];
    for await (const plan of planEach(stacks, options)) plans.push(plan);
    return plans;
}
