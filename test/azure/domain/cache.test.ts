import { strict as assert } from "node:assert";
import { runDomain } from "./fake-platform";

const REDIS = "azure-native:redis:Redis";
const ENDPOINT = "azure-native:network:PrivateEndpoint";

describe("components/azure/cache", () => {
    it("is TLS 1.2 only with the non-TLS port off, Entra auth and no access keys", async () => {
        const rec = await runDomain({ environment: "dev" });
        const cache = rec.inputs(rec.one(REDIS));
        assert.equal(cache.enableNonSslPort, false);
        assert.equal(cache.minimumTlsVersion, "1.2");
        assert.equal(cache.redisConfiguration.aadEnabled, "true");
        assert.equal(cache.disableAccessKeyAuthentication, true);
        assert.equal(rec.outputs!.cache!.port, 6380);
        assert.equal(rec.outputs!.cache!.tls, true);
    });

    it("has public network access off and a private endpoint in the platform's redis zone", async () => {
        const rec = await runDomain({ environment: "dev" });
        assert.equal(rec.inputs(rec.one(REDIS)).publicNetworkAccess, "Disabled");
        const endpoint = rec.inputs(rec.one(ENDPOINT, "orders-cache"));
        assert.deepEqual(endpoint.privateLinkServiceConnections[0].groupIds, ["redisCache"]);
        const dns = rec.inputs(rec.one("azure-native:network:PrivateDnsZoneGroup", "orders-cache"));
        assert.match(dns.privateDnsZoneConfigs[0].privateDnsZoneId, /privatelink\.redis\.cache\.windows\.net$/);
    });

    it("prod: Premium with replicas spread across zones", async () => {
        const rec = await runDomain({ environment: "prod" });
        const cache = rec.inputs(rec.one(REDIS));
        assert.equal(cache.sku.name, "Premium");
        assert.equal(cache.replicasPerPrimary, 2);
        assert.deepEqual(cache.zones, ["1", "2", "3"]);
        assert.equal(rec.outputs!.cache!.replicas, 2);
    });

    it("dev (no replica asked): one Basic node, no zones, as on the other clouds", async () => {
        const rec = await runDomain({ environment: "dev" });
        const cache = rec.inputs(rec.one(REDIS));
        assert.deepEqual(cache.sku, { name: "Basic", family: "C", capacity: 1 });
        assert.equal(cache.zones, undefined);
        assert.equal(rec.outputs!.cache!.replicas, 0);
    });

    it("one replica at size small: Standard (primary + replica); more replicas need Premium", async () => {
        const one = await runDomain({ environment: "dev", cache: { replicas: 1 } });
        assert.equal(one.inputs(one.one(REDIS)).sku.name, "Standard");
        assert.equal(one.outputs!.cache!.replicas, 1);
        const two = await runDomain({ environment: "dev", cache: { replicas: 2 } });
        assert.equal(two.inputs(two.one(REDIS)).sku.name, "Premium");
        assert.equal(two.outputs!.cache!.replicas, 2);
    });

    it("is left out when cache.enabled is false", async () => {
        const rec = await runDomain({ environment: "dev", cache: { enabled: false } });
        assert.equal(rec.ofType(REDIS).length, 0);
        assert.equal(rec.ofType("azure-native:redis:AccessPolicyAssignment").length, 0);
        assert.equal(rec.outputs!.cache, undefined);
    });
});
