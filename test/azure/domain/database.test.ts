import { strict as assert } from "node:assert";
import { fabricatedId, runDomain } from "./fake-platform";

const SERVER = "azure-native:dbforpostgresql:Server";
const CONFIGURATION = "azure-native:dbforpostgresql:Configuration";
const LOCK = "azure-native:authorization:ManagementLockByScope";

describe("components/azure/database", () => {
    it("prod primary: zone-redundant HA in another zone, geo-redundant backup, backupDays", async () => {
        const rec = await runDomain({ environment: "prod", database: { backupDays: 21 } });
        const primary = rec.inputs(rec.one(SERVER, "primary"));
        assert.equal(primary.highAvailability.mode, "ZoneRedundant");
        assert.notEqual(primary.highAvailability.standbyAvailabilityZone, primary.availabilityZone);
        assert.equal(primary.backup.geoRedundantBackup, "Enabled");
        assert.equal(primary.backup.backupRetentionDays, 21);
    });

    it("is private only: delegated subnet, private DNS zone, public network access off", async () => {
        const rec = await runDomain({ environment: "prod" });
        const primary = rec.inputs(rec.one(SERVER, "primary"));
        assert.equal(primary.network.publicNetworkAccess, "Disabled");
        assert.match(primary.network.delegatedSubnetResourceId, /\/subnets\/postgres$/);
        assert.match(primary.network.privateDnsZoneArmResourceId, /privatelink\.postgres\.database\.azure\.com$/);
    });

    it("uses Microsoft Entra authentication only: password auth off, no admin password anywhere", async () => {
        const rec = await runDomain({ environment: "dev" });
        for (const server of rec.ofType(SERVER).map((s) => rec.inputs(s))) {
            assert.equal(server.administratorLoginPassword, undefined);
            assert.equal(server.administratorLogin, undefined);
        }
        const primary = rec.inputs(rec.one(SERVER, "primary"));
        assert.equal(primary.authConfig.passwordAuth, "Disabled");
        assert.equal(primary.authConfig.activeDirectoryAuth, "Enabled");
        assert.equal(rec.outputs!.database.credentials.kind, "azure-entra-id");
    });

    it("enforces TLS on every server (require_secure_transport ON, TLS 1.2 minimum)", async () => {
        const rec = await runDomain({ environment: "prod", database: { layout: "read-replicas", replicas: 1 } });
        const servers = rec.ofType(SERVER).map((s) => rec.inputs(s).serverName as string);
        const settings = rec.ofType(CONFIGURATION).map((c) => rec.inputs(c));
        for (const serverName of servers) {
            const tls = settings.find((c) => c.serverName === serverName && c.configurationName === "require_secure_transport");
            assert.equal(tls?.value, "ON", `require_secure_transport on ${serverName}`);
            const minimum = settings.find((c) => c.serverName === serverName && c.configurationName === "ssl_min_protocol_version");
            assert.equal(minimum?.value, "TLSv1.2", `ssl_min_protocol_version on ${serverName}`);
        }
    });

    it("prod: every server protected and locked CanNotDelete; dev: neither", async () => {
        const prod = await runDomain({ environment: "prod", database: { layout: "read-replicas", replicas: 2 } });
        const servers = prod.ofType(SERVER);
        assert.ok(servers.every((s) => s.protect), "protect on every prod server");
        const locks = prod.ofType(LOCK).filter((l) => l.name.startsWith("orders-database"));
        assert.equal(locks.length, servers.length);
        assert.ok(locks.every((l) => prod.inputs(l).level === "CanNotDelete"));
        const dev = await runDomain({ environment: "dev" });
        assert.ok(dev.ofType(SERVER).every((s) => !s.protect));
        assert.equal(dev.ofType(LOCK).length, 0);
        const primary = dev.inputs(dev.one(SERVER, "primary"));
        assert.equal(primary.highAvailability.mode, "Disabled");
        assert.equal(primary.backup.geoRedundantBackup, "Disabled");
    });

    it("locks the server it protects (lock scope is the server id)", async () => {
        const rec = await runDomain({ environment: "prod" }, { preview: false });
        const server = rec.one(SERVER, "primary");
        const lock = rec.inputs(rec.one(LOCK, "orders-database-primary-lock"));
        assert.equal(lock.scope, fabricatedId(server));
    });

    for (const layout of ["single", "per-domain"] as const) {
        it(`layout ${layout}: one primary, no readers`, async () => {
            const rec = await runDomain({ environment: "prod", database: { layout } });
            assert.equal(rec.ofType(SERVER).length, 1);
            assert.equal(rec.inputs(rec.one(SERVER)).createMode, "Create");
            assert.equal(rec.outputs!.database.layout, layout);
            assert.equal(rec.outputs!.database.readerEndpoints.length, 0);
            assert.equal(rec.outputs!.database.shards.length, 1);
        });
    }

    it("layout read-replicas: N createMode Replica servers of the primary, reader endpoints exported", async () => {
        const rec = await runDomain({ environment: "prod", database: { layout: "read-replicas", replicas: 3 } }, { preview: false });
        const primary = rec.one(SERVER, "primary");
        const replicas = rec.ofType(SERVER).filter((s) => s.name.includes("replica"));
        assert.equal(replicas.length, 3);
        for (const replica of replicas.map((r) => rec.inputs(r))) {
            assert.equal(replica.createMode, "Replica");
            assert.equal(replica.sourceServerResourceId, fabricatedId(primary));
            assert.equal(replica.network.publicNetworkAccess, "Disabled");
        }
        assert.equal(rec.outputs!.database.readerEndpoints.length, 3);
        assert.equal(rec.outputs!.database.shards[0].readers.length, 3);
    });

    it("layout sharded: N primaries (each with its replicas) and a shard map", async () => {
        const rec = await runDomain({ environment: "prod", database: { layout: "sharded", shards: 3, replicas: 1 } });
        const servers = rec.ofType(SERVER).map((s) => rec.inputs(s));
        const primaries = servers.filter((s) => s.createMode === "Create");
        const replicas = servers.filter((s) => s.createMode === "Replica");
        assert.equal(primaries.length, 3);
        assert.equal(replicas.length, 3);
        assert.equal(new Set(primaries.map((p) => p.serverName)).size, 3);
        assert.ok(primaries.every((p) => p.highAvailability.mode === "ZoneRedundant"));
        const shards = rec.outputs!.database.shards;
        assert.deepEqual(shards.map((s) => s.index), [0, 1, 2]);
        assert.ok(shards.every((s) => s.readers.length === 1));
        // Primaries are spread over the zones.
        assert.equal(new Set(primaries.map((p) => p.availabilityZone)).size, 3);
    });

    it("sizes come from the size table and storage rounds up to a Flexible Server size", async () => {
        const rec = await runDomain({ environment: "prod", database: { size: "medium", storageGb: 100 } });
        const primary = rec.inputs(rec.one(SERVER, "primary"));
        assert.deepEqual(primary.sku, { name: "Standard_D4ds_v5", tier: "GeneralPurpose" });
        assert.equal(primary.storage.storageSizeGB, 128);
        assert.equal(primary.version, "17");
    });
});
