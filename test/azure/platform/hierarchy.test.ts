import { strict as assert } from "node:assert";
import { managementGroupId } from "../../../components/azure/hierarchy";
import { runPlatform, TENANT } from "./run-platform";

const MG = "azure-native:management:ManagementGroup";
const MG_SUB = "azure-native:management:ManagementGroupSubscription";
const RG = "azure-native:resources:ResourceGroup";

describe("components/azure/hierarchy", () => {
    it("creates the landing-zone management group under hierarchy.parentId and the environment's beneath it", async () => {
        const { rec } = await runPlatform("prod");
        const root = rec.one(MG, "root");
        const env = rec.one(MG, "environment");
        assert.equal(rec.inputs(root).details.parent.id, managementGroupId(TENANT));
        assert.equal(rec.inputs(env).details.parent.id, managementGroupId(rec.inputs(root).groupId));
        assert.equal(rec.inputs(env).groupId, "acme-prod");
        assert.equal(root.retainOnDelete, true, "shared by every environment's stack");
        assert.equal(rec.inputs(rec.one(MG_SUB)).groupId, "acme-prod");
    });

    it("creates resource groups per concern and per domain in every mode", async () => {
        const { rec, outputs } = await runPlatform("prod");
        const names = rec.ofType(RG).map((g) => rec.inputs(g).resourceGroupName).sort();
        assert.deepEqual(names, ["acme-prod-cluster-rg", "acme-prod-network-rg", "acme-prod-orders-rg", "acme-prod-payments-rg", "acme-prod-shared-rg"]);
        assert.deepEqual(Object.keys(outputs.hierarchy.domainScopes).sort(), ["orders", "payments"]);
        // Known names in a preview (a domain stack can read them), ids once deployed.
        assert.deepEqual(outputs.extras.domainResourceGroups, { orders: "acme-prod-orders-rg", payments: "acme-prod-payments-rg" });
        assert.deepEqual(outputs.extras.resourceGroups, { network: "acme-prod-network-rg", cluster: "acme-prod-cluster-rg", shared: "acme-prod-shared-rg" });
        assert.equal(outputs.hierarchy.platformScope, "/subscriptions/00000000-0000-0000-0000-000000000003");
    });

    it("creates no management groups with mode skip (resource groups only)", async () => {
        const { rec, outputs } = await runPlatform("dev");
        assert.equal(rec.ofType(MG).length, 0);
        assert.equal(rec.ofType(MG_SUB).length, 0);
        assert.equal(rec.ofType(RG).length, 4);
        assert.equal(outputs.hierarchy.mode, "skip");
        assert.equal(outputs.hierarchy.rootId, managementGroupId(TENANT));
    });

    it("uses hierarchy.existingIds with mode existing and creates no group it was given", async () => {
        const { rec, outputs } = await runPlatform("dev", {
            hierarchy: { mode: "existing", existingIds: { root: "acme", environment: "acme-dev", orders: "orders-rg" } }, domains: { orders: {} },
        });
        assert.equal(rec.ofType(MG).length, 0);
        assert.equal(outputs.hierarchy.rootId, managementGroupId("acme"));
        assert.equal(outputs.hierarchy.environmentId, managementGroupId("acme-dev"));
        assert.equal(outputs.extras.domainResourceGroups.orders, "orders-rg");
        assert.ok(!rec.ofType(RG).some((g) => g.name.includes("orders")));
    });

    it("protects management and resource groups in prod only", async () => {
        const prod = await runPlatform("prod");
        assert.ok([...prod.rec.ofType(MG), ...prod.rec.ofType(RG)].every((r) => r.protect));
        const dev = await runPlatform("dev");
        assert.ok(dev.rec.ofType(RG).every((r) => !r.protect));
    });
});
