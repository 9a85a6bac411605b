/**
 * The offline plan: `npm run plan -- [options] [stack ...]` (`--help` lists the options; no stacks =
 * every config/Pulumi.<stack>.yaml). Runs the real stack programs on the mock engine in preview
 * mode, one stack at a time, a domain stack after the platform stack it reads; prints each stack's
 * resource tree, counts, warnings and policy violations, and writes <out>/<stack>.json. A stack
 * that does not plan gets no plan file (a stale one is removed) and does not stop the others.
 * `--report` also writes <out>/report.html from the planned stacks (tools/report).
 * Exit code 0: planned, no mandatory violation; 3: a mandatory policy is violated; 2: bad arguments,
 * an unreadable stack file, an invalid config, an unregistered domain or (aws) a registered domain
 * its organization does not list; 1: other errors.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { parseArgs, USAGE } from "./plan/args";
import { isInputError } from "./plan/errors";
import { planEach, type StackPlan } from "./plan/plan-stacks";
import { policyStep } from "./plan/policy-step";
import { dirOf } from "./plan/references";
import { countByType, planDocument, renderTree } from "./plan/render";
import { readStackConfig } from "./plan/stack-files";
import { stackInput } from "./report/inputs";
import type { PlanDocument, StackInput } from "./report/model";

// The SDK records a source position (a stack trace) for every resource; mapping each through the
// loader's source maps was a sixth of the plan's time. Crashes still show the transpiled position.
process.setSourceMapsEnabled(false);

function printWarnings(plan: StackPlan): void {
    for (const warning of plan.warnings) console.log(`  warning: ${warning}`);
}

function print(plan: StackPlan, quiet: boolean): void {
    const { stack, result } = plan;
    if (!result) return;
    console.log(`\n=== ${stack}: ${result.resources.length} resources (${plan.seconds.toFixed(2)} s)`);
    if (!quiet) console.log(renderTree(result.resources));
    console.log(countByType(result.resources).map(([t, n]) => `  ${String(n).padStart(4)}  ${t}`).join("\n"));
    printWarnings(plan);
}

async function main(): Promise<number> {
    const args = parseArgs(process.argv.slice(2));
    if (args.help) {
        console.log(USAGE);
        return args.problems.length ? 2 : 0;
    }
    if (args.problems.length) {
        console.error(`plan: ${args.problems.length} problem(s) with the arguments:\n${args.problems.map((p) => `  - ${p}`).join("\n")}\n(npm run plan -- --help lists the options)`);
        return 2;
    }
    mkdirSync(args.outDir, { recursive: true });
    const t0 = performance.now();
    let policySeconds = 0;
    let mandatory = 0;
    let exitCode = 0;
    const reportInputs: StackInput[] = [];
    for await (const plan of planEach(args.stacks, { configDir: args.configDir, strict: args.strict })) {
        const file = path.join(args.outDir, `${plan.stack}.json`);
        if (plan.error) {
            rmSync(file, { force: true });
            const clean = isInputError(plan.error);
            console.error(`\n=== ${plan.stack}: not planned\n${clean ? (plan.error as Error).message : (plan.error as Error).stack}`);
            printWarnings(plan);
            exitCode = Math.max(exitCode, clean ? 2 : 1);
            continue;
        }
        if (!plan.requested) continue;
        print(plan, args.quiet);
        let violations;
        const config = readStackConfig(plan.stack, dirOf(plan.stack, args.configDir)).config;
        if (args.policies) {
            const step = await policyStep(plan.result!.resources, config);
            policySeconds += step.seconds;
            mandatory += step.mandatory;
            violations = step.violations;
            console.log(step.report);
        }
        const document = { ...planDocument(plan.stack, plan.result!.resources, plan.result!.outputs), strict: args.strict, violations };
        writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
        if (args.report) {
            reportInputs.push(stackInput(document as PlanDocument, config));
        }
    }
    if (args.report) {
        // Loaded here so that a plan without --report does not pay for the layout engine.
        const { writeReport } = require("./report/write") as typeof import("./report/write");
        const report = await writeReport(args.outDir, reportInputs);
        console.log(`\nreport written to ${path.relative(process.cwd(), report.file)} (${report.model.stacks.length} stacks, ${report.seconds.toFixed(2)} s, layout ${report.layoutSeconds.toFixed(2)} s)`);
    }
    console.log(`\nplan written to ${path.relative(process.cwd(), args.outDir) || "."} (${((performance.now() - t0) / 1000).toFixed(2)} s` +
        `${args.policies ? `, policies ${policySeconds.toFixed(2)} s` : ", policies off"}${args.strict ? ", strict" : ""})`);
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
