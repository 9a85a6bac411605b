import { strict as assert } from "node:assert";
import { planSample, plainValue, Recorded, type RecordedResource } from "../../harness";
import { DOMAIN_PROJECT, fakeExports, runDomain } from "./fake-platform";

const PRIMITIVE_ROLES = ["roles/owner", "roles/editor", "roles/viewer"];
const LABEL_KEY = /^[a-z][a-z0-9_-]{0,62}$/;
const LABEL_VALUE = /^[a-z0-9_-]{0,63}$/;
const LAYOUTS = [
    { layout: "single" },
    { layout: "per-domain" },
    { layout: "read-replicas", replicas: 3 },
    { layout: "sharded", shards: 3, replicas: 1 },
] as const;

/** Every IAM grant recorded (resource-level, project-level, service-account-level). */
function grants(rec: Recorded): { resource: RecordedResource; role: string; member?: string }[] {
    return rec.custom
        .filter((r) => r.type.startsWith("gcp:") && /iam(member|binding|policy)/i.test(r.type))
        .map((resource) => ({ resource, role: rec.inputs(resource).role, member: rec.inputs(resource).member }));
}

function labelsOf(rec: Recorded, r: RecordedResource): Record<string, string> | undefined {
    const inputs = rec.inputs(r);
    return inputs.labels ?? inputs.settings?.userLabels;
}

