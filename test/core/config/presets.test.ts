import { strict as assert } from "node:assert";
import { environmentPresets, resolveConfig } from "../../../components/core/config/presets";
import type { StackConfig } from "../../../components/core/config/types";

const base: StackConfig = { layer: "domain", cloud: "gcp", environment: "prod", region: "europe-west1", owner: "t", domain: "orders" };

describe("components/core/config/presets", () => {
    it("prod turns on HA, deletion protection, longer backups, per-zone NAT and protect", () => {
        const prod = resolveConfig(base);
        const dev = resolveConfig({ ...base, environment: "dev" });
        assert.equal(prod.database.highAvailability, true);
        assert.equal(prod.database.deletionProtection, true);
        assert.ok(prod.database.backupDays >= 14);
        assert.equal(prod.network.natGateways, "per-zone");
        assert.equal(prod.protectStateful, true);
        assert.ok(prod.cache.replicas >= 1, "prod cache fails over");
        assert.ok(prod.cluster.nodes.min >= 2, "prod node pool survives a node");
        assert.equal(dev.database.highAvailability, false);
        assert.equal(dev.network.natGateways, "single");
        assert.equal(dev.protectStateful, false);
    });

    it("explicit keys override the preset, deeply, without losing siblings", () => {
        const cfg = resolveConfig({ ...base, cluster: { nodes: { max: 20 } }, database: { backupDays: 30 } });
        assert.equal(cfg.cluster.nodes.max, 20);
        assert.equal(cfg.cluster.nodes.min, environmentPresets.prod.cluster.nodes.min);
        assert.equal(cfg.database.backupDays, 30);
        assert.equal(cfg.database.highAvailability, true);
    });

    it("does not share state between resolutions (presets are not mutated)", () => {
        const before = JSON.stringify(environmentPresets);
        resolveConfig({ ...base, cluster: { nodes: { max: 50 } }, domains: { a1: { quota: "large" } } });
        assert.equal(JSON.stringify(environmentPresets), before);
    });

    it("fills in each registered domain's options (medium quota, no persona principals)", () => {
        const cfg = resolveConfig({ ...base, domains: { orders: { admins: ["a@x.example"] }, payments: { quota: "small" } } });
        assert.deepEqual(cfg.domains, {
            orders: { quota: "medium", admins: ["a@x.example"], readers: [] },
            payments: { quota: "small", admins: [], readers: [] },
        });
        assert.deepEqual(resolveConfig(base).domains, {});
    });

    it("every environment preset has the same keys (environments differ by data, not shape)", () => {
        const shape = (o: unknown): unknown => (typeof o === "object" && o !== null && !Array.isArray(o)
            ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k, shape(v)])) : typeof o);
        assert.deepEqual(shape(environmentPresets.dev), shape(environmentPresets.prod));
        assert.deepEqual(shape(environmentPresets.staging), shape(environmentPresets.prod));
    });

    it("defaults the platform stack a domain reads to platform-<cloud>-<env>", () => {
        assert.equal(resolveConfig(base).platformStack, "platform-gcp-prod");
        assert.equal(resolveConfig({ ...base, platformStack: "shared-gcp-prod" }).platformStack, "shared-gcp-prod");
    });
});
