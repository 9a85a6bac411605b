import { strict as assert } from "node:assert";
import { BUILTIN_ROLES } from "../../../components/azure/rbac";
import { keyVaultKeyParts } from "../../../components/azure/storage";
import { assertWaitsForGrant } from "../propagation";
import { fabricatedId, fakeExports, runDomain } from "./fake-platform";

const ACCOUNT = "azure-native:storage:StorageAccount";
const BLOB_SERVICE = "azure-native:storage:BlobServiceProperties";
const CONTAINER = "azure-native:storage:BlobContainer";
const ENDPOINT = "azure-native:network:PrivateEndpoint";
const DNS_GROUP = "azure-native:network:PrivateDnsZoneGroup";

describe("components/azure/storage", () => {
    it("is StorageV2, HTTPS and TLS 1.2 only, no anonymous blob access, no shared keys", async () => {
        const rec = await runDomain({ environment: "dev" });
        const account = rec.inputs(rec.one(ACCOUNT));
        assert.equal(account.kind, "StorageV2");
        assert.equal(account.allowBlobPublicAccess, false);
        assert.equal(account.minimumTlsVersion, "TLS1_2");
        assert.equal(account.enableHttpsTrafficOnly, true);
        assert.equal(account.allowSharedKeyAccess, false);
        assert.equal(account.defaultToOAuthAuthentication, true);
    });

    it("has no public network access and a private endpoint for blob in the platform's zone", async () => {
        const rec = await runDomain({ environment: "dev" });
        const account = rec.inputs(rec.one(ACCOUNT));
        assert.equal(account.publicNetworkAccess, "Disabled");
        assert.equal(account.networkRuleSet.defaultAction, "Deny");
        const endpoint = rec.inputs(rec.one(ENDPOINT, "orders-storage"));
        assert.deepEqual(endpoint.privateLinkServiceConnections[0].groupIds, ["blob"]);
        assert.match(endpoint.subnet.id, /\/subnets\/endpoints$/);
        const dns = rec.inputs(rec.one(DNS_GROUP, "orders-storage"));
        assert.match(dns.privateDnsZoneConfigs[0].privateDnsZoneId, /privatelink\.blob\.core\.windows\.net$/);
    });

    it("targets the storage account with its private endpoint", async () => {
        const rec = await runDomain({ environment: "dev" }, { preview: false });
        const account = rec.one(ACCOUNT);
        const endpoint = rec.inputs(rec.one(ENDPOINT, "orders-storage"));
        assert.equal(endpoint.privateLinkServiceConnections[0].privateLinkServiceId, fabricatedId(account));
    });

    it("encrypts with the platform's customer-managed data key through its own identity, allowed on that key only", async () => {
        const rec = await runDomain({ environment: "prod" }, { preview: false });
        const account = rec.inputs(rec.one(ACCOUNT));
        assert.equal(account.encryption.keySource, "Microsoft.Keyvault");
        assert.equal(account.encryption.keyVaultProperties.keyName, "acme-dev-data-key");
        assert.equal(account.encryption.keyVaultProperties.keyVaultUri, "https://acme-dev-kv.vault.azure.net/");
        assert.equal(account.encryption.keyVaultProperties.keyVersion, undefined, "versionless: follows key rotation");
        assert.equal(account.encryption.requireInfrastructureEncryption, true);
        const identity = rec.one("azure-native:managedidentity:UserAssignedIdentity", "cmk");
        assert.equal(account.encryption.encryptionIdentity.encryptionUserAssignedIdentity, fabricatedId(identity));
        assert.deepEqual(account.identity.userAssignedIdentities, [fabricatedId(identity)]);
        const access = rec.inputs(rec.one("azure-native:authorization:RoleAssignment", "cmk"));
        assert.equal(access.scope, (fakeExports.keys as { keyIds: Record<string, string> }).keyIds.data);
        assert.ok(access.roleDefinitionId.endsWith(BUILTIN_ROLES.keyVaultCryptoServiceEncryptionUser));
        assertWaitsForGrant(rec, rec.one(ACCOUNT), rec.one("azure-native:authorization:RoleAssignment", "cmk"));
    });

    it("reads vault and key from a key resource id or a key URI", () => {
        assert.deepEqual(keyVaultKeyParts("/subscriptions/s/resourceGroups/r/providers/Microsoft.KeyVault/vaults/kv1/keys/k1"),
            { keyVaultUri: "https://kv1.vault.azure.net/", keyName: "k1" });
        assert.deepEqual(keyVaultKeyParts("https://kv1.vault.azure.net/keys/k1"), { keyVaultUri: "https://kv1.vault.azure.net/", keyName: "k1" });
        assert.deepEqual(keyVaultKeyParts("kv1/k1", "/x/kv1"), { keyVaultUri: "https://kv1.vault.azure.net/", keyName: "k1" });
    });

    it("is ZRS in dev and GZRS in prod (storage.redundancy geo)", async () => {
        const dev = await runDomain({ environment: "dev" });
        assert.equal(dev.inputs(dev.one(ACCOUNT)).sku.name, "Standard_ZRS");
        const prod = await runDomain({ environment: "prod" });
        assert.equal(prod.inputs(prod.one(ACCOUNT)).sku.name, "Standard_GZRS");
    });

    it("keeps versions and soft-deleted blobs and containers", async () => {
        const rec = await runDomain({ environment: "prod" });
        const service = rec.inputs(rec.one(BLOB_SERVICE));
        assert.equal(service.isVersioningEnabled, true);
        assert.equal(service.deleteRetentionPolicy.enabled, true);
        assert.ok(service.deleteRetentionPolicy.days >= 1);
        assert.equal(service.containerDeleteRetentionPolicy.enabled, true);
        const lifecycle = rec.inputs(rec.one("azure-native:storage:ManagementPolicy"));
        assert.equal(lifecycle.policy.rules[0].definition.actions.version.delete.daysAfterCreationGreaterThan, 90);
    });

    it("creates one private container for the domain, exported as the bucket", async () => {
        const rec = await runDomain({ environment: "dev" });
        const container = rec.inputs(rec.one(CONTAINER));
        assert.equal(container.publicAccess, "None");
        assert.match(container.containerName, /orders/);
        assert.equal(rec.outputs!.objectStore.versioning, true);
    });

    it("protects and locks the account and container in prod only", async () => {
        const prod = await runDomain({ environment: "prod" });
        assert.ok(prod.one(ACCOUNT).protect && prod.one(CONTAINER).protect);
        assert.equal(prod.inputs(prod.one("azure-native:authorization:ManagementLockByScope", "orders-storage")).level, "CanNotDelete");
        const dev = await runDomain({ environment: "dev" });
        assert.ok(!dev.one(ACCOUNT).protect && !dev.one(CONTAINER).protect);
    });
});
