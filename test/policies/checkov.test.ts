import * as assert from "node:assert/strict";
import { policies } from "../../policies/pack";
import { CHECKOV_CHECKS, CHECKOV_LEFT_OUT, CHECKOV_NOT_APPLICABLE, checkovCoverage } from "../../policies/lib/checkov";

describe("checkov.ts (the pack measured against Checkov's applicable checks)", () => {
    const coverage = checkovCoverage(policies);

    it("records every applicable check: covered by a policy, not applicable, or left out, each with a reason", () => {
        assert.deepEqual(coverage.rows.filter((r) => r.status.kind === "unrecorded").map((r) => r.id), []);
        for (const [id, reason] of Object.entries({ ...CHECKOV_NOT_APPLICABLE, ...CHECKOV_LEFT_OUT })) assert.ok(reason.length > 30, `${id}: a one-line reason`);
    });

    it("keeps no stale reason: each names a check of the data that no policy covers, and no check is both not applicable and left out", () => {
        const known = new Set(CHECKOV_CHECKS.map((c) => c.id));
        const cited = new Set(policies.flatMap((p) => p.metadata.checkov));
        for (const id of [...Object.keys(CHECKOV_NOT_APPLICABLE), ...Object.keys(CHECKOV_LEFT_OUT)]) {
            assert.ok(known.has(id), `${id} is not an applicable check`);
            assert.ok(!cited.has(id), `${id} has a reason but a policy covers it`);
        }
        assert.deepEqual(Object.keys(CHECKOV_NOT_APPLICABLE).filter((id) => id in CHECKOV_LEFT_OUT), []);
    });

    it("covers at least 90% of the applicable checks", () => {
        assert.ok(coverage.percent >= 90, `${coverage.covered}/${coverage.applicable} = ${coverage.percent.toFixed(1)}%`);
        assert.equal(coverage.covered + Object.keys(CHECKOV_LEFT_OUT).length, coverage.applicable);
    });

    it("a policy cites an applicable check only if it validates a Pulumi type the check maps to", () => {
        const byId = new Map(CHECKOV_CHECKS.map((c) => [c.id, c]));
        const mismatched: string[] = [];
        for (const p of policies) {
            for (const id of p.metadata.checkov) {
                const check = byId.get(id);
                if (check && !check.pulumiTypes.some((t) => p.metadata.resourceTypes.includes(t))) mismatched.push(`${p.name} cites ${id} (${check.pulumiTypes.join(", ")})`);
            }
        }
        assert.deepEqual(mismatched, []);
    });
});
