import { strict as assert } from "node:assert";
import { parityTables } from "../../../tools/report/parity";
import { KNOWN_GAPS, SCOPE_GAPS } from "../../../tools/report/parity-shapes";
import { doc, input } from "./fixtures";

describe("plan report: parity rows", () => {
    it("sets stacks that differ only in their cloud side by side, one row per capability and setting, differences marked", () => {
        const tables = parityTables([
            input(doc("orders-aws-prod", "aws"), "domain", "aws"),
            input(doc("orders-azure-prod", "azure"), "domain", "azure"),
            input(doc("platform-aws-prod", "aws"), "platform", "aws"), // no other cloud: no table
        ]);
        assert.deepEqual(tables.map((t) => [t.name, t.stacks]), [["orders-*-prod", { aws: "orders-aws-prod", azure: "orders-azure-prod" }]]);
        const row = (capability: string, setting: string) => tables[0].rows.find((r) => r.capability === capability && r.setting === setting)!;
        assert.deepEqual(row("database", "HA").values, { aws: "multiAz: true", azure: "multiAz: false" });
        assert.equal(row("database", "HA").differs, true);
        assert.equal(row("database", "deletion protection").differs, false);
        assert.match(row("database", "deletion protection").values.aws!, /protect: 1 of 1; deletionProtection: true/);
        assert.equal(row("database", "public access").values.azure, "publiclyAccessible: false");
        assert.equal(row("network", "zones").values.aws, "eu-west-1a, eu-west-1b");
        assert.equal(row("network", "resources").values.aws, "Subnet ×2, NatGateway");
    });

    it("shows the parity tests' shapes from the outputs and names the known gaps on their rows", () => {
        const outputs = (cloud: string, egress: boolean) => ({
            layer: "platform", cloud,
            network: { zones: ["a", "b", "c"], subnetIds: { private: [], public: [] }, egressZoneRedundant: egress },
            cluster: { version: "1.34", nodeZones: ["a", "b", "c"] }, keys: { keyIds: { data: "x" } }, logging: { retentionDays: cloud === "gcp" ? 30 : 365 },
            domains: ["orders"], homes: { orders: { namespace: "orders", serviceAccountName: "workload", quota: "large" } },
        });
        const tables = parityTables(["aws", "azure", "gcp"].map((cloud) => input(doc(`platform-${cloud}-prod`, cloud, { outputs: outputs(cloud, cloud !== "azure") }), "platform", cloud)));
        const row = (setting: string) => tables[0].rows.find((r) => r.setting === setting && r.source === "parity test")!;
        assert.deepEqual(row("zones").values, { aws: "3", azure: "3", gcp: "3" });
        assert.equal(row("zones").differs, false);
        assert.equal(row("logRetention").differs, true);
        assert.equal(row("egressZoneRedundant").differs, true);
        const gap = KNOWN_GAPS.find((g) => g.env === "prod")!;
        assert.deepEqual(row("egressZoneRedundant").gap, { cloud: gap.cloud, reason: gap.reason });
        assert.equal(row("zones").gap, undefined);
    });

    it("names a layout's known gap only on stacks of that layout (AWS Multi-AZ zones of a per-domain primary)", () => {
        const outputs = (cloud: string, layout: string) => ({
            layer: "domain", namespace: "orders", queue: {}, objectStore: { versioning: true },
            database: { layout, shards: [{ index: 0, readers: [] }], readerEndpoints: [], zones: cloud === "aws" ? ["a", "b", "c"] : ["1", "2"], engineVersion: "17" },
        });
        const databaseZones = (layout: string) => parityTables(["aws", "azure", "gcp"].map((cloud) =>
            input(doc(`orders-${cloud}-prod`, cloud, { outputs: outputs(cloud, layout) }), "domain", cloud)))[0].rows.find((r) => r.setting === "databaseZones")!;
        const gap = KNOWN_GAPS.find((g) => g.property === "databaseZones")!;
        assert.deepEqual(databaseZones("per-domain").gap, { cloud: "aws", reason: gap.reason });
        assert.equal(databaseZones("per-domain").differs, true);
        assert.equal(databaseZones("read-replicas").gap, undefined);
    });

    it("names a declared worker identity scope gap on the worker row, and none when no gap is declared", () => {
        const outputs = (cloud: string) => ({ layer: "domain", worker: { trigger: "queue", identityScope: cloud === "azure" ? ["queue"] : ["queue", "database"] } });
        const scopeRow = () => parityTables(["aws", "azure"].map((cloud) => input(doc(`orders-${cloud}-prod`, cloud, { outputs: outputs(cloud) }), "domain", cloud)))[0]
            .rows.find((r) => r.setting === "identityScope")!;
        assert.deepEqual(SCOPE_GAPS, {}, "every cloud's worker identity has the same scope today");
        const undeclared = scopeRow();
        assert.equal(undeclared.differs, true);
        assert.equal(undeclared.gap, undefined, "a difference nobody declared is not explained away");
        SCOPE_GAPS.azure = { missing: ["database"], reason: "a reason the parity test keeps" };
        try {
            const scope = scopeRow();
            assert.equal(scope.differs, true);
            assert.equal(scope.gap?.cloud, "azure");
            assert.equal(scope.gap!.reason, "database missing: a reason the parity test keeps");
            assert.equal(parityTables(["aws", "azure"].map((cloud) => input(doc(`orders-${cloud}-prod`, cloud, { outputs: outputs(cloud) }), "domain", cloud)))[0]
                .rows.find((r) => r.setting === "trigger")!.differs, false);
        } finally {
            delete SCOPE_GAPS.azure;
        }
    });
});
