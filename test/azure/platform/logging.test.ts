import { strict as assert } from "node:assert";
import { ACTIVITY_LOG_CATEGORIES } from "../../../components/azure/logging";
import { assertWaitsForGrant } from "../propagation";
import { fabricatedId, runPlatform } from "./run-platform";

const WORKSPACE = "azure-native:operationalinsights:Workspace";
const ACCOUNT = "azure-native:storage:StorageAccount";
const DIAG = "azure-native:monitor:DiagnosticSetting";

/** Resource types that support diagnostic settings, as the platform creates them. */
const DIAGNOSABLE = [
    "azure-native:containerservice:ManagedCluster",
    "azure-native:keyvault:Vault",
    "azure-native:containerregistry:Registry",
    "azure-native:network:VirtualNetwork",
    "azure-native:network:NetworkSecurityGroup",
    "azure-native:network:PublicIPAddress",
    "azure-native:network:NatGateway",
    WORKSPACE,
    ACCOUNT,
];

describe("components/azure/logging", () => {
    it("keeps logs in a Log Analytics workspace for logging.retentionDays, Entra-only ingestion", async () => {
        const { rec, outputs } = await runPlatform("dev", { logging: { retentionDays: 90 } });
        const ws = rec.inputs(rec.one(WORKSPACE));
        assert.equal(ws.retentionInDays, 90);
        assert.equal(ws.features.disableLocalAuth, true);
        assert.equal(outputs.logging.retentionDays, 90);
    });

    it("sends every diagnosable platform resource's logs to the workspace", async () => {
        const { rec } = await runPlatform("prod", {}, { preview: false });
        const workspaceId = fabricatedId(rec.one(WORKSPACE));
        const settings = rec.ofType(DIAG).map((d) => rec.inputs(d));
        for (const type of DIAGNOSABLE) {
            const resources = rec.ofType(type);
            assert.ok(resources.length > 0, `the platform creates ${type}`);
            for (const resource of resources) {
                const setting = settings.find((s) => s.resourceUri === fabricatedId(resource));
                assert.ok(setting, `${resource.name} (${type}) has a diagnostic setting`);
                assert.equal(setting.workspaceId, workspaceId);
                assert.ok(setting.logs.length + setting.metrics.length > 0, `${resource.name} sends something`);
                assert.ok([...setting.logs, ...setting.metrics].every((l: { enabled: boolean }) => l.enabled));
            }
        }
    });

    it("sends the subscription activity log to the workspace and the archive", async () => {
        const { rec } = await runPlatform("dev", {}, { preview: false });
        const activity = rec.inputs(rec.one("azure-native:monitor:SubscriptionDiagnosticSetting"));
        assert.equal(activity.workspaceId, fabricatedId(rec.one(WORKSPACE)));
        assert.equal(activity.storageAccountId, fabricatedId(rec.one(ACCOUNT, "archive")));
        assert.deepEqual(activity.logs.map((l: { category: string }) => l.category), ACTIVITY_LOG_CATEGORIES);
    });

    it("keeps the archive private: no public blobs, no shared keys, TLS 1.2, trusted services only", async () => {
        const { rec } = await runPlatform("prod");
        const archive = rec.inputs(rec.one(ACCOUNT, "archive"));
        assert.equal(archive.allowBlobPublicAccess, false);
        assert.equal(archive.allowSharedKeyAccess, false);
        assert.equal(archive.minimumTlsVersion, "TLS1_2");
        assert.equal(archive.enableHttpsTrafficOnly, true);
        assert.deepEqual(archive.networkRuleSet, { defaultAction: "Deny", bypass: "AzureServices" });
        assert.equal(archive.sku.name, "Standard_GZRS");
    });

    it("encrypts the archive with the logs key (versionless: rotations apply), as an identity allowed only that key", async () => {
        const { rec } = await runPlatform("prod", {}, { preview: false });
        const archive = rec.inputs(rec.one(ACCOUNT, "archive"));
        const identity = rec.one("azure-native:managedidentity:UserAssignedIdentity", "archive-identity");
        const logsKey = rec.one("azure-native:keyvault:Key", "keys-logs");
        assert.equal(archive.encryption.keySource, "Microsoft.Keyvault");
        assert.equal(archive.encryption.keyVaultProperties.keyName, rec.inputs(logsKey).keyName);
        assert.equal(archive.encryption.keyVaultProperties.keyVersion, undefined);
        assert.match(archive.encryption.keyVaultProperties.keyVaultUri, /^https:\/\/[a-z0-9-]+\.vault\.azure\.net\/$/);
        const identityId = archive.encryption.encryptionIdentity.encryptionUserAssignedIdentity;
        assert.match(identityId, new RegExp(`/resourceGroups/acme-prod-shared-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${rec.inputs(identity).resourceName}$`));
        assert.deepEqual(archive.identity.userAssignedIdentities, [identityId]);
        assert.ok(rec.one(ACCOUNT, "archive").dependencies.includes(identity.urn));
        assert.equal(archive.encryption.requireInfrastructureEncryption, true);
        const grant = rec.inputs(rec.one("azure-native:authorization:RoleAssignment", "archive-key"));
        assert.equal(grant.scope, fabricatedId(logsKey));
        assert.match(grant.roleDefinitionId, /e147488a-f6f5-4113-8e2d-b22465e65bf6$/);
        // The grant exists, and has propagated, before the account reads the key.
        assertWaitsForGrant(rec, rec.one(ACCOUNT, "archive"), rec.one("azure-native:authorization:RoleAssignment", "archive-key"));
    });

    it("keeps the archive's encryption settings known in a preview (policy can check them before deploy)", async () => {
        const { rec } = await runPlatform("prod");
        const archive = rec.inputs(rec.one(ACCOUNT, "archive"));
        assert.equal(archive.encryption.keySource, "Microsoft.Keyvault");
        assert.ok(archive.encryption.keyVaultProperties.keyName);
    });

    it("protects and locks the workspace and archive in prod only", async () => {
        const prod = await runPlatform("prod", {}, { preview: false });
        assert.ok(prod.rec.one(WORKSPACE).protect && prod.rec.one(ACCOUNT, "archive").protect);
        const locked = prod.rec.ofType("azure-native:authorization:ManagementLockByScope").map((l) => prod.rec.inputs(l).scope);
        assert.ok(locked.includes(fabricatedId(prod.rec.one(WORKSPACE))));
        assert.ok(locked.includes(fabricatedId(prod.rec.one(ACCOUNT, "archive"))));
        const dev = await runPlatform("dev");
        assert.ok(!dev.rec.one(WORKSPACE).protect && !dev.rec.one(ACCOUNT, "archive").protect);
    });
});
