import { strict as assert } from "node:assert";
import { KEY_PURPOSES } from "../../../components/core/contracts";
import { ENCRYPTER_DECRYPTER, multiRegionOf } from "../../../components/gcp/keys";
import { sample, T, variant } from "./helpers";

describe("components/gcp/keys", () => {
    it("one key ring in the region with a rotated key per purpose (keys.rotationDays)", async () => {
        const rec = await variant("platform-gcp-prod", { keys: { rotationDays: 90 } });
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

    it("prod (geo-redundant storage): a data key in the multi-region for the domains' storage agents", async () => {
        const rec = await sample("platform-gcp-prod");
        assert.equal(rec.inputs(rec.one(T.keyRing, "geo-ring")).location, "europe");
        const geoGrants = rec.ofType(T.keyIam).filter((g) => g.name.includes("geo-data"));
        assert.deepEqual(geoGrants.map((g) => g.name.split("geo-data-")[1]).sort(), ["orders-storage", "payments-storage"]);
        const dev = await sample("platform-gcp-dev");
        assert.equal(dev.ofType(T.keyRing).length, 1);
        assert.equal(multiRegionOf("southamerica-east1"), undefined);
    });
});
