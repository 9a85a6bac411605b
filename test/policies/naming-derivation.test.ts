import { strict as assert } from "node:assert";
import { loadPolicyConfig } from "../../tools/plan/policies";
import { Naming } from "../../components/core/naming";
import { ORGANIZATION_SCOPE as CORE_ORGANIZATION_SCOPE, standardTags } from "../../components/core/tags";
import { ORGANIZATION_SCOPE } from "../../policies/lib/names";
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

    it("without tags or config any valid prefix and environment pass, org aside (no organization scope)", async () => {
        const untagged = res("aws:s3/bucket:Bucket", "data", { bucket: "zeta-dev-x-k2j4h1" });
        assert.deepEqual(await runPolicy("require-aws-naming-convention", [untagged], {}), []);
        const org = res("aws:s3/bucket:Bucket", "data", { bucket: "zeta-org-x-k2j4h1" });
        assert.equal((await runPolicy("require-aws-naming-convention", [org], {})).length, 1);
    });

    describe("org in the environment slot: organization stacks only", () => {
        const bucket = (name: string, domain: string) => res("aws:s3/bucket:Bucket", "b", { bucket: name, tags: tags("prod", domain) });

        it("quiet on an organization resource (domain tag organization), whose names say org", async () => {
            assert.deepEqual(await runPolicy("require-aws-naming-convention", [bucket("acme-org-organization-trail-k2j4h1", "organization")], {}), []);
            const provider = res("pulumi:providers:gcp", "gcp", { defaultLabels: tags("prod", "organization") });
            const project = res("gcp:organizations/project:Project", "p", { projectId: "acme-org-security-k2j4h1" }, { provider });
            assert.deepEqual(await runPolicy("require-gcp-naming-convention", [provider, project], {}), []);
        });

        it("fires for org on a platform or domain resource", async () => {
            for (const [name, domain] of [["acme-org-logs-k2j4h1", "platform"], ["acme-org-orders-data-k2j4h1", "orders"]]) {
                const found = await runPolicy("require-aws-naming-convention", [bucket(name, domain)], {});
                assert.equal(found.length, 1, name);
                assert.match(found[0].message, /does not start with <prefix>-<environment>- \(acme, prod; org only on an organization stack's resources \(domain tag organization\)\)/);
            }
        });

        it("fires for an environment name on an organization resource", async () => {
            const found = await runPolicy("require-aws-naming-convention", [bucket("acme-prod-trail-k2j4h1", "organization")], {});
            assert.equal(found.length, 1);
            assert.match(found[0].message, /\(acme, org; an organization stack's names say org there\)/);
        });

        it("the tagging module and the naming module agree with the rule on both layers", async () => {
            assert.equal(ORGANIZATION_SCOPE, CORE_ORGANIZATION_SCOPE);
            const base = { prefix: "acme", environment: "prod" as const, owner: "cloud-foundation" };
            const orgTags = standardTags({ ...base, layer: "organization" });
            const platformTags = standardTags({ ...base, layer: "platform" });
            const orgName = new Naming("acme", "org", "eu-west-1").physical("aws.s3Bucket", "trail");
            const named = (name: string, t: Record<string, string>) => res("aws:s3/bucket:Bucket", "b", { bucket: name, tags: t });
            assert.deepEqual(await runPolicy("require-aws-naming-convention", [named(orgName, orgTags)], {}), [], orgName);
            assert.equal((await runPolicy("require-aws-naming-convention", [named(orgName, platformTags)], {})).length, 1);
        });
    });
});
