import { strict as assert } from "node:assert";
import { ConfigError } from "../../../components/core/config/errors";
import { validateStackConfig } from "../../../components/core/config/validate";
import { baseConfig } from "./run-platform";

function problems(overrides: Record<string, unknown>, environment: "dev" | "prod" = "dev"): string[] {
    try {
        validateStackConfig({ ...baseConfig(environment), ...overrides });
        return [];
    } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        return error.problems.map((p) => `${p.path} ${p.message}`);
    }
}

describe("components/core/config/rules/azure", () => {
    it("accepts the base dev and prod configs", () => {
        assert.deepEqual(problems({}), []);
        assert.deepEqual(problems({}, "prod"), []);
    });

    it("requires the tenant and subscription of a platform stack", () => {
        const found = problems({ azure: {} });
        assert.ok(found.some((p) => p.startsWith("landing-zone:azure.tenantId ")));
        assert.ok(found.some((p) => p.startsWith("landing-zone:azure.subscriptionId ")));
    });

    it("requires the parent management group with hierarchy mode create", () => {
        const found = problems({ hierarchy: { mode: "create" } });
        assert.ok(found.some((p) => p.startsWith("landing-zone:hierarchy.parentId ")), found.join("\n"));
    });

    it("requires the environment's management group with hierarchy mode existing", () => {
        const found = problems({ hierarchy: { mode: "existing", existingIds: { root: "acme" } } });
        assert.ok(found.some((p) => p.startsWith("landing-zone:hierarchy.existingIds.environment ")), found.join("\n"));
    });

    it("requires Entra admin groups in prod (local accounts are disabled)", () => {
        const found = problems({ azure: { tenantId: "00000000-0000-0000-0000-000000000001", subscriptionId: "00000000-0000-0000-0000-000000000003" } }, "prod");
        assert.ok(found.some((p) => p.startsWith("landing-zone:azure.adminGroupObjectIds ")));
    });

    it("bounds logging.retentionDays to what a Log Analytics workspace keeps", () => {
        const found = problems({ logging: { retentionDays: 1000 } });
        assert.ok(found.some((p) => p.startsWith("landing-zone:logging.retentionDays ") && p.includes("730")));
    });

    it("rejects a network that overlaps the AKS overlay pod or service range, naming the range", () => {
        const found = problems({ network: { cidr: "192.168.0.0/16" } });
        assert.ok(found.some((p) => p.startsWith("landing-zone:network.cidr ") && p.includes("192.168.0.0/16")));
        assert.ok(problems({ network: { cidr: "172.16.0.0/12" } }).some((p) => p.includes("172.16.0.0/16")));
    });

    it("rejects read-replicas and sharded layouts at database.size small (Burstable has no replicas)", () => {
        const domain = (database: Record<string, unknown>) => problems({
            layer: "domain", domain: "orders", hierarchy: undefined, domains: undefined, cluster: undefined, azure: { tenantId: "00000000-0000-0000-0000-000000000001" }, database,
        });
        for (const layout of [{ layout: "read-replicas", replicas: 1 }, { layout: "sharded", shards: 2 }]) {
            const found = domain({ ...layout, size: "small" });
            assert.ok(found.some((p) => p.startsWith("landing-zone:database.size ") && p.includes(layout.layout)), found.join("\n"));
            assert.deepEqual(domain({ ...layout, size: "medium" }), []);
        }
        assert.deepEqual(domain({ layout: "single", size: "small" }), []);
    });

    it("requires the PostgreSQL administrators group of a prod domain stack (the application is never one)", () => {
        const prod = (azure: Record<string, unknown>) => problems({ layer: "domain", domain: "orders", hierarchy: undefined, domains: undefined, cluster: undefined, azure, database: { size: "medium" } }, "prod");
        const found = prod({ tenantId: "00000000-0000-0000-0000-000000000001" });
        assert.ok(found.some((p) => p.startsWith("landing-zone:azure.databaseAdminGroup ")), found.join("\n"));
        assert.deepEqual(prod({ tenantId: "00000000-0000-0000-0000-000000000001", databaseAdminGroup: { objectId: "00000000-0000-0000-0000-0000000000db", name: "db-admins" } }), []);
    });

    it("reports every problem at once", () => {
        const found = problems({ azure: {}, logging: { retentionDays: 5 }, network: { cidr: "192.168.0.0/16" } });
        assert.ok(found.length >= 4, found.join("\n"));
    });
});
