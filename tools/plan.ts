/**
 * The offline plan: `npm run plan -- [stack ...]` (no stacks = every config/Pulumi.<stack>.yaml).
 * Runs the real stack programs on the mock engine in preview mode, resolves a domain stack's
 * StackReference from its planned platform stack, prints each stack's resource tree and counts, and
 * writes out/plan/<stack>.json. `--config-dir DIR` reads the stack files from another folder.
 * Then it runs the policy pack (policies/) on each stack's record with the policy config of the
 * stack's environment, prints violations grouped by severity with resource path and remediation and
 * adds them to the JSON (`--no-policies` skips this).
 * Exit code 0: planned, no mandatory violation; 3: a mandatory policy is violated; 2: bad arguments
 * or a stack's config is invalid; 1: other errors.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { planStacks, type StackPlan } from "./plan/plan-stacks";
import { countByType, planDocument, renderTree } from "./plan/render";
import { CONFIG_DIR, listStacks, readStackConfig } from "./plan/stack-files";
import type { Violation } from "./plan/policies";

const OUT_DIR = path.join(__dirname, "..", "out", "plan");

// The SDK records a source position (a stack trace) for every resource; mapping each through the
// loader's source maps was a sixth of the plan's time. Crashes still show the transpiled position.
process.setSourceMapsEnabled(false);

interface PlanArgs {
    stacks: string[];
    quiet: boolean;
    configDir: string;
    /** Run the policy pack on each planned stack (default; `--no-policies` turns it off). */
    policies: boolean;
    problems: string[];
}

function parseArgs(argv: string[]): PlanArgs {
    const problems: string[] = [];
    let quiet = false;
    let policies = true;
    let configDir = CONFIG_DIR;
    const names: string[] = [];
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--quiet" || arg === "-q") quiet = true;
        else if (arg === "--no-policies") policies = false;
        else if (arg === "--config-dir") {
            const dir = argv[++i];
            if (!dir || !existsSync(dir)) problems.push(`--config-dir needs an existing folder (got ${dir ?? "nothing"})`);
            else configDir = path.resolve(dir);
        } else if (arg.startsWith("-")) problems.push(`unknown option ${arg} (options: --quiet, --config-dir DIR, --no-policies)`);
        else names.push(arg);
    }
    const known = existsSync(configDir) ? listStacks(configDir) : [];
    for (const name of names) {
        if (!known.includes(name)) problems.push(`unknown stack "${name}" (stacks in ${path.relative(process.cwd(), configDir) || "."}: ${known.join(", ")})`);
    }
    return { stacks: names.length ? names : known, quiet, configDir, policies, problems };
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
    const t0 = performance.now();
    let policySeconds = 0;
    let mandatory = 0;
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
        let violations: Violation[] | undefined;
        if (args.policies) {
            const p0 = performance.now();
            // Loaded here so that --no-policies does not pay for the pack.
            const { checkPolicies, loadPolicyConfig, mandatoryViolations, mergeConfig, policyEnvironment, renderViolations, stackDerivedConfig } =
                require("./plan/policies") as typeof import("./plan/policies");
            const stackConfig = readStackConfig(plan.stack, args.configDir).config;
            const env = policyEnvironment(stackConfig["landing-zone:environment"] ?? "dev");
            violations = await checkPolicies(plan.result!.resources, {
                config: mergeConfig(loadPolicyConfig(env), stackDerivedConfig(stackConfig)),
            });
            const seconds = (performance.now() - p0) / 1000;
            policySeconds += seconds;
            const blocking = mandatoryViolations(violations).length;
            mandatory += blocking;
            const shown = violations.filter((v) => !v.deferred).length;
            console.log(`  policies (${env}.json, ${seconds.toFixed(2)} s): ${blocking} mandatory, ${shown - blocking} advisory, ${violations.length - shown} deferred`);
            if (violations.length) console.log(renderViolations(plan.result!.resources, violations));
        }
        const document = { ...planDocument(plan.stack, plan.result!.resources, plan.result!.outputs), violations };
        writeFileSync(path.join(OUT_DIR, `${plan.stack}.json`), `${JSON.stringify(document, null, 2)}\n`);
    }
    console.log(`\nplan written to ${path.relative(process.cwd(), OUT_DIR)} (${((performance.now() - t0) / 1000).toFixed(2)} s` +
        `${args.policies ? `, policies ${policySeconds.toFixed(2)} s` : ", policies off"})`);
    if (mandatory > 0) {
        console.error(`plan: ${mandatory} mandatory policy violation(s)`);
        exitCode = Math.max(exitCode, 3);
    }
    return exitCode;
}

main().then((code) => process.exit(code), (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
});
