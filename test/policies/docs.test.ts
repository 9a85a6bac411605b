import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { generatedFiles, POLICIES_DIR } from "../../tools/policy-docs";
import { policies } from "../../policies/pack";

describe("policy-docs.ts (README and config files generated from the metadata)", () => {
    for (const [file, text] of Object.entries(generatedFiles())) {
        it(`policies/${file} is current (run npx tsx tools/policy-docs.ts)`, () => {
            assert.equal(readFileSync(path.join(POLICIES_DIR, file), "utf8"), text);
        });
    }

    it("the README table lists every policy with cloud, topic, severity, principle and remediation", () => {
        const readme = readFileSync(path.join(POLICIES_DIR, "README.md"), "utf8");
        for (const p of policies) {
            const row = readme.split("\n").find((l) => l.startsWith(`| \`${p.name}\``));
            assert.ok(row, p.name);
            for (const field of [p.metadata.cloud, p.metadata.topic, p.severity, p.metadata.principle]) assert.ok(row.includes(field), `${p.name}: ${field}`);
        }
    });
});
