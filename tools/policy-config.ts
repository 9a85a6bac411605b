/**
 * `npm run policy-config -- <stack> [--config-dir DIR]`: prints the `--policy-pack-config` JSON of a
 * stack, exactly the levels and settings the offline plan checks it with, for CI to pass to
 * `pulumi preview --policy-pack policies --policy-pack-config <file>`.
 * Exit code 2 on bad arguments or an unreadable stack file (one message listing every problem).
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import { stackPolicyConfig } from "./plan/policy-config";
import { dirOf } from "./plan/references";
import { CONFIG_DIR, listStacks, readStackConfig } from "./plan/stack-files";

export function policyConfigMain(argv: string[]): { code: number; out: string } {
    const problems: string[] = [];
    let configDir = CONFIG_DIR;
    const names: string[] = [];
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === "--config-dir") {
            const dir = argv[++i];
            if (!dir || !existsSync(dir)) problems.push(`--config-dir needs an existing folder (got ${dir ?? "nothing"})`);
            else configDir = path.resolve(dir);
        } else if (argv[i].startsWith("-")) problems.push(`unknown option ${argv[i]} (options: --config-dir DIR)`);
        else names.push(argv[i]);
    }
    if (names.length !== 1) problems.push(`name exactly one stack (got ${names.length ? names.join(" ") : "none"})`);
    const known = existsSync(configDir) ? listStacks(configDir) : [];
    for (const name of names) if (!known.includes(name)) problems.push(`unknown stack "${name}" (stacks: ${known.join(", ")})`);
    if (problems.length) {
        return { code: 2, out: `policy-config: ${problems.length} problem(s) with the arguments:\n${problems.map((p) => `  - ${p}`).join("\n")}\nusage: npm run policy-config -- <stack> [--config-dir DIR]` };
    }
    try {
        const { config } = stackPolicyConfig(readStackConfig(names[0], dirOf(names[0], configDir)).config);
        return { code: 0, out: `${JSON.stringify(config, null, 2)}` };
    } catch (error) {
        return { code: 2, out: `policy-config: ${(error as Error).message}` };
    }
}

if (require.main === module) {
    const { code, out } = policyConfigMain(process.argv.slice(2));
    (code === 0 ? process.stdout : process.stderr).write(`${out}\n`);
    process.exit(code);
}
