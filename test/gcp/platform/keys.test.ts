import { strict as assert } from "node:assert";
import { KEY_PURPOSES } from "../../../components/core/contracts";
import { ENCRYPTER_DECRYPTER } from "../../../components/gcp/keys";
import { kmsMultiRegionOf } from "../../../components/gcp/locations";
import { planSample, plainValue, runStackConfig } from "../../harness";
import { sample, sampleConfig, T, variant } from "./helpers";

/** The sample platform without an organization stack: it owns its folders, and its key ring. */
const STANDALONE = { organizationStack: undefined, hierarchy: { mode: "create", parentId: "organizations/123456789012", billingAccount: "012345-6789AB-CDEF01" } };

describe("components/gcp/keys", () => {
    it("without an organization stack: one key ring of its own in the region with a rotated key per purpose (keys.rotationDays)", async () => {
        const rec = await variant("platform-gcp-prod", { ...STANDALONE, keys: { rotationDays: 90 } });
        const ring = rec.inputs(rec.one(T.keyRing, "keys-ring"));
        assert.equal(ring.location, "europe-west1");
        const keys = rec.ofType(T.key).filter((k) => !k.name.includes("geo"));
        assert.deepEqual(keys.map((k) => rec.inputs(k).name).sort(), [...KEY_PURPOSES].sort());
        for (const k of rec.ofType(T.key)) {
            assert.equal(rec.inputs(k).rotationPeriod, `${90 * 86400}s`);
            assert.equal(rec.inputs(k).purpose, "ENCRYPT_DECRYPT");
            assert.equal(k.protect, true);
        }
    });

    it("grants the service agents that use each key, and nothing broader", async () => {
        const rec = await sample("platform-gcp-prod");
        const grants = rec.ofType(T.keyIam);
        for (const g of grants) assert.equal(rec.inputs(g).role, ENCRYPTER_DECRYPTER);
        const names = grants.map((g) => g.name);
        for (const expected of [
            "keys-registry-platform-artifactregistry", "keys-cluster-platform-container", "keys-logs-platform-storage",
            "keys-data-orders-storage", "keys-data-orders-sql", "keys-data-orders-pubsub",
            "keys-data-payments-storage", "keys-data-payments-sql", "keys-data-payments-pubsub",
        ]) {
            assert.ok(names.some((n) => n.endsWith(expected)), `missing grant ${expected}`);
        }
        // Each grant binds the agent of the right project: the orders SQL agent is created in the orders project.
        const ordersSql = rec.one(T.agent, "orders-agent-sql");
        assert.ok(rec.one(T.keyIam, "data-orders-sql").dependencies.includes(ordersSql.urn));
        assert.equal(rec.inputs(ordersSql).project, rec.inputs(rec.one(T.project, "orders")).projectId);
    });

    it("service agents are named from the project number (ServiceIdentity may return no e-mail) and still wait for it", async () => {
        // Created project: the number is known after create; the grant waits for the project and the agent.
        const rec = await sample("platform-gcp-prod");
        const grant = rec.one(T.keyIam, "cluster-platform-container");
        assert.ok(grant.dependencies.includes(rec.one(T.agent, "platform-agent-container").urn));
        assert.ok(grant.dependencies.includes(rec.one(T.project, "platform").urn));
        // Existing project (its number read once): the e-mail is known in a preview.
        const existing = await variant("platform-gcp-dev", { organizationStack: undefined, hierarchy: { mode: "skip" }, gcp: { projectId: "acme-dev-shared-1" } });
        const members = Object.fromEntries(existing.ofType(T.keyIam).map((g) => [g.name.split("-keys-")[1], existing.inputs(g).member]));
        assert.equal(members["cluster-platform-container"], "serviceAccount:service-000000000000@container-engine-robot.iam.gserviceaccount.com");
        assert.equal(members["registry-platform-artifactregistry"], "serviceAccount:service-000000000000@gcp-sa-artifactregistry.iam.gserviceaccount.com");
        assert.ok(existing.one(T.keyIam, "cluster-platform-container").dependencies.includes(existing.one(T.agent, "platform-agent-container").urn));
    });

    it("prod (geo-redundant storage) without an organization stack: a data key in a multi-region ring of its own for the domains' storage agents", async () => {
        const rec = await variant("platform-gcp-prod", STANDALONE);
        assert.equal(rec.inputs(rec.one(T.keyRing, "geo-ring")).location, "europe");
        const geoGrants = rec.ofType(T.keyIam).filter((g) => g.name.includes("geo-data"));
        assert.deepEqual(geoGrants.map((g) => g.name.split("geo-data-")[1]).sort(), ["orders-storage", "payments-storage"]);
        const dev = await sample("platform-gcp-dev");
        assert.equal(dev.ofType(T.keyRing).length, 0, "dev: no geo ring, and its regional keys are in the organization's ring");
        assert.equal(kmsMultiRegionOf("southamerica-east1"), undefined);
    });

    it("prod with an organization stack: the geo data key goes in the organization's multi-region ring (security project), protected, granted to the same agents", async () => {
        const org = plainValue((await planSample("organization-gcp", { preview: false })).outputs) as any;
        const geoRingId: string = org.environments.prod.geoKeyRingId;
        assert.match(geoRingId, /\/locations\/europe\/keyRings\//);
        const rec = await sample("platform-gcp-prod", false);
        assert.equal(rec.ofType(T.keyRing).length, 0, "no key ring of the platform's own, regional or geo");
        const geoKey = rec.one(T.key, "geo-data");
        assert.equal(rec.inputs(geoKey).keyRing, geoRingId);
        assert.equal(rec.inputs(geoKey).name, "data");
        assert.equal(geoKey.protect, true);
        const geoGrants = rec.ofType(T.keyIam).filter((g) => rec.inputs(g).cryptoKeyId === `${geoRingId}/cryptoKeys/data`);
        assert.deepEqual(geoGrants.map((g) => g.name.split("geo-data-")[1]).sort(), ["orders-storage", "payments-storage"]);
        for (const g of geoGrants) assert.equal(rec.inputs(g).role, ENCRYPTER_DECRYPTER);
    });

    it("refuses a missing organization geo ring, or one outside the platform's multi-region", async () => {
        const org = plainValue((await planSample("organization-gcp", { preview: false })).outputs) as any;
        const run = (prod: Record<string, unknown>) => runStackConfig("platform-gcp-prod", sampleConfig("platform-gcp-prod") as never,
            { preview: false, stackReferences: { "organization-gcp": { ...org, environments: { ...org.environments, prod: { ...org.environments.prod, ...prod } } } } });
        await assert.rejects(run({ geoKeyRingId: undefined }), /exports no multi-region key ring for environment prod \(environments\.prod\.geoKeyRingId\)/);
        await assert.rejects(run({ geoKeyRingId: "projects/acme-org-security-1/locations/us/keyRings/acme-prod-keys" }),
            /geo key ring projects\/acme-org-security-1\/locations\/us\/keyRings\/acme-prod-keys is in us, this platform's geo-redundant data in europe/);
    });

    it("with an organization stack: the keys go in its key ring for the environment (security project), protected and rotated, granted by the platform", async () => {
        const org = plainValue((await planSample("organization-gcp", { preview: false })).outputs) as any;
        for (const env of ["dev", "prod"] as const) {
            const rec = await sample(`platform-gcp-${env}`, false);
            const ringId: string = org.environments[env].keyRingId;
            assert.match(ringId, /^projects\/acme-org-security-[a-z0-9]+\/locations\/europe-west1\/keyRings\/acme-/);
            assert.equal(rec.ofType(T.keyRing).filter((r) => !r.name.includes("geo")).length, 0, "no key ring of the platform's own in the region");
            const keys = rec.ofType(T.key).filter((k) => !k.name.includes("geo"));
            assert.deepEqual(keys.map((k) => rec.inputs(k).name).sort(), [...KEY_PURPOSES].sort());
            for (const key of keys) {
                assert.equal(rec.inputs(key).keyRing, ringId, `${key.name} is not in the organization's ring`);
                assert.equal(key.protect, true, `${key.name}: keys in the organization's ring are protected`);
                assert.equal(rec.inputs(key).rotationPeriod, `${365 * 86400}s`);
            }
            // The platform grants its projects' agents on those keys (grants on the keys, by their owner).
            const data = keys.find((k) => rec.inputs(k).name === "data")!;
            const dataGrants = rec.ofType(T.keyIam).filter((g) => rec.inputs(g).cryptoKeyId === `${ringId}/cryptoKeys/data`);
            assert.ok(dataGrants.length >= 3, "the domain agents hold the data key");
            for (const g of dataGrants) {
                assert.equal(rec.inputs(g).role, ENCRYPTER_DECRYPTER);
                assert.ok(g.dependencies.includes(data.urn));
            }
            assert.ok(rec.ofType(T.keyIam).some((g) => rec.inputs(g).cryptoKeyId === `${ringId}/cryptoKeys/cluster` && g.name.endsWith("cluster-platform-container")));
        }
    });

    it("refuses an organization key ring in another region than the platform's (CMEK keys share their resources' location)", async () => {
        const org = plainValue((await planSample("organization-gcp", { preview: false })).outputs) as any;
        const elsewhere = { ...org, environments: { ...org.environments, dev: { ...org.environments.dev, keyRingId: "projects/acme-org-security-1/locations/us-east1/keyRings/acme-dev-keys" } } };
        await assert.rejects(
            runStackConfig("platform-gcp-dev", sampleConfig("platform-gcp-dev") as never, { preview: false, stackReferences: { "organization-gcp": elsewhere } }),
            /key ring projects\/acme-org-security-1\/locations\/us-east1\/keyRings\/acme-dev-keys is in us-east1, this platform in europe-west1/);
        const none = { ...org, environments: { ...org.environments, dev: { ...org.environments.dev, keyRingId: undefined } } };
        await assert.rejects(
            runStackConfig("platform-gcp-dev", sampleConfig("platform-gcp-dev") as never, { preview: false, stackReferences: { "organization-gcp": none } }),
            /exports no key ring for environment dev/);
    });
});
