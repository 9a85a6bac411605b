import { strict as assert } from "node:assert";
import { runDomain } from "./fake-platform";

const NAMESPACE = "azure-native:servicebus:Namespace";
const QUEUE = "azure-native:servicebus:Queue";
const ENDPOINT = "azure-native:network:PrivateEndpoint";

describe("components/azure/queue", () => {
    it("dead-letters on expiration and after queue.maxReceiveCount deliveries", async () => {
        const rec = await runDomain({ environment: "dev", queue: { maxReceiveCount: 7, visibilityTimeoutSeconds: 60, retentionDays: 3 } });
        const queue = rec.inputs(rec.one(QUEUE));
        assert.equal(queue.deadLetteringOnMessageExpiration, true);
        assert.equal(queue.maxDeliveryCount, 7);
        assert.equal(queue.lockDuration, "PT60S");
        assert.equal(queue.defaultMessageTimeToLive, "P3D");
        assert.equal(rec.outputs!.queue.maxReceiveCount, 7);
    });

    it("turns local (SAS key) auth off and requires TLS 1.2 on every tier", async () => {
        for (const environment of ["dev", "prod"] as const) {
            const rec = await runDomain({ environment });
            const namespace = rec.inputs(rec.one(NAMESPACE));
            assert.equal(namespace.disableLocalAuth, true, environment);
            assert.equal(namespace.minimumTlsVersion, "1.2", environment);
        }
    });

    it("prod: Premium, zone redundant, public network access off, private endpoint", async () => {
        const rec = await runDomain({ environment: "prod" });
        const namespace = rec.inputs(rec.one(NAMESPACE));
        assert.equal(namespace.sku.name, "Premium");
        assert.equal(namespace.zoneRedundant, true);
        assert.equal(namespace.publicNetworkAccess, "Disabled");
        const endpoint = rec.inputs(rec.one(ENDPOINT, "orders-queue"));
        assert.deepEqual(endpoint.privateLinkServiceConnections[0].groupIds, ["namespace"]);
        assert.ok(rec.one(NAMESPACE).protect && rec.one(QUEUE).protect);
    });

    it("dev: Standard (no private endpoint on that tier), not protected", async () => {
        const rec = await runDomain({ environment: "dev" });
        const namespace = rec.inputs(rec.one(NAMESPACE));
        assert.equal(namespace.sku.name, "Standard");
        assert.equal(rec.ofType(ENDPOINT).filter((e) => e.name.startsWith("orders-queue")).length, 0);
        assert.ok(!rec.one(NAMESPACE).protect && !rec.one(QUEUE).protect);
    });

    it("takes the peek-lock from queue.visibilityTimeoutSeconds (config validation keeps it within 5 s to 5 min)", async () => {
        const rec = await runDomain({ environment: "dev", queue: { visibilityTimeoutSeconds: 300 } });
        assert.equal(rec.inputs(rec.one(QUEUE)).lockDuration, "PT300S");
        await assert.rejects(runDomain({ environment: "dev", queue: { visibilityTimeoutSeconds: 900 } }), /visibilityTimeoutSeconds must be 5 to 300 on azure/);
    });
});
