/**
 * Plans a weakened fixture stack (test/fixtures/weakened): its config file, plus the fork's code
 * changes as a stack transform registered before the program runs; a domain fixture reads the
 * planned sample platform stack.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { runOnMocks, type RunResult } from "../../tools/mock-engine";
import { referencedPlatform } from "../../tools/plan/plan-stacks";
import { cannedInvokes } from "../../tools/plan/invokes";
import { readStackConfig } from "../../tools/plan/stack-files";
import { planSample } from "../harness";
import { weakenings } from "../fixtures/weakened/weakenings";

export const FIXTURE_DIR = path.join(__dirname, "..", "fixtures", "weakened");
const PROJECT_ROOT = path.join(__dirname, "..", "..");
const PROGRAM = path.join(PROJECT_ROOT, "stacks", "index.ts");

function unloadProgram(): void {
    for (const id of Object.keys(require.cache)) {
        if (id.startsWith(PROJECT_ROOT) && !id.includes(`${path.sep}node_modules${path.sep}`) &&
            !id.includes(`${path.sep}tools${path.sep}`) && !id.includes(`${path.sep}test${path.sep}`) && !id.includes(`${path.sep}policies${path.sep}`)) {
            delete require.cache[id];
        }
    }
}

export async function planWeakened(stack: string): Promise<{ result: RunResult; config: Record<string, string> }> {
    const file = readStackConfig(stack, FIXTURE_DIR);
    const platform = referencedPlatform(file.config);
    const stackReferences = platform ? { [platform]: (await planSample(platform)).outputs } : {};
    const weaken = weakenings[stack];
    const result = await runOnMocks(async () => {
        unloadProgram();
        await pulumi.runtime.registerResourceTransform((args) => {
            const props = weaken(args.type, args.name, args.props as Record<string, unknown>);
            return props ? { props, opts: args.opts } : undefined;
        });
        return require(PROGRAM);
    }, { stack, config: file.config, secretKeys: file.secretKeys, preview: true, stackReferences, invokes: cannedInvokes });
    return { result, config: file.config };
}
