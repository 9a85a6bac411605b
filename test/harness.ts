/**
 * Test harness for mock runs: run a sample stack, a stack config of the test's own, or a single
 * component on the mock engine (preview mode by default), then query what was recorded.
 */
import type { RecordedResource, RunResult } from "../tools/mock-engine";
import { plainValue, runOnMocks } from "../tools/mock-engine";
import { planStacks } from "../tools/plan/plan-stacks";
import { runStack } from "../tools/plan/run-stack";
import { cannedInvokes } from "../tools/plan/invokes";
import { fromConfigMap } from "../tools/plan/stack-files";
import { validateStackConfig } from "../components/core/config/validate";
import type { StackContext } from "../components/core/contracts";
import type { StackConfig } from "../components/core/config/types";
import { stackContext } from "../stacks/program";

export { plainValue, type RecordedResource, type RunResult };

/** Recorded resources with queries. Inputs come back plain: unknowns as undefined, secrets unwrapped. */
export class Recorded {
    constructor(readonly resources: RecordedResource[]) {}

    ofType(type: string): RecordedResource[] {
        return this.resources.filter((r) => r.type === type);
    }

    /** The only resource of `type` (whose name contains `nameIncludes`); fails if there is not exactly one. */
    one(type: string, nameIncludes = ""): RecordedResource {
        const found = this.ofType(type).filter((r) => r.name.includes(nameIncludes));
        if (found.length !== 1) {
            throw new Error(`expected one ${type}${nameIncludes ? ` named *${nameIncludes}*` : ""}, found ${found.length}: ${found.map((r) => r.name).join(", ")}`);
        }
        return found[0];
    }

    inputs(resource: RecordedResource): Record<string, any> {
        return plainValue(resource.inputs) as Record<string, any>;
    }

    byUrn(urn: string): RecordedResource | undefined {
        return this.resources.find((r) => r.urn === urn);
    }

    /** Custom resources (no components, no stack). */
    get custom(): RecordedResource[] {
        return this.resources.filter((r) => r.custom);
    }
}

const samplePlans = new Map<string, Promise<RunResult>>();

/**
 * The mock runtime is global to the process: two programs must not run on it at once. Tests start
 * several plans together (`Promise.all` over the clouds), and a platform that reads its
 * organization stack plans that one first, so runs are queued here, one after the other.
 */
let runQueue: Promise<unknown> = Promise.resolve();
function serially<T>(task: () => Promise<T>): Promise<T> {
    const run = runQueue.then(task, task);
    runQueue = run.catch(() => undefined);
    return run;
}

/** Plans a sample stack from `config/` (its platform stack first for a domain stack); memoised per mode. */
export function planSample(stack: string, options: { preview?: boolean } = {}): Promise<RunResult> {
    const key = `${stack}:${options.preview ?? true}`;
    if (!samplePlans.has(key)) {
        samplePlans.set(key, serially(() => planStacks([stack], options)).then((plans) => {
            const plan = plans.find((p) => p.stack === stack)!;
            if (plan.error) throw plan.error;
            return plan.result!;
        }));
    }
    return samplePlans.get(key)!;
}

/** Runs the stack program with the given `landing-zone:*` config (plus provider keys, if any). */
export async function runStackConfig(
    stack: string,
    config: Partial<StackConfig> & Record<string, unknown>,
    options: { preview?: boolean; stackReferences?: Record<string, Record<string, unknown>>; extra?: Record<string, unknown> } = {},
): Promise<RunResult> {
    const entries: Record<string, unknown> = { ...options.extra };
    for (const [k, v] of Object.entries(config)) if (v !== undefined) entries[`landing-zone:${k}`] = v;
    // A platform that reads its organization stack reads the planned sample, as the plan does.
    const references = { ...options.stackReferences };
    const organization = config.layer === "platform" || config.layer === "domain" ? config.organizationStack : undefined;
    if (typeof organization === "string" && !references[organization]) {
        references[organization] = (await planSample(organization, { preview: options.preview })).outputs;
    }
    return serially(() => runStack(fromConfigMap(stack, entries), { ...options, stackReferences: references }));
}

/** A stack context from a partial config (validated, presets applied), for running one component. */
export function testContext(config: Partial<StackConfig> & Pick<StackConfig, "cloud">): StackContext {
    const raw = { layer: "platform", environment: "dev", region: "eu-west-1", owner: "team", ...config };
    return stackContext(validateStackConfig(raw));
}

/** Runs `build` (which creates components) on the mock engine and returns what it registered. */
export async function runComponent(build: () => unknown, options: { preview?: boolean; stack?: string } = {}): Promise<Recorded> {
    const result = await runOnMocks(async () => {
        await build();
        return {};
    }, { stack: options.stack ?? "test", config: {}, preview: options.preview ?? true, invokes: cannedInvokes });
    return new Recorded(result.resources);
}
