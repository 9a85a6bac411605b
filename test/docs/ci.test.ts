import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";

const root = path.join(__dirname, "..", "..");
const doc = readFileSync(path.join(root, "docs", "ci.md"), "utf8");
const blocks = [...doc.matchAll(/```yaml\n([^]*?)```/g)].map((m) => parse(m[1]));
const [workflow, stackJob] = blocks;

describe("docs/ci.md (the sample CI workflow)", () => {
    it("has the workflow and the reusable per-stack job as valid YAML", () => {
        assert.equal(blocks.length, 2);
        assert.equal(workflow.name, "landing-zone");
        assert.deepEqual(Object.keys(workflow.on).sort(), ["pull_request", "push"]);
        assert.ok(stackJob.on.workflow_call);
    });

    it("gates on the offline plan with no credentials: npm ci, then npm run plan", () => {
        const runs = workflow.jobs.plan.steps.map((s: { run?: string }) => s.run).filter(Boolean);
        const plan = runs.indexOf("npm run plan -- --quiet --report");
        assert.ok(runs.indexOf("npm ci") >= 0 && runs.indexOf("npm ci") < plan, "npm ci, then the offline plan with its report");
        assert.ok(plan < runs.indexOf("npm run report:check"), "the report is checked after it is written");
        assert.equal(workflow.permissions["id-token"], undefined, "no cloud identity for the plan");
    });

    it("runs the platform stacks before the domain stacks", () => {
        assert.deepEqual(workflow.jobs.domains.needs, ["plan", "stacks", "platform"]);
        assert.match(workflow.jobs.domains.if, /needs\.platform\.result != 'failure'/);
    });

    it("previews on a pull request and updates on merge, with the official Pulumi action and the stack's generated policy config", () => {
        for (const job of [workflow.jobs.platform, workflow.jobs.domains]) {
            assert.equal(job.with.command, "${{ github.event_name == 'push' && 'up' || 'preview' }}");
            assert.deepEqual(job.permissions, { contents: "read", "id-token": "write", "pull-requests": "write" });
        }
        const steps = stackJob.jobs.pulumi.steps as { uses?: string; run?: string; with?: Record<string, string> }[];
        const config = steps.findIndex((s) => s.run === "npm run -s policy-config -- ${{ inputs.stack }} > policy-config.json");
        const pulumi = steps.findIndex((s) => s.uses === "pulumi/actions@v6");
        assert.ok(config >= 0 && pulumi > config);
        assert.equal(steps[pulumi].with!.policyPacks, "policies");
        assert.equal(steps[pulumi].with!.policyPackConfigs, "policy-config.json");
    });

    it("logs in with OIDC on every cloud and to Pulumi Cloud, no stored keys", () => {
        const job = stackJob.jobs.pulumi;
        assert.equal(job.permissions["id-token"], "write");
        const uses = job.steps.map((s: { uses?: string }) => s.uses).filter(Boolean);
        for (const action of ["pulumi/auth-actions@v2", "aws-actions/configure-aws-credentials@v4", "google-github-actions/auth@v2"]) assert.ok(uses.includes(action), action);
        assert.ok(job.steps.some((s: { run?: string }) => s.run?.includes("ARM_USE_OIDC=true")));
        assert.doesNotMatch(doc, /secrets\.(AWS|AZURE|GCP|PULUMI|ARM)/, "no long-lived secret is read");
    });

    it("names the commands npm actually has", () => {
        const { scripts } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
        for (const script of doc.matchAll(/npm run (?:-s )?([a-z:-]+)/g)) assert.ok(script[1] in scripts, script[1]);
    });
});

describe("README and per-cloud docs", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");

    for (const cloud of ["aws", "gcp"]) {
        it(`docs/${cloud}.md says how the runner reaches the cluster, what is manual, the known gaps, the values to replace`, () => {
            const text = readFileSync(path.join(root, "docs", `${cloud}.md`), "utf8");
            for (const heading of ["## How the stack's runner reaches the cluster", "## What is manual", "## Known gaps", "## Values to replace in the samples"]) {
                assert.ok(text.includes(heading), heading);
            }
            assert.ok(readme.includes(`docs/${cloud}.md`));
        });
    }

    it("the README lists every placeholder of the samples, who runs which stack, and what the plan defers", () => {
        for (const sample of ["111111111111", "r-ab12", "acme.example", "organizations/123456789012", "012345-6789AB-CDEF01", "203.0.113.0/24"]) {
            assert.ok(readme.includes(sample), sample);
        }
        assert.ok(readme.includes("### Who runs which stack with which permissions"));
        assert.match(readme, /What the default plan checks, and what it defers/);
        assert.match(readme, /npm run plan -- --strict/);
    });
});
