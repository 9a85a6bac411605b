import { strict as assert } from "node:assert";
import { keySpec, keySpecHash } from "../../../components/azure/keys";
import { KEY_PURPOSES } from "../../../components/core/contracts";
import { fabricatedId, runPlatform } from "./run-platform";

const VAULT = "azure-native:keyvault:Vault";
const KEY = "azure-native:keyvault:Key";

describe("components/azure/keys", () => {
    it("uses RBAC authorization, 90-day soft delete and purge protection, no public network access", async () => {
        const { rec } = await runPlatform("dev");
        const props = rec.inputs(rec.one(VAULT)).properties;
        assert.equal(props.enableRbacAuthorization, true);
        assert.equal(props.enableSoftDelete, true);
        assert.equal(props.softDeleteRetentionInDays, 90);
        assert.equal(props.enablePurgeProtection, true);
        assert.equal(props.publicNetworkAccess, "Disabled");
        assert.equal(props.networkAcls.defaultAction, "Deny");
        assert.equal(props.accessPolicies, undefined);
    });

    it("is reached through a private endpoint registered in privatelink.vaultcore.azure.net", async () => {
        const { rec } = await runPlatform("dev", {}, { preview: false });
        const pe = rec.inputs(rec.one("azure-native:network:PrivateEndpoint", "keys"));
        assert.equal(pe.privateLinkServiceConnections[0].privateLinkServiceId, fabricatedId(rec.one(VAULT)));
        assert.deepEqual(pe.privateLinkServiceConnections[0].groupIds, ["vault"]);
        const zone = rec.ofType("azure-native:privatedns:PrivateZone").find((z) => rec.inputs(z).privateZoneName === "privatelink.vaultcore.azure.net")!;
        assert.equal(rec.inputs(rec.one("azure-native:network:PrivateDnsZoneGroup", "keys")).privateDnsZoneConfigs[0].privateDnsZoneId, fabricatedId(zone));
    });

    it("creates one key per purpose, rotated every keys.rotationDays", async () => {
        const { rec, outputs } = await runPlatform("dev", { keys: { rotationDays: 90 } });
        const keys = rec.ofType(KEY);
        assert.equal(keys.length, KEY_PURPOSES.length);
        for (const key of keys) {
            const policy = rec.inputs(key).properties.rotationPolicy;
            const rotate = policy.lifetimeActions.find((a: { action: { type: string } }) => a.action.type === "rotate");
            assert.equal(rotate.trigger.timeAfterCreate, "P90D");
        }
        assert.deepEqual(Object.keys(outputs.keys.keyIds).sort(), [...KEY_PURPOSES].sort());
        assert.equal(outputs.keys.rotationDays, 90);
    });

    it("makes a change of rotation policy visible: a new key name (a replacement, blocked by protect in prod), the same URN", async () => {
        const names = async (rotationDays: number) => {
            const { rec } = await runPlatform("prod", { keys: { rotationDays } });
            return Object.fromEntries(rec.ofType(KEY).map((k) => [k.urn, rec.inputs(k).keyName as string]));
        };
        const before = await names(365);
        const after = await names(180);
        assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort(), "same logical names, same URNs");
        for (const urn of Object.keys(before)) {
            assert.notEqual(after[urn], before[urn], `${urn}: the key's name follows its spec, so the change replaces it`);
            assert.match(after[urn], /-key-[0-9a-f]{6}$/);
        }
        // Consumers follow the new key (the archive's customer-managed key).
        const { rec } = await runPlatform("prod", { keys: { rotationDays: 180 } });
        const logsKey = rec.inputs(rec.one(KEY, "keys-logs")).keyName;
        assert.equal(rec.inputs(rec.one("azure-native:storage:StorageAccount", "archive")).encryption.keyVaultProperties.keyName, logsKey);
        assert.equal(keySpecHash(keySpec(true, 365)), keySpecHash(keySpec(true, 365)), "stable across runs");
        assert.notEqual(keySpecHash(keySpec(true, 365)), keySpecHash(keySpec(false, 365)), "a size/type change renames too");
    });

    it("keeps prod keys in HSMs (Premium) and protects vault and keys in prod only", async () => {
        const prod = await runPlatform("prod");
        assert.equal(prod.rec.inputs(prod.rec.one(VAULT)).properties.sku.name, "premium");
        assert.ok(prod.rec.ofType(KEY).every((k) => prod.rec.inputs(k).properties.kty === "RSA-HSM"));
        assert.ok([prod.rec.one(VAULT), ...prod.rec.ofType(KEY)].every((r) => r.protect));
        assert.ok(prod.rec.ofType("azure-native:authorization:ManagementLockByScope").some((l) => l.name.startsWith("keys-vault")));
        const dev = await runPlatform("dev");
        assert.ok([dev.rec.one(VAULT), ...dev.rec.ofType(KEY)].every((r) => !r.protect));
    });
});
