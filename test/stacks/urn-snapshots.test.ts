import { strict as assert } from "node:assert";
import { listStacks } from "../../tools/plan/stack-files";
import { readSnapshot } from "../../tools/snapshots";
import { planSample } from "../harness";

describe("URN stability (test/snapshots/*.urns)", () => {
    for (const stack of listStacks()) {
        it(`${stack} plans the snapshotted URNs`, async () => {
            const { resources } = await planSample(stack);
            const expected = readSnapshot(stack);
            assert.ok(expected, `no URN snapshot for ${stack}: run \`npm run snapshots\``);
            const actual = new Set(resources.map((r) => r.urn));
            const removed = expected.filter((u) => !actual.has(u));
            const added = [...actual].filter((u) => !expected.includes(u)).sort();
            assert.ok(removed.length === 0 && added.length === 0, [
                `URNs of ${stack} changed.`,
                removed.length ? `Gone (Pulumi would DELETE these and create new ones):\n  ${removed.join("\n  ")}` : "",
                added.length ? `New:\n  ${added.join("\n  ")}` : "",
                "If a resource was renamed or re-parented, add `aliases` to it so its URN is kept; if the change is",
                "intended, run `npm run snapshots` and commit the snapshot.",
            ].filter(Boolean).join("\n"));
        });
    }
});
