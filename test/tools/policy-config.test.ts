import { strict as assert } from "node:assert";
import { policyConfigMain } from "../../tools/policy-config";
import { loadPolicyConfig, stackPolicyConfig } from "../../tools/plan/policy-config";
import { listStacks, readStackConfig } from "../../tools/plan/stack-files";
import { snapshotTargets } from "../../tools/snapshots";

describe("npm run policy-config -- <stack>", () => {
    it("prints the exact policy-pack config the plan checks the stack with: its environment's levels plus the stack's settings", () => {
        const { code, out } = policyConfigMain(["orders-aws-prod"]);
        assert.equal(code, 0, out);
        const printed = JSON.parse(out);
        assert.deepEqual(printed, stackPolicyConfig(readStackConfig("orders-aws-prod").config).config);
        assert.deepEqual(printed["require-read-replicas"], { enforcementLevel: "mandatory", readReplicas: 2 });
        assert.deepEqual(Object.keys(printed).sort(), Object.keys(loadPolicyConfig("prod")).sort(), "every policy has its level");
    });

    it("gives a dev or staging stack dev.json's levels and no environment for the naming rules", () => {
        const printed = JSON.parse(policyConfigMain(["orders-gcp-dev"]).out);
        assert.equal(printed["require-gcp-naming-convention"].enforcementLevel, "advisory");
        assert.equal(printed["require-gcp-naming-convention"].environment, undefined);
        assert.deepEqual(printed["require-read-replicas"], { enforcementLevel: "disabled", readReplicas: 0 });
    });

    it("lists every bad argument at once and exits 2", () => {
        const { code, out } = policyConfigMain(["no-such-stack", "other", "--frobnicate"]);
        assert.equal(code, 2);
        assert.match(out, /4 problem\(s\)/);
        assert.match(out, /unknown option --frobnicate/);
        assert.match(out, /name exactly one stack/);
        assert.match(out, /unknown stack "no-such-stack"/);
    });
});

describe("npm run snapshots -- <stack>", () => {
    it("updates only the named stacks, and rejects an unknown one", () => {
        assert.deepEqual(snapshotTargets(["orders-aws-dev"]), { stacks: ["orders-aws-dev"], problems: [] });
        assert.deepEqual(snapshotTargets([]).stacks, listStacks());
        assert.equal(snapshotTargets(["nope", "-x"]).problems.length, 2);
    });
});
