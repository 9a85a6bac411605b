import { strict as assert } from "node:assert";
import { STANDARD_TAG_KEYS } from "../../../components/core/tags";
import { planSample, plainValue, Recorded, type RecordedResource } from "../../harness";
import { recordDomain, runDomain } from "./helpers";

/** Types that hold data or identity: protected in prod (plus cloud-side deletion guards where AWS has one). */
const STATEFUL = [
    "aws:kms/key:Key", "aws:s3/bucket:Bucket", "aws:sqs/queue:Queue", "aws:rds/instance:Instance",
    "aws:ecr/repository:Repository", "aws:codecommit/repository:Repository",
];
const layouts = [
    { database: { layout: "single" as const } },
    { database: { layout: "per-domain" as const } },
    { database: { layout: "read-replicas" as const, replicas: 2 } },
    { database: { layout: "sharded" as const, shards: 2, replicas: 1 } },
];

function awsResources(rec: Recorded): RecordedResource[] {
    return rec.custom.filter((r) => r.type.startsWith("aws:"));
}

describe("components/aws/domain.ts", () => {
    it("tags every AWS resource through the stack provider's default tags (the standard tags)", async () => {
        const rec = await recordDomain("prod");
        const provider = rec.one("pulumi:providers:aws");
        // Provider inputs travel JSON-encoded.
        const defaultTags = rec.inputs(provider).defaultTags;
        const tags = (typeof defaultTags === "string" ? JSON.parse(defaultTags) : defaultTags).tags;
        assert.deepEqual(Object.keys(tags).sort(), [...STANDARD_TAG_KEYS].sort());
        assert.equal(tags.domain, "orders");
        assert.equal(tags.environment, "prod");
        const resources = awsResources(rec);
        assert.ok(resources.length > 40);
        for (const r of resources) assert.ok(r.provider?.startsWith(`${provider.urn}::`), `${r.name} does not use the stack's aws provider`);
    });

    it("talks to cloud APIs only: no Kubernetes provider and no Kubernetes object", async () => {
        for (const overrides of layouts) {
            const rec = await recordDomain("prod", overrides);
            assert.deepEqual(rec.resources.filter((r) => r.type.startsWith("kubernetes:") || r.type === "pulumi:providers:kubernetes").map((r) => r.name), []);
        }
    });

    it("protects every stateful resource in prod and none in dev, on every layout", async () => {
        for (const overrides of layouts) {
            const prod = await recordDomain("prod", overrides);
            const dev = await recordDomain("dev", overrides);
            for (const type of STATEFUL.filter((t) => t !== "aws:codecommit/repository:Repository")) {
                assert.ok(prod.ofType(type).length > 0, `${type} (${overrides.database.layout})`);
            }
            for (const r of awsResources(prod)) assert.equal(r.protect, STATEFUL.includes(r.type), `prod ${r.name}`);
            for (const r of awsResources(dev)) assert.equal(r.protect, false, `dev ${r.name}`);
        }
    });

    it("plans the same resources in preview and with fabricated outputs (nothing depends on an unknown)", async () => {
        for (const overrides of layouts) {
            const preview = await runDomain("prod", overrides);
            const full = await runDomain("prod", overrides, { preview: false });
            assert.deepEqual(preview.resources.map((r) => r.urn).sort(), full.resources.map((r) => r.urn).sort());
        }
    });

    it("names every child after its component", async () => {
        const rec = await recordDomain("prod");
        const components = rec.resources.filter((r) => !r.custom && r.type.startsWith("landing-zone:"));
        for (const component of components) {
            for (const child of rec.resources.filter((r) => r.parent === component.urn)) {
                assert.ok(child.name.startsWith(`${component.name}-`), `${child.name} under ${component.name}`);
            }
        }
    });

    for (const stack of ["orders-aws-dev", "orders-aws-prod"]) {
        it(`plans the sample stack ${stack} on its planned platform`, async () => {
            const result = await planSample(stack);
            const rec = new Recorded(result.resources);
            assert.equal(rec.ofType("aws:rds/instance:Instance").length, stack.endsWith("prod") ? 3 : 1);
            assert.equal(rec.ofType("aws:codepipeline/pipeline:Pipeline").length, 1);
            assert.equal(rec.ofType("aws:elasticache/replicationGroup:ReplicationGroup").length, 1);
            const database = plainValue(result.outputs.database) as { layout: string; shards: unknown[] };
            assert.equal(database.layout, stack.endsWith("prod") ? "read-replicas" : "single");
            assert.equal(database.shards.length, 1);
        });
    }

    it("plans orders-aws-prod with fabricated outputs (an update-like run)", async () => {
        const rec = new Recorded((await planSample("orders-aws-prod", { preview: false })).resources);
        const replicas = rec.ofType("aws:rds/instance:Instance").filter((r) => rec.inputs(r).replicateSourceDb);
        assert.equal(replicas.length, 2);
        assert.equal(new Set(replicas.map((r) => rec.inputs(r).availabilityZone)).size, 2);
    });
});
