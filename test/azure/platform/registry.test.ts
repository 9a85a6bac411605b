import { strict as assert } from "node:assert";
import { fabricatedId, runPlatform } from "./run-platform";

const ACR = "azure-native:containerregistry:Registry";
const PE = "azure-native:network:PrivateEndpoint";
const DNS_GROUP = "azure-native:network:PrivateDnsZoneGroup";

describe("components/azure/registry", () => {
    it("has the admin user and anonymous pull off, no public network access, no export", async () => {
        const { rec } = await runPlatform("dev");
        const acr = rec.inputs(rec.one(ACR));
        assert.equal(acr.adminUserEnabled, false);
        assert.equal(acr.anonymousPullEnabled, false);
        assert.equal(acr.publicNetworkAccess, "Disabled");
        assert.equal(acr.policies.exportPolicy.status, "disabled");
        assert.equal(acr.policies.retentionPolicy.status, "enabled");
    });

    it("is Premium everywhere (private endpoints need it) and zone-redundant in prod", async () => {
        const prod = await runPlatform("prod");
        const dev = await runPlatform("dev");
        assert.equal(prod.rec.inputs(prod.rec.one(ACR)).sku.name, "Premium");
        assert.equal(prod.rec.inputs(prod.rec.one(ACR)).zoneRedundancy, "Enabled");
        assert.equal(dev.rec.inputs(dev.rec.one(ACR)).sku.name, "Premium");
        assert.equal(dev.rec.inputs(dev.rec.one(ACR)).zoneRedundancy, "Disabled");
    });

    it("is reached through a private endpoint in the endpoint subnet, registered in privatelink.azurecr.io", async () => {
        const { rec } = await runPlatform("dev", {}, { preview: false });
        const pe = rec.inputs(rec.one(PE, "registry"));
        assert.equal(pe.privateLinkServiceConnections[0].privateLinkServiceId, fabricatedId(rec.one(ACR)));
        assert.deepEqual(pe.privateLinkServiceConnections[0].groupIds, ["registry"]);
        assert.equal(pe.subnet.id, fabricatedId(rec.one("azure-native:network:Subnet", "private-endpoints")));
        const zone = rec.ofType("azure-native:privatedns:PrivateZone").find((z) => rec.inputs(z).privateZoneName === "privatelink.azurecr.io")!;
        assert.equal(rec.inputs(rec.one(DNS_GROUP, "registry")).privateDnsZoneConfigs[0].privateDnsZoneId, fabricatedId(zone));
    });

    it("is protected and locked against deletion in prod only", async () => {
        const prod = await runPlatform("prod", {}, { preview: false });
        assert.equal(prod.rec.one(ACR).protect, true);
        const lock = prod.rec.inputs(prod.rec.one("azure-native:authorization:ManagementLockByScope", "registry"));
        assert.equal(lock.level, "CanNotDelete");
        assert.equal(lock.scope, fabricatedId(prod.rec.one(ACR)));
        const dev = await runPlatform("dev");
        assert.equal(dev.rec.one(ACR).protect, false);
        assert.equal(dev.rec.ofType("azure-native:authorization:ManagementLockByScope").length, 0);
    });
});
