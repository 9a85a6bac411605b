import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { runDomain, WORKLOAD_PRINCIPAL_ID } from "./fake-platform";

const CLUSTER = "azure-native:redisenterprise:RedisEnterprise";
const DATABASE = "azure-native:redisenterprise:Database";
const ACCESS = "azure-native:redisenterprise:AccessPolicyAssignment";
const ENDPOINT = "azure-native:network:PrivateEndpoint";

describe("components/azure/cache (Azure Managed Redis)", () => {
    it("creates no Azure Cache for Redis (closed to new tenants): a Managed Redis cluster and its database", async () => {
        for (const environment of ["dev", "prod"] as const) {
            const rec = await runDomain({ environment });
            assert.equal(rec.resources.filter((r) => r.type.startsWith("azure-native:redis:")).length, 0);
            assert.equal(rec.ofType(CLUSTER).length, 1);
            assert.equal(rec.ofType(DATABASE).length, 1);
        }
    });

    it("is TLS only (1.2, port 10000), Entra auth with access keys off, one endpoint", async () => {
        const rec = await runDomain({ environment: "dev" });
        const cluster = rec.inputs(rec.one(CLUSTER));
        assert.equal(cluster.minimumTlsVersion, "1.2");
        const database = rec.inputs(rec.one(DATABASE));
        assert.equal(database.databaseName, "default");
        assert.equal(database.port, 10000);
        assert.equal(database.clientProtocol, "Encrypted");
        assert.equal(database.accessKeysAuthentication, "Disabled");
        assert.equal(database.clusteringPolicy, "EnterpriseCluster");
        assert.equal(rec.outputs!.cache!.port, 10000);
        assert.equal(rec.outputs!.cache!.tls, true);
        // The endpoint is the cluster's own host name: unknown until the cluster exists (it orders its users).
        const deployed = await runDomain({ environment: "dev" }, { preview: false });
        const endpoint = await new Promise((resolve) => pulumi.output(deployed.outputs!.cache!.endpoint).apply(resolve));
        assert.equal(endpoint, `${cluster.clusterName}.westeurope.redis.azure.net`);
    });

    it("has public network access off and a private endpoint (redisEnterprise) in the platform's privatelink.redis.azure.net zone", async () => {
        const rec = await runDomain({ environment: "dev" });
        assert.equal(rec.inputs(rec.one(CLUSTER)).publicNetworkAccess, "Disabled");
        const endpoint = rec.one(ENDPOINT, "orders-cache");
        assert.deepEqual(rec.inputs(endpoint).privateLinkServiceConnections[0].groupIds, ["redisEnterprise"]);
        assert.ok(endpoint.dependencies.includes(rec.one(CLUSTER).urn), "the endpoint targets the cluster's id");
        const dns = rec.inputs(rec.one("azure-native:network:PrivateDnsZoneGroup", "orders-cache"));
        assert.match(dns.privateDnsZoneConfigs[0].privateDnsZoneId, /privatelink\.redis\.azure\.net$/);
    });

    it("prod: a Balanced SKU with high availability across the zones (one replica per shard)", async () => {
        const rec = await runDomain({ environment: "prod" });
        const cluster = rec.inputs(rec.one(CLUSTER));
        assert.equal(cluster.sku.name, "Balanced_B5");
        assert.equal(cluster.highAvailability, "Enabled");
        assert.deepEqual(cluster.zones, ["1", "2", "3"]);
        assert.equal(rec.outputs!.cache!.replicas, 1);
    });

    it("dev (no replica asked): high availability off, no zones, the small Balanced SKU", async () => {
        const rec = await runDomain({ environment: "dev" });
        const cluster = rec.inputs(rec.one(CLUSTER));
        assert.deepEqual(cluster.sku, { name: "Balanced_B1" });
        assert.equal(cluster.highAvailability, "Disabled");
        assert.equal(cluster.zones, undefined);
        assert.equal(rec.outputs!.cache!.replicas, 0);
    });

    it("one replica asked turns high availability on", async () => {
        const rec = await runDomain({ environment: "dev", cache: { replicas: 1 } });
        assert.equal(rec.inputs(rec.one(CLUSTER)).highAvailability, "Enabled");
        assert.equal(rec.outputs!.cache!.replicas, 1);
    });

    it("gives the workload the default data access policy on its database, after the cluster and database exist", async () => {
        const rec = await runDomain({ environment: "prod" }, { preview: false });
        const access = rec.one(ACCESS);
        const inputs = rec.inputs(access);
        assert.equal(inputs.accessPolicyName, "default");
        assert.equal(inputs.user.objectId, WORKLOAD_PRINCIPAL_ID, "the object id of the workload identity the platform vended");
        assert.ok(access.dependencies.includes(rec.one(CLUSTER).urn), "waits for the cluster");
        assert.ok(access.dependencies.includes(rec.one(DATABASE).urn), "waits for the database");
        assert.ok(rec.one(DATABASE).dependencies.includes(rec.one(CLUSTER).urn), "the database waits for the cluster");
    });

    it("is left out when cache.enabled is false", async () => {
        const rec = await runDomain({ environment: "dev", cache: { enabled: false } });
        assert.equal(rec.ofType(CLUSTER).length, 0);
        assert.equal(rec.ofType(ACCESS).length, 0);
        assert.equal(rec.outputs!.cache, undefined);
    });
});
