import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { mandatoryViolations, policyEnvironment, renderViolations, resourcePath, stackDerivedConfig, type Violation } from "../../tools/plan/policies";
import { res } from "./helpers";

const ROOT = path.join(__dirname, "..", "..");

describe("tools/plan/policies.ts (the pack in the offline plan)", () => {
    const stack = res("pulumi:pulumi:Stack", "lz-orders", {});
    const component = res("landing-zone:aws:Storage", "orders-storage", {}, { parent: stack });
    const bucket = res("aws:s3/bucket:Bucket", "orders-storage-bucket", {}, { parent: component });
    const violation = (severity: string, level: Violation["enforcementLevel"], deferred = false): Violation => ({
        policyName: `p-${severity}`, enforcementLevel: level, severity, cloud: "aws", topic: "security", remediation: "fix it",
        message: `description\ndetail ${severity}. Remediation: fix it`, urn: bucket.urn, deferred,
    });

    it("prints violations grouped by severity with the resource path and remediation; deferred checks summarised", () => {
        const text = renderViolations([stack, component, bucket], [violation("low", "advisory"), violation("critical", "mandatory"), violation("high", "advisory", true)]);
        const lines = text.split("\n");
        assert.ok(lines.indexOf("  CRITICAL (1)") < lines.indexOf("  LOW (1)"));
        assert.match(text, /\[mandatory\] p-critical {2}orders-storage > orders-storage-bucket \(aws:s3\/bucket:Bucket\)/);
        assert.match(text, /detail critical\. Remediation: fix it/);
        assert.match(text, /DEFERRED to deploy .*: p-high x1/);
        assert.equal(resourcePath([stack, component, bucket], undefined), "(stack)");
    });

    it("only non-deferred mandatory violations block", () => {
        assert.deepEqual(mandatoryViolations([violation("high", "advisory"), violation("high", "mandatory", true)]), []);
        assert.equal(mandatoryViolations([violation("high", "mandatory")]).length, 1);
    });

    it("picks prod.json for prod and dev.json for dev and staging", () => {
        assert.equal(policyEnvironment("prod"), "prod");
        assert.equal(policyEnvironment("staging"), "dev");
        assert.equal(policyEnvironment("dev"), "dev");
    });

    it("derives the stack-specific policy config from the stack's config", () => {
        const config = stackDerivedConfig({
            "landing-zone:prefix": "acme", "landing-zone:environment": "prod", "landing-zone:database": JSON.stringify({ layout: "read-replicas", replicas: 2 }),
        });
        assert.deepEqual(config["require-read-replicas"], { readReplicas: 2 });
        assert.equal(config["require-aws-naming-convention"], undefined, "naming reads the resources' tags, not the stack config");
        assert.deepEqual(stackDerivedConfig({ "landing-zone:database": JSON.stringify({ layout: "single" }) })["require-read-replicas"], { readReplicas: 0 });
        // Sharded: each primary keeps its readers; the layout's implied minimum when the key is absent.
        assert.deepEqual(stackDerivedConfig({ "landing-zone:database": JSON.stringify({ layout: "sharded", shards: 3, replicas: 2 }) })["require-read-replicas"], { readReplicas: 2 });
        assert.deepEqual(stackDerivedConfig({ "landing-zone:database": JSON.stringify({ layout: "read-replicas" }) })["require-read-replicas"], { readReplicas: 1 });
    });

    it("npm run plan exits 3 on a mandatory violation (config-weakened fixture) and --no-policies skips the pack", () => {
        const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
        const out = mkdtempSync(path.join(tmpdir(), "plan-"));
        const args = ["tools/plan.ts", "--quiet", "--out", out, "--config-dir", "test/fixtures/weakened", "weak-orders-gcp-prod"];
        const run = spawnSync(tsx, args, { cwd: ROOT, encoding: "utf8" });
        assert.equal(run.status, 3, run.stderr);
        assert.match(run.stdout, /policies \(prod\.json \+ stack settings, [\d.]+ s\): [1-9]\d* mandatory/);
        assert.match(run.stdout, /\[mandatory\] require-multi-zone-databases {2}orders-database > orders-database-primary/);
        assert.match(run.stderr, /mandatory policy violation/);
        assert.ok(existsSync(path.join(out, "weak-orders-gcp-prod.json")), "the plan goes to --out");
        const off = spawnSync(tsx, [...args, "--no-policies"], { cwd: ROOT, encoding: "utf8" });
        assert.equal(off.status, 0, off.stderr);
        assert.match(off.stdout, /policies off/);
    });
});
