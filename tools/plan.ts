/**
 * The offline plan: `npm run plan -- [stack ...]` (no stacks = every config/Pulumi.<stack>.yaml).
 * Runs the real stack programs on the mock engine in preview mode, resolves a domain stack's
 * StackReference from its planned platform stack, prints each stack's resource tree and counts, and
 * writes out/plan/<stack>.json. `--config-dir DIR` reads the stack files from another folder.
 * Exit code 0: planned; 2: bad arguments or a stack's config is invalid; 1: other errors.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { planStacks, type StackPlan } from "./plan/plan-stacks";
import { countByType, planDocument, renderTree } from "./plan/render";
import { CONFIG_DIR, listStacks } from "./plan/stack-files";

const OUT_DIR = path.join(__dirname, "..", "out", "plan");

interface PlanArgs {
    stacks: string[];
    quiet: boolean;
    configDir: string;
    problems: string[];
}

function parseArgs(argv: string[]): PlanArgs {
    const problems: string[] = [];
    let quiet = false;
    let configDir = CONFIG_DIR;
    const names: string[] = [];
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--quiet" || arg === "-q") quiet = true;
        else if (arg === "--config-dir") {
            const dir = argv[++i];
            if (!dir || !existsSync(dir)) problems.push(`--config-dir needs an existing folder (got ${dir ?? "nothing"})`);
            else configDir = path.resolve(dir);
        } else if (arg.startsWith("-")) problems.push(`unknown option ${arg} (options: --quiet, --config-dir DIR)`);
        else names.push(arg);
    }
    const known = existsSync(configDir) ? listStacks(configDir) : [];
    for (const name of names) {
        if (!known.includes(name)) problems.push(`unknown stack "${name}" (stacks in ${path.relative(process.cwd(), configDir) || "."}: ${known.join(", ")})`);
    }
    return { stacks: names.length ? names : known, quiet, configDir, problems };
}

function print(plan: StackPlan, quiet: boolean): void {
    const { stack, result } = plan;
    if (!result) return;
    console.log(`\n=== ${stack}: ${result.resources.length} resources (${plan.seconds.toFixed(2)} s)`);
    if (!quiet) console.log(renderTree(result.resources));
    console.log(countByType(result.resources).map(([t, n]) => `  ${String(n).padStart(4)}  ${t}`).join("\n"));
}

async function main(): Promise<number> {
    const args = parseArgs(process.argv.slice(2));
    if (args.problems.length) {
        console.error(`plan: ${args.problems.length} problem(s) with the arguments:\n${args.problems.map((p) => `  - ${p}`).join("\n")}`);
        return 2;
    }
    mkdirSync(OUT_DIR, { recursive: true });
    let exitCode = 0;
    for (const plan of await planStacks(args.stacks, { configDir: args.configDir })) {
        if (plan.error) {
            const clean = pulumi.RunError.isInstance(plan.error) || (plan.error as Error).name === "ConfigError";
            console.error(`\n=== ${plan.stack}: not planned\n${clean ? (plan.error as Error).message : (plan.error as Error).stack}`);
            exitCode = Math.max(exitCode, clean ? 2 : 1);
            continue;
        }
        if (!args.stacks.includes(plan.stack)) continue;
        print(plan, args.quiet);
        writeFileSync(path.join(OUT_DIR, `${plan.stack}.json`), `${JSON.stringify(planDocument(plan.stack, plan.result!.resources, plan.result!.outputs), null, 2)}\n`);
    }
    console.log(`\nplan written to ${path.relative(process.cwd(), OUT_DIR)}`);
    return exitCode;
}

main().then((code) => process.exit(code), (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
});
