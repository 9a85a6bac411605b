import { strict as assert } from "node:assert";
import type { RecordedResource } from "../../harness";
import { DATA_KEY, DOMAIN_PROJECT, runDomain } from "./fake-platform";

const INSTANCE = "gcp:sql/databaseInstance:DatabaseInstance";

describe("components/gcp/database", () => {
    it("prod: REGIONAL, private IP only on the Shared VPC, SSL required, deletion protection, protect, CMEK", async () => {
        const rec = await runDomain({ environment: "prod" });
        const primary = rec.one(INSTANCE, "primary");
        const db = rec.inputs(primary);
        assert.equal(db.project, DOMAIN_PROJECT);
        assert.equal(db.databaseVersion, "POSTGRES_17");
        assert.equal(db.settings.availabilityType, "REGIONAL");
        assert.equal(db.settings.ipConfiguration.ipv4Enabled, false);
        assert.equal(db.settings.ipConfiguration.authorizedNetworks, undefined);
        assert.match(db.settings.ipConfiguration.privateNetwork, /\/global\/networks\/acme-prod-vpc$/);
        assert.equal(db.settings.ipConfiguration.allocatedIpRange, "acme-prod-psa");
        assert.ok(["ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"].includes(db.settings.ipConfiguration.sslMode));
        assert.equal(db.deletionProtection, true);
        assert.equal(db.settings.deletionProtectionEnabled, true);
        assert.equal(primary.protect, true);
        assert.equal(db.encryptionKeyName, DATA_KEY);
        assert.notEqual(db.settings.locationPreference.zone, db.settings.locationPreference.secondaryZone);
    });

    it("the disk only grows: settings.diskSize ignored after create on every instance (autoresize on), no maintenance window on replicas", async () => {
        const rec = await runDomain({ environment: "prod", database: { layout: "read-replicas", replicas: 2 } });
        const instances = rec.ofType(INSTANCE);
        assert.equal(instances.length, 3);
        for (const instance of instances) {
            assert.equal(rec.inputs(instance).settings.diskAutoresize, true);
            assert.deepEqual(instance.ignoreChanges, ["settings.diskSize"], `${instance.name} ignores settings.diskSize`);
        }
        const primary = rec.inputs(rec.one(INSTANCE, "primary"));
        assert.deepEqual(primary.settings.maintenanceWindow, { day: 7, hour: 3, updateTrack: "stable" });
        for (const replica of instances.filter((r) => r.name.includes("replica"))) {
            assert.equal(rec.inputs(replica).settings.maintenanceWindow, undefined, `${replica.name}: replicas take no maintenance window`);
        }
    });

    it("backs up with point-in-time recovery and keeps database.backupDays backups", async () => {
        const rec = await runDomain({ environment: "prod", database: { backupDays: 21 } });
        const backup = rec.inputs(rec.one(INSTANCE, "primary")).settings.backupConfiguration;
        assert.equal(backup.enabled, true);
        assert.equal(backup.pointInTimeRecoveryEnabled, true);
        assert.deepEqual(backup.backupRetentionSettings, { retainedBackups: 21, retentionUnit: "COUNT" });
        assert.ok(backup.transactionLogRetentionDays >= 1 && backup.transactionLogRetentionDays <= 7);
    });

    it("turns IAM database authentication on and creates the workload's IAM user (no password)", async () => {
        const rec = await runDomain({ environment: "dev" });
        const flags = rec.inputs(rec.one(INSTANCE, "primary")).settings.databaseFlags;
        assert.ok(flags.some((f: { name: string; value: string }) => f.name === "cloudsql.iam_authentication" && f.value === "on"));
        const user = rec.inputs(rec.one("gcp:sql/user:User"));
        assert.equal(user.type, "CLOUD_IAM_SERVICE_ACCOUNT");
        assert.equal(user.password, undefined);
        assert.equal(user.name, `acme-dev-orders-app@${DOMAIN_PROJECT}.iam`);
    });

    it("dev: ZONAL, no deletion protection, no protect, no CMEK, still private and SSL-only", async () => {
        const rec = await runDomain({ environment: "dev" });
        const primary = rec.one(INSTANCE, "primary");
        const db = rec.inputs(primary);
        assert.equal(db.settings.availabilityType, "ZONAL");
        assert.equal(db.deletionProtection, false);
        assert.equal(db.settings.deletionProtectionEnabled, false);
        assert.equal(primary.protect, false);
        assert.equal(db.encryptionKeyName, undefined);
        assert.equal(db.settings.ipConfiguration.ipv4Enabled, false);
        assert.equal(db.settings.ipConfiguration.sslMode, "ENCRYPTED_ONLY");
    });

    for (const layout of ["single", "per-domain"] as const) {
        it(`layout ${layout}: one primary, no replicas`, async () => {
            const rec = await runDomain({ database: { layout } });
            assert.equal(rec.ofType(INSTANCE).length, 1);
            assert.equal(rec.inputs(rec.one(INSTANCE)).masterInstanceName, undefined);
        });
    }

    it("layout read-replicas: N replicas of the primary, each in a different zone, private and SSL-only", async () => {
        const rec = await runDomain({ database: { layout: "read-replicas", replicas: 2 } });
        const primary = rec.inputs(rec.one(INSTANCE, "primary"));
        const replicas = rec.ofType(INSTANCE).filter((r) => r.name.includes("replica")).map((r) => rec.inputs(r));
        assert.equal(replicas.length, 2);
        for (const replica of replicas) {
            assert.equal(replica.masterInstanceName, primary.name);
            assert.equal(replica.settings.ipConfiguration.ipv4Enabled, false);
            assert.equal(replica.settings.ipConfiguration.sslMode, "ENCRYPTED_ONLY");
            assert.equal(replica.deletionProtection, true);
        }
        const zones = [primary.settings.locationPreference.zone, ...replicas.map((r) => r.settings.locationPreference.zone)];
        assert.equal(new Set(zones).size, 3, `zones ${zones.join(", ")}`);
        assert.ok(zones.every((z) => /^europe-west1-[bcd]$/.test(z)));
    });

    it("layout sharded: N primaries, each with its replicas, every instance protected in prod", async () => {
        const rec = await runDomain({ environment: "prod", database: { layout: "sharded", shards: 3, replicas: 1 } });
        const instances = rec.ofType(INSTANCE);
        const primaries = instances.filter((r) => r.name.includes("primary"));
        const replicas = instances.filter((r) => r.name.includes("replica"));
        assert.equal(primaries.length, 3);
        assert.equal(replicas.length, 3);
        const names = primaries.map((p) => rec.inputs(p).name);
        assert.equal(new Set(names).size, 3);
        for (let s = 0; s < 3; s++) {
            const replica = replicas.find((r: RecordedResource) => r.name.includes(`-s${s}-`))!;
            assert.equal(rec.inputs(replica).masterInstanceName, rec.inputs(primaries.find((p) => p.name.includes(`-s${s}-`))!).name);
        }
        assert.ok(instances.every((i) => i.protect));
        assert.equal(rec.ofType("gcp:sql/database:Database").length, 3);
        assert.equal(rec.ofType("gcp:sql/user:User").length, 3);
    });

    it("exports the shard map and reader endpoints (fabricated outputs)", async () => {
        const rec = await runDomain({ database: { layout: "sharded", shards: 2, replicas: 2 } }, { preview: false });
        const db = rec.outputs.database;
        assert.deepEqual(db.shards.map((s: { index: number }) => s.index), [0, 1]);
        assert.deepEqual(db.shards.map((s: { readers: unknown[] }) => s.readers.length), [2, 2]);
        assert.equal(db.readerEndpoints.length, 2);
        assert.equal(db.credentials.kind, "gcp-iam");
        assert.equal(db.credentials.reference, `acme-prod-orders-app@${DOMAIN_PROJECT}.iam`);
        assert.equal(db.port, 5432);
    });
});
