import { existsSync } from "node:fs";
import * as path from "node:path";
import { CONFIG_DIR, listStacks } from "./stack-files";

export const DEFAULT_OUT_DIR = path.join(__dirname, "..", "..", "out", "plan");

export interface PlanArgs {
    stacks: string[];
    quiet: boolean;
    configDir: string;
    outDir: string;
    /** Run the policy pack on each planned stack (default; `--no-policies` turns it off). */
    policies: boolean;
    /** Plan a domain stack against fabricated (deployed-like) outputs of its platform. */
    strict: boolean;
    /** Also write <out>/report.html: overview, topology, parity and policy findings of the planned stacks. */
    report: boolean;
    help: boolean;
    problems: string[];
}

export const USAGE = `usage: npm run plan -- [options] [stack ...]

Plans the stacks offline (no stack named: every config/Pulumi.<stack>.yaml): runs the stack program
on Pulumi's mock engine in preview mode, prints each stack's resource tree and counts, runs the
policy pack with the stack's policy-pack config (npm run policy-config -- <stack>) and writes
<out>/<stack>.json. A domain stack reads its planned platform stack.

options:
  -q, --quiet        counts and violations only, no resource trees
  --no-policies      skip the policy pack
  --strict           plan a domain stack against fabricated outputs of its platform (as after the
                     platform's deploy), so rules a preview defers on unknown platform values run
  --report           also write <out>/report.html: one offline page with the stacks by layer and
                     cloud, a topology diagram per stack, the cross-cloud parity view and the
                     policy findings (npm run report:check opens it in a headless browser)
  --config-dir DIR   read the stack files from DIR (a stack missing there is read from config/)
  --out DIR          write the plan files to DIR (default out/plan)
  -h, --help         this text

exit code: 0 planned, no mandatory violation; 2 bad arguments, a stack file or config invalid, a
domain not registered on its platform, or (aws) a platform's domain its organization stack does not
list; 3 a mandatory policy is violated; 1 anything else.`;

const OPTIONS = "--quiet, --no-policies, --strict, --report, --config-dir DIR, --out DIR, --help";

/** The command line, with every problem in it collected (reported at once, exit 2). */
export function parseArgs(argv: string[]): PlanArgs {
    const args: PlanArgs = {
        stacks: [], quiet: false, configDir: CONFIG_DIR, outDir: DEFAULT_OUT_DIR, policies: true, strict: false, report: false, help: false, problems: [],
    };
    const names: string[] = [];
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--quiet" || arg === "-q") args.quiet = true;
        else if (arg === "--no-policies") args.policies = false;
        else if (arg === "--strict") args.strict = true;
        else if (arg === "--report") args.report = true;
        else if (arg === "--help" || arg === "-h") args.help = true;
        else if (arg === "--config-dir") {
            const dir = argv[++i];
            if (!dir || !existsSync(dir)) args.problems.push(`--config-dir needs an existing folder (got ${dir ?? "nothing"})`);
            else args.configDir = path.resolve(dir);
        } else if (arg === "--out") {
            const dir = argv[++i];
            if (!dir || dir.startsWith("-")) args.problems.push(`--out needs a folder (got ${dir ?? "nothing"})`);
            else args.outDir = path.resolve(dir);
        } else if (arg.startsWith("-")) args.problems.push(`unknown option ${arg} (options: ${OPTIONS})`);
        else names.push(arg);
    }
    const known = existsSync(args.configDir) ? listStacks(args.configDir) : [];
    for (const name of names) {
        if (!known.includes(name)) args.problems.push(`unknown stack "${name}" (stacks in ${path.relative(process.cwd(), args.configDir) || "."}: ${known.join(", ")})`);
    }
    args.stacks = names.length ? names : known;
    return args;
}
