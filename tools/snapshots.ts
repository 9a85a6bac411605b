/**
 * URN snapshots: the set of resource URNs (type chain + logical name) each sample stack plans.
 * A URN that disappears means Pulumi would delete a resource and create another: renames need
 * `aliases`. `npm run snapshots` rewrites the snapshots on purpose; a test fails on any drift.
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

async function main(): Promise<number> {
    mkdirSync(SNAPSHOT_DIR, { recursive: true });
    let failed = 0;
    for (const plan of await planStacks(listStacks())) {
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
    main().then((code) => process.exit(code));
}
