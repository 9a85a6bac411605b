import * as assert from "node:assert/strict";
import { policies } from "../../policies/pack";
import { NOT_APPLICABLE, principleMatrix } from "../../policies/lib/matrix";
import { PRINCIPLES } from "../../policies/lib/metadata";

describe("matrix.ts (principles x clouds)", () => {
    const matrix = principleMatrix(policies);

    it("every cell has a rule or is listed as not applicable with a reason", () => {
        const missing = matrix.filter((c) => c.policies.length === 0 && !c.notApplicable).map((c) => `${c.principle} x ${c.column}`);
        assert.deepEqual(missing, []);
    });

    it("a not-applicable cell really has no rule (otherwise the listing is stale) and says why", () => {
        for (const na of NOT_APPLICABLE) {
            const cell = matrix.find((c) => c.principle === na.principle && c.column === na.column)!;
            assert.deepEqual(cell.policies, [], `${na.principle} x ${na.column}`);
            assert.ok(na.reason.length > 30);
        }
    });

    it("covers every principle of the issue on the three clouds (Kubernetes principles on Kubernetes)", () => {
        // The cloud guide's principles, cluster hardening and workload availability (issue 17), the
        // organization layer's guardrails (issue 10) and the serverless workers' (issue 13).
        assert.equal(Object.keys(PRINCIPLES).length, 33);
        const cloudCells = matrix.filter((c) => c.column !== "kubernetes");
        assert.equal(cloudCells.length, 29 * 3);
        assert.equal(matrix.filter((c) => c.column === "kubernetes").length, 4);
    });

    it("the stack-level principles of the issue have stack policies", () => {
        const stack = policies.filter((p) => p.metadata.cloud === "stack").map((p) => p.name).sort();
        for (const name of ["require-dead-letter-queues-in-stack", "require-network-policy-per-namespace", "require-multi-zone-databases", "require-standard-tags-in-prod"]) {
            assert.ok(stack.includes(name), name);
        }
    });
});
