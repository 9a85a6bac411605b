/**
 * URN snapshots: the set of resource URNs (type chain + logical name) each sample stack plans.
 * A URN that disappears means Pulumi would delete a resource and create another: renames need
 * `aliases`. `npm run snapshots` rewrites the snapshots on purpose (`npm run snapshots -- <stack ...>`
 * only those stacks'); a test fails on any drift. Exit code 2: an unknown stack; 1: a stack did not plan.
 */
import { mkdirSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { RecordedResource } from "./mock-engine";
import { planStacks } from "./plan/plan-stacks";
import { listStacks } from "./plan/stack-files";

export const SNAPSHOT_DIR = path.join(__dirname, "..", "test", "snapshots");

export function snapshotFile(stack: string): string {
    return path.join(SNAPSHOT_DIR, `${stack}.urns`);
}

/** The snapshot text of a planned stack: its URNs, sorted, one a line. */
export function snapshotOf(resources: RecordedResource[]): string {
    return `${resources.map((r) => r.urn).sort().join("\n")}\n`;
}

export function readSnapshot(stack: string): string[] | undefined {
    const file = snapshotFile(stack);
    return existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : undefined;
}

/** The stacks to snapshot: the named ones (each must be a sample), else every sample. */
export function snapshotTargets(argv: string[]): { stacks: string[]; problems: string[] } {
    const known = listStacks();
    const problems = argv.filter((a) => a.startsWith("-")).map((a) => `unknown option ${a} (usage: npm run snapshots -- [stack ...])`);
    const names = argv.filter((a) => !a.startsWith("-"));
    problems.push(...names.filter((n) => !known.includes(n)).map((n) => `unknown stack "${n}" (stacks in config: ${known.join(", ")})`));
    return { stacks: names.length ? names : known, problems };
}

async function main(argv: string[]): Promise<number> {
    const { stacks, problems } = snapshotTargets(argv);
    if (problems.length) {
        console.error(`snapshots: ${problems.length} problem(s) with the arguments:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
        return 2;
    }
    mkdirSync(SNAPSHOT_DIR, { recursive: true });
    let failed = 0;
    for (const plan of await planStacks(stacks)) {
        if (!plan.requested) continue;
        if (!plan.result) {
            console.error(`${plan.stack}: not planned: ${(plan.error as Error).message}`);
            failed++;
            continue;
        }
        writeFileSync(snapshotFile(plan.stack), snapshotOf(plan.result.resources));
        console.log(`${plan.stack}: ${plan.result.resources.length} URNs`);
    }
    return failed ? 1 : 0;
}

if (require.main === module) {
    main(process.argv.slice(2)).then((code) => process.exit(code));
}
