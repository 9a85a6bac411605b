import { strict as assert } from "node:assert";
import { FAKE_DATA_SUBNETS, FAKE_NODE_SG } from "./fake-platform";
import { domainOutput, fabricatedArn, list, parsePolicy, RDS, recordDomain } from "./helpers";

const replicasProd = { database: { layout: "read-replicas" as const, replicas: 2 } };
const sharded = { database: { layout: "sharded" as const, shards: 3, replicas: 1 } };

describe("components/aws/database.ts", () => {
    it("prod read-replicas: Multi-AZ, deletion-protected, encrypted primary with a final snapshot and Performance Insights", async () => {
        const rec = await recordDomain("prod", replicasProd);
        const primary = rec.one(RDS, "database-primary");
        const p = rec.inputs(primary);
        assert.equal(p.multiAz, true);
        assert.equal(p.deletionProtection, true);
        assert.equal(p.storageEncrypted, true);
        assert.equal(p.skipFinalSnapshot, false);
        assert.match(p.finalSnapshotIdentifier, /^acme-prod-orders-db-final$/);
        assert.equal(p.performanceInsightsEnabled, true);
        assert.equal(p.publiclyAccessible, false);
        assert.equal(p.backupRetentionPeriod, 14);
        assert.equal(primary.protect, true);
    });

    it("honours an explicit highAvailability / deletionProtection false (the policy pack, not the code, rejects it in prod)", async () => {
        const rec = await recordDomain("prod", { database: { layout: "single" as const, highAvailability: false, deletionProtection: false } });
        const p = rec.inputs(rec.one(RDS, "database-primary"));
        assert.equal(p.multiAz, false);
        assert.equal(p.deletionProtection, false);
    });

    it("prod read-replicas: N replicas of the primary, in distinct zones, encrypted and protected, reader endpoints exported", async () => {
        const rec = await recordDomain("prod", replicasProd, { preview: false });
        const primary = rec.one(RDS, "database-primary");
        const replicas = rec.ofType(RDS).filter((r) => r.name.includes("replica"));
        assert.equal(replicas.length, 2);
        const zones = replicas.map((r) => rec.inputs(r).availabilityZone);
        assert.equal(new Set(zones).size, 2, `replica zones ${zones.join(", ")}`);
        for (const replica of replicas) {
            const r = rec.inputs(replica);
            assert.equal(r.replicateSourceDb, rec.inputs(primary).identifier);
            assert.equal(r.deletionProtection, true);
            assert.equal(replica.protect, true);
        }
        const database = await domainOutput("prod", replicasProd, "database");
        assert.equal(database.readerEndpoints.length, 2);
        assert.equal(database.shards.length, 1);
    });

    it("encrypts primaries' storage, the managed master secret and Performance Insights with the domain key", async () => {
        for (const layout of [replicasProd, sharded]) {
            const rec = await recordDomain("prod", layout, { preview: false });
            const keyArn = fabricatedArn(rec.one("aws:kms/key:Key", "orders-key"));
            const primaries = rec.ofType(RDS).filter((i) => rec.inputs(i).replicateSourceDb === undefined);
            assert.ok(primaries.length > 0);
            for (const instance of primaries) {
                const i = rec.inputs(instance);
                assert.equal(i.storageEncrypted, true, instance.name);
                assert.equal(i.kmsKeyId, keyArn, instance.name);
                assert.equal(i.masterUserSecretKmsKeyId, keyArn, instance.name);
            }
            for (const instance of rec.ofType(RDS)) assert.equal(rec.inputs(instance).performanceInsightsKmsKeyId, keyArn, instance.name);
        }
    });

    it("same-region replicas send no kmsKeyId / storageEncrypted (they inherit the source's key; RDS rejects the key)", async () => {
        for (const layout of [replicasProd, sharded]) {
            const rec = await recordDomain("prod", layout, { preview: false });
            const replicas = rec.ofType(RDS).filter((i) => rec.inputs(i).replicateSourceDb !== undefined);
            assert.ok(replicas.length > 0);
            for (const replica of replicas) {
                const r = rec.inputs(replica);
                assert.equal(r.kmsKeyId, undefined, replica.name);
                assert.equal(r.storageEncrypted, undefined, replica.name);
            }
        }
    });

    it("enhanced monitoring every 60 s through its own role, which every instance waits for (grant before use)", async () => {
        const rec = await recordDomain("prod", replicasProd, { preview: false });
        const role = rec.one("aws:iam/role:Role", "database-monitoring");
        const trust = parsePolicy(rec.inputs(role).assumeRolePolicy);
        assert.deepEqual(trust.Statement.map((st) => st.Principal), [{ Service: "monitoring.rds.amazonaws.com" }]);
        const grant = rec.one("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "database-monitoring-policy");
        assert.equal(rec.inputs(grant).policyArn, "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole");
        for (const instance of rec.ofType(RDS)) {
            const i = rec.inputs(instance);
            assert.equal(i.monitoringInterval, 60, instance.name);
            assert.equal(i.monitoringRoleArn, fabricatedArn(role), instance.name);
            assert.ok(instance.dependencies.includes(grant.urn), `${instance.name} must depend on the monitoring grant`);
        }
    });

    it("lets AWS manage the master password (none in config or state) and turns on IAM authentication", async () => {
        const rec = await recordDomain("dev");
        const p = rec.inputs(rec.one(RDS, "database-primary"));
        assert.equal(p.manageMasterUserPassword, true);
        assert.equal(p.password, undefined);
        assert.equal(p.passwordWo, undefined);
        assert.equal(p.iamDatabaseAuthenticationEnabled, true);
        const database = await domainOutput("dev", {}, "database");
        assert.equal(database.credentials.kind, "aws-secrets-manager");
    });

    it("forces TLS through the parameter group every instance uses", async () => {
        const rec = await recordDomain("prod", replicasProd, { preview: false });
        const group = rec.inputs(rec.one("aws:rds/parameterGroup:ParameterGroup"));
        assert.equal(group.family, "postgres17");
        const forceSsl = group.parameters.find((p: { name: string }) => p.name === "rds.force_ssl");
        assert.equal(forceSsl?.value, "1");
        for (const instance of rec.ofType(RDS)) assert.equal(rec.inputs(instance).parameterGroupName, group.name, instance.name);
    });

    it("sits in the platform's data subnets behind a security group admitting only the cluster nodes and the admin jobs on 5432", async () => {
        const rec = await recordDomain("dev");
        assert.deepEqual(rec.inputs(rec.one("aws:rds/subnetGroup:SubnetGroup")).subnetIds, FAKE_DATA_SUBNETS);
        const sg = rec.inputs(rec.one("aws:ec2/securityGroup:SecurityGroup", "database-sg"));
        assert.equal(sg.ingress.length, 1);
        assert.deepEqual(sg.ingress[0].securityGroups, [FAKE_NODE_SG, undefined], "the nodes and the admin-jobs group (unknown in preview)");
        assert.equal(sg.ingress[0].fromPort, 5432);
        assert.equal(sg.ingress[0].toPort, 5432);
        assert.equal(list(sg.ingress[0].cidrBlocks).length, 0);
        assert.deepEqual(sg.egress, []);
    });

    it("admin jobs (the pipeline's database stage) get their own group: PostgreSQL to the VPC and HTTPS out, nothing in", async () => {
        const rec = await recordDomain("dev", {}, { preview: false });
        const clients = rec.one("aws:ec2/securityGroup:SecurityGroup", "database-clients-sg");
        const db = rec.inputs(rec.one("aws:ec2/securityGroup:SecurityGroup", "database-sg"));
        assert.deepEqual(db.ingress[0].securityGroups, [FAKE_NODE_SG, `${clients.name}-id`]);
        const c = rec.inputs(clients);
        assert.deepEqual(c.ingress, []);
        assert.deepEqual(c.egress.map((e: { fromPort: number; cidrBlocks: string[] }) => [e.fromPort, e.cidrBlocks]), [[5432, ["10.10.0.0/16"]], [443, ["0.0.0.0/0"]]]);
    });

    it("dev single: no Multi-AZ, no deletion protection, no final snapshot, not protected", async () => {
        const rec = await recordDomain("dev");
        assert.equal(rec.ofType(RDS).length, 1);
        const primary = rec.one(RDS, "database-primary");
        const p = rec.inputs(primary);
        assert.equal(p.multiAz, false);
        assert.equal(p.deletionProtection, false);
        assert.equal(p.skipFinalSnapshot, true);
        assert.equal(p.performanceInsightsEnabled, false);
        assert.equal(p.backupRetentionPeriod, 7);
        assert.equal(p.storageEncrypted, true);
        assert.equal(primary.protect, false);
    });

    it("takes backups for database.backupDays", async () => {
        const rec = await recordDomain("dev", { database: { backupDays: 21 } });
        assert.equal(rec.inputs(rec.one(RDS, "database-primary")).backupRetentionPeriod, 21);
    });

    it("per-domain: one primary owned by this domain's stack", async () => {
        const rec = await recordDomain("dev", { database: { layout: "per-domain" } });
        const instances = rec.ofType(RDS);
        assert.equal(instances.length, 1);
        assert.equal(rec.inputs(instances[0]).replicateSourceDb, undefined);
        assert.equal(rec.inputs(instances[0]).dbName, "orders");
        const database = await domainOutput("dev", { database: { layout: "per-domain" } }, "database");
        assert.equal(database.layout, "per-domain");
        assert.equal(database.shards.length, 1);
    });

    it("sharded: N writers, each with its own replicas, and a shard map of N entries", async () => {
        const rec = await recordDomain("dev", sharded, { preview: false });
        const instances = rec.ofType(RDS);
        const writers = instances.filter((i) => rec.inputs(i).replicateSourceDb === undefined);
        assert.equal(writers.length, 3);
        assert.equal(new Set(writers.map((w) => rec.inputs(w).identifier)).size, 3);
        for (const [s, writer] of writers.entries()) {
            const replicas = instances.filter((i) => rec.inputs(i).replicateSourceDb === rec.inputs(writer).identifier);
            assert.equal(replicas.length, 1, `shard ${s}`);
            assert.notEqual(rec.inputs(replicas[0]).availabilityZone, rec.inputs(writer).availabilityZone);
        }
        const database = await domainOutput("dev", sharded, "database");
        assert.deepEqual(database.shards.map((s: { index: number }) => s.index), [0, 1, 2]);
        for (const shard of database.shards) assert.equal(shard.readers.length, 1);
    });

    it("sharded in preview: the shard map's shape is known before deploy", async () => {
        const database = await domainOutput("dev", sharded, "database");
        assert.equal(database.shards.length, 3);
        assert.equal(database.layout, "sharded");
    });
});