describe("components/gcp/domain", () => {
    for (const db of LAYOUTS) {
        it(`layout ${db.layout}: no primitive roles; grants only to the domain's identities and service agent`, async () => {
            const rec = await runDomain({ environment: "prod", database: db });
            const all = grants(rec);
            assert.ok(all.length >= 10);
            for (const g of all) {
                assert.ok(!PRIMITIVE_ROLES.includes(g.role), `${g.resource.name} grants ${g.role}`);
                assert.ok(g.role.startsWith("roles/"), `${g.resource.name}: ${g.role}`);
            }
            // Project-level grants are few and named: the conditioned Cloud SQL roles, build logs, deploy
            // jobs (cluster access is the platform's to grant).
            const projectLevel = all.filter((g) => g.resource.type === "gcp:projects/iAMMember:IAMMember");
            assert.deepEqual(projectLevel.map((g) => g.role).sort(), [
                "roles/clouddeploy.jobRunner", "roles/cloudsql.client", "roles/cloudsql.instanceUser",
                "roles/logging.logWriter",
            ]);
            for (const g of projectLevel.filter((p) => p.role.startsWith("roles/cloudsql."))) {
                assert.ok(rec.inputs(g.resource).condition?.expression, `${g.role} is conditioned`);
            }
        });
    }

    it("every labelled resource carries the standard labels, in GCP's label alphabet", async () => {
        const rec = await runDomain({ environment: "prod", owner: "Orders.Team@acme" });
        const labelled = rec.custom.filter((r) => r.type.startsWith("gcp:") && labelsOf(rec, r));
        const types = new Set(labelled.map((r) => r.type));
        for (const t of ["gcp:storage/bucket:Bucket", "gcp:sql/databaseInstance:DatabaseInstance", "gcp:pubsub/topic:Topic",
            "gcp:pubsub/subscription:Subscription", "gcp:redis/instance:Instance", "gcp:secretmanager/secret:Secret",
            "gcp:clouddeploy/target:Target", "gcp:clouddeploy/deliveryPipeline:DeliveryPipeline"]) {
            assert.ok(types.has(t), `${t} is labelled`);
        }
        for (const r of labelled) {
            const labels = labelsOf(rec, r)!;
            for (const key of ["landing-zone", "environment", "domain", "owner", "managed-by"]) assert.ok(labels[key], `${r.name} lacks ${key}`);
            for (const [k, v] of Object.entries(labels)) {
                assert.match(k, LABEL_KEY, `${r.name} label key ${k}`);
                assert.match(v, LABEL_VALUE, `${r.name} label ${k}=${v}`);
            }
        }
    });

    it("protects stateful resources in prod only", async () => {
        const stateful = ["gcp:sql/databaseInstance:DatabaseInstance", "gcp:sql/database:Database", "gcp:storage/bucket:Bucket",
            "gcp:pubsub/topic:Topic", "gcp:pubsub/subscription:Subscription"];
        const prod = await runDomain({ environment: "prod", database: { layout: "sharded", shards: 2, replicas: 1 } });
        for (const t of stateful) {
            assert.ok(prod.ofType(t).length > 0, t);
            assert.ok(prod.ofType(t).every((r) => r.protect), `${t} protected in prod`);
        }
        assert.ok(prod.custom.filter((r) => r.protect).every((r) => stateful.includes(r.type)), "only stateful resources are protected");
        const dev = await runDomain({ environment: "dev", database: { layout: "sharded", shards: 2, replicas: 1 } });
        assert.deepEqual(dev.custom.filter((r) => r.protect).map((r) => r.name), []);
    });

    it("runs in the domain's service project: nothing in the host project (the platform grants cluster access)", async () => {
        const rec = await runDomain({ environment: "prod" });
        const elsewhere = rec.custom
            .filter((r) => r.type.startsWith("gcp:") && rec.inputs(r).project !== undefined && rec.inputs(r).project !== DOMAIN_PROJECT)
            .map((r) => `${r.name}:${rec.inputs(r).project}`);
        assert.deepEqual(elsewhere, []);
        const provider = rec.inputs(rec.one("pulumi:providers:gcp"));
        assert.equal(provider.project, DOMAIN_PROJECT);
        assert.equal(provider.region, "europe-west1");
    });

    it("never falls back to the host project: a platform without a project for the domain is an error", async () => {
        const exports = fakeExports({ domainProjectIds: {} });
        await assert.rejects(runDomain({ environment: "dev" }, { exports, preview: false }), /exports no project for domain "orders"/);
    });

    it("every child is named after its parent component", async () => {
        const rec = await runDomain({ environment: "prod" });
        for (const r of rec.resources) {
            if (!r.parent || r.type === "pulumi:pulumi:Stack") continue;
            const parent = rec.byUrn(r.parent);
            if (!parent || parent.type === "pulumi:pulumi:Stack") continue;
            assert.ok(r.name.startsWith(parent.name), `${r.name} under ${parent.name}`);
        }
    });

    it("runs with fabricated outputs ({ preview: false }) and exports every DomainOutputs field", async () => {
        const rec = await runDomain({ environment: "prod", database: { layout: "read-replicas", replicas: 2 } }, { preview: false });
        const o = rec.outputs;
        assert.equal(o.namespace, "orders");
        assert.equal(o.database.layout, "read-replicas");
        assert.equal(o.database.readerEndpoints.length, 2);
        assert.deepEqual(o.database.zones, ["europe-west1-b", "europe-west1-c", "europe-west1-d"]);
        assert.ok(o.objectStore.bucketName && o.queue.queueId && o.cache.authReference && o.pipeline.name);
        const secretish = JSON.stringify(o);
        assert.ok(!/password|authString/i.test(secretish));
    });

    describe("sample stacks (with the planned platform)", () => {
        for (const stack of ["orders-gcp-dev", "orders-gcp-prod"]) {
            it(`${stack} plans in preview mode`, async () => {
                const result = await planSample(stack);
                const rec = new Recorded(result.resources);
                const prod = stack.endsWith("prod");
                const primary = rec.inputs(rec.one("gcp:sql/databaseInstance:DatabaseInstance", "primary"));
                assert.equal(primary.settings.availabilityType, prod ? "REGIONAL" : "ZONAL");
                assert.equal(primary.settings.ipConfiguration.ipv4Enabled, false);
                const outputs = plainValue(result.outputs) as Record<string, any>;
                assert.equal(outputs.database.readerEndpoints.length, prod ? 2 : 0);
                assert.equal(outputs.pipeline.targetNamespace, "orders");
                // The prod sample promotes from the dev cluster: two stages, the prod one behind approval.
                const targets = rec.ofType("gcp:clouddeploy/target:Target").map((t) => rec.inputs(t));
                assert.deepEqual(targets.map((t) => t.requireApproval), prod ? [false, true] : [false]);
            });

            it(`${stack} plans with fabricated outputs`, async () => {
                const result = await planSample(stack, { preview: false });
                const rec = new Recorded(result.resources);
                const bucket = rec.inputs(rec.one("gcp:storage/bucket:Bucket", "storage-bucket"));
                assert.ok(bucket.project, "the service project is known after the platform deploys");
                assert.equal(bucket.publicAccessPrevention, "enforced");
                // The planned platform's principal for the orders namespace's workload KSA.
                const grant = rec.inputs(rec.one("gcp:storage/bucketIAMMember:BucketIAMMember", "access-bucket"));
                assert.match(grant.member, /^principal:\/\/iam\.googleapis\.com\/projects\/[^/]+\/locations\/global\/workloadIdentityPools\/[a-z0-9-]+\.svc\.id\.goog\/subject\/ns\/orders\/sa\/workload$/);
            });
        }
    });
});
