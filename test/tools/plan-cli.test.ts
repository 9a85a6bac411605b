import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { fromConfigMap } from "../../tools/plan/stack-files";

const root = path.join(__dirname, "..", "..");

function plan(...args: string[]) {
    const run = spawnSync(process.execPath, ["--require", "tsx/cjs", "tools/plan.ts", ...args], { cwd: root, encoding: "utf8" });
    return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

describe("tools/plan (command line)", () => {
    it("prints every config mistake with its key path and exits 2 without a stack trace", () => {
        const { code, out } = plan("--quiet", "--config-dir", "test/fixtures/invalid", "orders-aws-dev");
        assert.equal(code, 2, out);
        const section = out.slice(out.indexOf("=== orders-aws-dev"));
        assert.match(section, /Invalid stack config of "orders-aws-dev" \(3 problems\)/);
        assert.match(section, /landing-zone:databse is not a known key/);
        assert.match(section, /landing-zone:database\.layout must be one of single \| read-replicas \| per-domain \| sharded \(got "replicas"\)/);
        assert.match(section, /landing-zone:database\.backupDays must be <= 35 \(got 90\)/);
        assert.doesNotMatch(section, /^\s+at /m, "no stack trace");
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
