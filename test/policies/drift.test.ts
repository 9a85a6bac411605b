import * as assert from "node:assert/strict";
import { STANDARD_TAG_KEYS as CORE_TAG_KEYS, gcpLabels } from "../../components/core/tags";
import { nameRules } from "../../components/core/naming";
import { STANDARD_TAG_KEYS } from "../../policies/lib/tags";
import { NAMED_TYPES, namingProblem } from "../../policies/lib/names";
import { physicalName } from "../../components/core/naming";

/** The pack is self-contained (it is published alone); these keep its copies in step with core. */
describe("lib/tags.ts and lib/names.ts (in step with components/core)", () => {
    it("the standard tag keys are the tagging module's", () => {
        assert.deepEqual(STANDARD_TAG_KEYS, [...CORE_TAG_KEYS]);
        assert.deepEqual(Object.keys(gcpLabels(Object.fromEntries(CORE_TAG_KEYS.map((k) => [k, "x"])))), [...CORE_TAG_KEYS]);
    });

    it("each named type follows the naming module's rule for its kind", () => {
        for (const [type, rule] of Object.entries(NAMED_TYPES)) {
            const core = nameRules[rule.kind as keyof typeof nameRules];
            assert.ok(core, `${type}: ${rule.kind}`);
            assert.equal(rule.max, core.max, type);
            assert.equal(rule.hyphenated, core.separator === "-", type);
            if (rule.kind !== "aws.sqsQueue") assert.equal(rule.pattern.source, core.pattern.source, type);
        }
    });

    it("names the naming module builds pass the naming policies", () => {
        for (const rule of Object.values(NAMED_TYPES)) {
            const name = physicalName(rule.kind as keyof typeof nameRules, ["acme", "prod", "orders", "data"], ["europe-west1"]);
            assert.equal(namingProblem(name, rule, { prefix: "acme", environment: "prod" }), undefined, `${rule.kind}: ${name}`);
        }
    });
});
