import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { DATABASE_ROLE_SPEC, databaseRoleVariables } from "../../../components/aws/pipeline";

/*
 * Runs the database stage's build command in bash, as CodeBuild does (`env.shell: bash`), with the
 * aws CLI, psql and jq replaced by recording stand-ins: what the script reads, as whom, and what it
 * runs on which host. The stand-in jq knows the script's three filters only (and fails on others).
 */
const AWS = `#!/usr/bin/env bash
echo "aws $*" >> "$CALLS"
case "$1 $2" in
  "ssm get-parameter") printf '%s\\n' "$TARGETS_VALUE" ;;
  "secretsmanager get-secret-value") printf '{"username":"dbadmin","password":"pw-of-%s"}\\n' "$4" ;;
esac
`;
const PSQL = `#!/usr/bin/env bash
args="$*"
echo "psql PGPASSWORD=$PGPASSWORD \${args//$'\\n'/ }" >> "$CALLS"
case "$1" in *"host=$FAIL_HOST "*) exit 3 ;; esac
`;
const JQ = `#!/usr/bin/env node
const [flags, filter] = process.argv.slice(2);
if (flags !== "-er") { console.error("jq stand-in: flags " + flags); process.exit(9); }
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const filters = {
    ".database": (i) => [i.database],
    ".password": (i) => [i.password],
    '.primaries[] | "\\\\(.host) \\\\(.secretArn)"': (i) => i.primaries.map((p) => p.host + " " + p.secretArn),
};
if (!(filter in filters)) { console.error("jq stand-in: unknown filter " + filter); process.exit(9); }
const out = filters[filter](input);
if (out.length === 0 || out.some((v) => v === undefined || v === null)) process.exit(1);
console.log(out.join("\\n"));
`;

interface Run { status: number | null; calls: string[]; stderr: string }

function runBuild(env: Record<string, string>): Run {
    const dir = mkdtempSync(join(tmpdir(), "db-role-spec-"));
    try {
        for (const [name, body] of Object.entries({ aws: AWS, psql: PSQL, jq: JQ })) {
            writeFileSync(join(dir, name), body);
            chmodSync(join(dir, name), 0o755);
        }
        const calls = join(dir, "calls.log");
        writeFileSync(calls, "");
        const script = (parse(DATABASE_ROLE_SPEC) as { phases: { build: { commands: string[] } } }).phases.build.commands[0];
        const variables = Object.fromEntries(databaseRoleVariables("acme-dev-orders-database-targets").map((v) => [v.name, String(v.value)]));
        const result = spawnSync("bash", ["-c", script], {
            env: { PATH: `${dir}:${process.env.PATH}`, CALLS: calls, CODEBUILD_BUILD_NUMBER: "7", FAIL_HOST: "none", ...variables, ...env },
            encoding: "utf8",
        });
        return { status: result.status, calls: readFileSync(calls, "utf8").trim().split("\n"), stderr: result.stderr };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

const secret = (n: number) => `arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-${n}`;
const TARGETS = JSON.stringify({ database: "orders", primaries: [{ host: "s0.rds", secretArn: secret(0) }, { host: "s1.rds", secretArn: secret(1) }] });

describe("components/aws/pipeline/database-role.ts: the database stage's script", () => {
    it("same account: reads the targets, then each primary's secret, and runs the SQL there as the master user over verified TLS", () => {
        const run = runBuild({ TARGETS_VALUE: TARGETS });
        assert.equal(run.status, 0, run.stderr);
        assert.deepEqual(run.calls.map((c) => c.split(" ").slice(0, 3).join(" ")), [
            "aws ssm get-parameter", "aws secretsmanager get-secret-value", "psql PGPASSWORD=pw-of-" + secret(0) + " host=s0.rds",
            "aws secretsmanager get-secret-value", "psql PGPASSWORD=pw-of-" + secret(1) + " host=s1.rds",
        ]);
        assert.ok(run.calls[0].includes("--name acme-dev-orders-database-targets"));
        const psql = run.calls.filter((c) => c.startsWith("psql"));
        for (const call of psql) {
            assert.match(call, /port=5432 dbname=orders user=dbadmin sslmode=verify-full sslrootcert=\/tmp\/rds-ca\.pem -v ON_ERROR_STOP=1 -c DO \$\$/);
        }
        assert.ok(!run.calls.some((c) => c.includes("--profile") || c.includes("configure")), "its own credentials only");
    });

    it("platform account (TARGETS_ROLE_ARN): every read goes through a profile that assumes the domain's targets role", () => {
        const role = "arn:aws:iam::210987654321:role/acme-dev-orders-db-targets";
        const run = runBuild({ TARGETS_VALUE: TARGETS, TARGETS_ROLE_ARN: role });
        assert.equal(run.status, 0, run.stderr);
        assert.deepEqual(run.calls.slice(0, 3), [
            `aws configure set profile.targets.role_arn ${role}`,
            "aws configure set profile.targets.credential_source EcsContainer",
            "aws configure set profile.targets.role_session_name db-bootstrap-7",
        ]);
        const reads = run.calls.filter((c) => /^aws (ssm|secretsmanager)/.test(c));
        assert.equal(reads.length, 3);
        for (const read of reads) assert.ok(read.endsWith("--profile targets"), read);
    });

    it("stops at the first primary that fails, and fails the build", () => {
        const run = runBuild({ TARGETS_VALUE: TARGETS, FAIL_HOST: "s0.rds" });
        assert.notEqual(run.status, 0);
        assert.equal(run.calls.filter((c) => c.startsWith("psql")).length, 1, "s1 is not attempted");
    });

    it("fails the build when the targets name no database", () => {
        const run = runBuild({ TARGETS_VALUE: JSON.stringify({ primaries: [] }) });
        assert.notEqual(run.status, 0);
        assert.ok(!run.calls.some((c) => c.startsWith("psql")));
    });
});
