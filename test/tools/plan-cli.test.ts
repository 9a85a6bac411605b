import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fromConfigMap } from "../../tools/plan/stack-files";
import { stackDir } from "./stack-dir";

const root = path.join(__dirname, "..", "..");

function plan(...args: string[]) {
    const run = spawnSync(process.execPath, ["--require", "tsx/cjs", "tools/plan.ts", ...args], { cwd: root, encoding: "utf8" });
    return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

describe("tools/plan (command line)", () => {
    it("prints every config mistake with its key path and exits 2 without a stack trace", () => {
        const { code, out } = plan("--quiet", "--out", mkdtempSync(path.join(tmpdir(), "plan-")), "--config-dir", "test/fixtures/invalid", "orders-aws-dev");
        assert.equal(code, 2, out);
        const section = out.slice(out.indexOf("=== orders-aws-dev"));
        assert.match(section, /Invalid stack config of "orders-aws-dev" \(3 problems\)/);
        assert.match(section, /landing-zone:databse is not a known key/);
        assert.match(section, /landing-zone:database\.layout must be one of single \| read-replicas \| per-domain \| sharded \(got "replicas"\)/);
        assert.match(section, /landing-zone:database\.backupDays must be <= 35 \(got 90\)/);
        assert.doesNotMatch(section, /^\s+at /m, "no stack trace");
    });

    it("plans the other stacks when one stack file is broken, writes their plans, removes the broken stack's stale plan, exits 2", () => {
        const dir = stackDir({
            broken: "config:\n  landing-zone:layer: domain\n   landing-zone:cloud: aws\n",
            "orders-oracle-prod": { from: "orders-aws-prod", edit: (t) => t.replace("landing-zone:cloud: aws", "landing-zone:cloud: oracle") },
            "orders-azure-dev": { from: "orders-azure-dev" },
        });
        const out = mkdtempSync(path.join(tmpdir(), "plan-"));
        for (const stale of ["broken", "orders-oracle-prod"]) writeFileSync(path.join(out, `${stale}.json`), "{}");
        const { code, out: text } = plan("--quiet", "--no-policies", "--out", out, "--config-dir", dir);
        assert.equal(code, 2, text);
        assert.match(text, /=== broken: not planned\n.*Pulumi\.broken\.yaml is not valid YAML[^]*Pulumi\.broken\.yaml:2:23: /);
        assert.match(text, /=== orders-oracle-prod: not planned\nInvalid stack config of "orders-oracle-prod" \(1 problem\):\n {2}- landing-zone:cloud must be one of aws \| azure \| gcp/);
        assert.doesNotMatch(text, /platform-oracle/);
        assert.ok(!existsSync(path.join(out, "broken.json")) && !existsSync(path.join(out, "orders-oracle-prod.json")), "no stale plan of a failed stack");
        assert.ok(existsSync(path.join(out, "orders-azure-dev.json")), "the good stack is written");
        assert.ok(!existsSync(path.join(out, "platform-azure-dev.json")), "a platform planned only as a dependency is not written");
        // The program's warning is printed under its own stack, not before every plan.
        assert.match(text, /=== orders-azure-dev: \d+ resources[^=]*\n {2}warning: pipeline: no landing-zone-secrets:gitAccessToken secret/);
    });

    it("an aws platform registering a domain its organization does not list is a config error before anything is planned, exit 2", () => {
        const dir = stackDir({
            "platform-aws-dev": { from: "platform-aws-dev", edit: (t) => t.replace("    orders: {}\n", "    orders: {}\n    billing: {}\n") },
            "organization-aws": { from: "organization-aws" },
        });
        const { code, out } = plan("--quiet", "--no-policies", "--out", mkdtempSync(path.join(tmpdir(), "plan-")), "--config-dir", dir, "platform-aws-dev");
        assert.equal(code, 2, out);
        assert.match(out, /=== platform-aws-dev: not planned\nInvalid stack config of "platform-aws-dev" \(1 problem\):\n {2}- landing-zone:domains\.billing has no account: organization stack "organization-aws" does not list "billing"[^\n]*add billing to landing-zone:organization\.domains/);
        assert.doesNotMatch(out, /=== organization-aws/, "the organization is not planned: the platform failed on its inputs first");
    });

    it("--help prints the options and exits 0", () => {
        const { code, out } = plan("--help");
        assert.equal(code, 0);
        for (const option of ["--quiet", "--no-policies", "--strict", "--config-dir DIR", "--out DIR", "exit code"]) assert.ok(out.includes(option), option);
    });

    it("lists every bad argument at once and exits 2", () => {
        const { code, out } = plan("no-such-stack", "--frobnicate");
        assert.equal(code, 2);
        assert.match(out, /2 problem\(s\) with the arguments/);
        assert.match(out, /unknown option --frobnicate/);
        assert.match(out, /unknown stack "no-such-stack" \(stacks in config: .*platform-aws-dev/);
    });
});

describe("tools/plan/stack-files", () => {
    it("passes structured values as JSON text and secure values as secrets without their ciphertext", () => {
        const file = fromConfigMap("s", { "landing-zone:network": { zones: 2 }, "aws:secretKey": { secure: "v1:abc" }, "landing-zone:layer": "platform" });
        assert.equal(file.config["landing-zone:network"], '{"zones":2}');
        assert.equal(file.config["landing-zone:layer"], "platform");
        assert.deepEqual(file.secretKeys, ["aws:secretKey"]);
        assert.equal(file.config["aws:secretKey"], "[secret]");
    });
});
