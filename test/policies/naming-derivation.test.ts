import { strict as assert } from "node:assert";
import { loadPolicyConfig } from "../../tools/plan/policies";
import { res, runPolicy } from "./helpers";

const tags = (environment: string, domain = "orders") =>
    ({ "landing-zone": "acme", environment, domain, owner: "orders-team", "managed-by": "pulumi" });

describe("naming policies: prefix, environment and domain from the resource's standard tags", () => {
    it("accepts a staging stack's names with the environment file's config (no hand-made per-stack file)", async () => {
        const devFile = loadPolicyConfig("dev")["require-aws-naming-convention"];
        assert.deepEqual(Object.keys(devFile), ["enforcementLevel"], "dev.json names no environment");
        const bucket = res("aws:s3/bucket:Bucket", "data", { bucket: "acme-staging-orders-data-k2j4h1", tags: tags("staging") });
        assert.deepEqual(await runPolicy("require-aws-naming-convention", [bucket], {}), []);
    });

    it("fires when the name's prefix, environment or domain disagrees with the tags", async () => {
        for (const [bucket, expect] of [
            ["acme-dev-orders-data-k2j4h1", /does not start with <prefix>-<environment>- \(acme, staging\)/],
            ["beta-staging-orders-data-k2j4h1", /does not start with <prefix>-<environment>- \(acme, staging\)/],
            ["acme-staging-payments-data-k2j4h1", /does not carry the domain after <prefix>-<environment>- \(orders\)/],
        ] as const) {
            const found = await runPolicy("require-aws-naming-convention", [res("aws:s3/bucket:Bucket", "data", { bucket, tags: tags("staging") })], {});
            assert.equal(found.length, 1, bucket);
            assert.match(found[0].message, expect);
        }
    });

    it("reads the tags from the provider's default tags/labels too", async () => {
        const provider = res("pulumi:providers:gcp", "gcp", { defaultLabels: tags("staging") });
        const good = res("gcp:storage/bucket:Bucket", "data", { name: "acme-staging-orders-data-k2j4h1" }, { provider });
        const bad = res("gcp:storage/bucket:Bucket", "data2", { name: "acme-prod-orders-data-k2j4h1" }, { provider });
        assert.deepEqual(await runPolicy("require-gcp-naming-convention", [provider, good], {}), []);
        assert.equal((await runPolicy("require-gcp-naming-convention", [provider, bad], {})).length, 1);
    });

    it("a platform resource (domain tag platform) needs no domain; explicit config overrides the tags", async () => {
        const platform = res("aws:s3/bucket:Bucket", "logs", { bucket: "acme-staging-logs-k2j4h1", tags: tags("staging", "platform") });
        assert.deepEqual(await runPolicy("require-aws-naming-convention", [platform], {}), []);
        assert.equal((await runPolicy("require-aws-naming-convention", [platform], { environment: "prod" })).length, 1);
    });

    it("without tags or config any valid prefix and environment pass (the old behaviour)", async () => {
        const untagged = res("aws:s3/bucket:Bucket", "data", { bucket: "zeta-dev-x-k2j4h1" });
        assert.deepEqual(await runPolicy("require-aws-naming-convention", [untagged], {}), []);
    });
});
