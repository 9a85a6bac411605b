import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as monitor from "@pulumi/azure-native/monitor";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as storage from "@pulumi/azure-native/storage";
import * as pulumi from "@pulumi/pulumi";
import type { LoggingOutputs, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { diagnosticSetting } from "./diagnostics";
import { deletionLock } from "./locks";
import { afterGrants } from "./propagation";
import { roleAssignment } from "./rbac";

/** Activity log categories of the platform subscription kept centrally (the CloudTrail counterpart). */
export const ACTIVITY_LOG_CATEGORIES = ["Administrative", "Security", "Policy", "Alert", "ServiceHealth", "ResourceHealth", "Recommendation", "Autoscale"];

export interface LoggingArgs {
    ctx: StackContext;
    /** The shared-services resource group. */
    resourceGroupName: pulumi.Input<string>;
    /** The `logs` key: the archive is encrypted with it (versionless, so rotations are picked up). */
    encryptionKey: { keyId: pulumi.Input<string>; keyName: string; vaultUri: string };
    /**
     * `/subscriptions/<id>/resourceGroups/<name>` of the resource group, as known before deploy: the
     * archive's encryption settings then stay known in a preview (and checkable by policy).
     */
    resourceGroupScope: string;
}

export interface LoggingResult {
    outputs: LoggingOutputs;
    workspace: operationalinsights.Workspace;
    archive: storage.StorageAccount;
}

/**
 * Central logging: a Log Analytics workspace with `logging.retentionDays` (Entra-only ingestion,
 * resource-context access), a log archive storage account (flow logs, activity log) encrypted with
 * the `logs` key, and the subscription's activity log sent to both.
 */
export class Logging extends pulumi.ComponentResource {
    readonly result: LoggingResult;

    constructor(name: string, args: LoggingArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:azure:Logging", name, {}, opts);
        this.result = createLogging(name, this, args);
        this.registerOutputs({ workspaceId: this.result.outputs.workspaceId, archiveId: this.result.outputs.archiveId });
    }
}

export function createLogging(name: string, parent: pulumi.Resource, args: LoggingArgs): LoggingResult {
    const { ctx } = args;
    const cfg = ctx.config;
    const prod = cfg.environment === "prod";
    const stateful = { parent, protect: cfg.protectStateful };

    const workspace = new operationalinsights.Workspace(childName(name, "workspace"), {
        resourceGroupName: args.resourceGroupName,
        workspaceName: ctx.naming.physical("azure.generic", "logs"),
        location: cfg.region,
        sku: { name: "PerGB2018" },
        retentionInDays: cfg.logging.retentionDays,
        features: {
            // Ingestion only with Entra tokens (AKS monitoring uses useAADAuth), no shared keys.
            disableLocalAuth: true,
            enableLogAccessUsingOnlyResourcePermissions: true,
        },
        tags: ctx.tags,
    }, stateful);

    // The archive reads its customer-managed key as this identity, allowed to use that key only.
    const archiveIdentityName = ctx.naming.physical("azure.generic", "logs", "archive", "id");
    const archiveIdentityId = `${args.resourceGroupScope}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${archiveIdentityName}`;
    const archiveIdentity = new managedidentity.UserAssignedIdentity(childName(name, "archive-identity"), {
        resourceGroupName: args.resourceGroupName,
        resourceName: archiveIdentityName,
        location: cfg.region,
        tags: ctx.tags,
    }, { parent });
    const keyGrant = roleAssignment(childName(name, "archive-key"), parent, ctx, {
        scope: args.encryptionKey.keyId,
        role: "keyVaultCryptoServiceEncryptionUser",
        principalId: archiveIdentity.principalId,
    });

    // The account reads the key as its identity when it is created: once the grant has propagated.
    const keyReady = afterGrants(childName(name, "archive"), parent, [keyGrant]);

    // Long-term archive: diagnostic settings and flow logs write here as a trusted Azure service,
    // so the account denies every other network source and accepts no shared keys.
    const archive = new storage.StorageAccount(childName(name, "archive"), {
        resourceGroupName: args.resourceGroupName,
        accountName: ctx.naming.physical("azure.storageAccount", "logs"),
        location: cfg.region,
        kind: storage.Kind.StorageV2,
        sku: { name: prod ? "Standard_GZRS" : "Standard_ZRS" },
        accessTier: storage.AccessTier.Cool,
        enableHttpsTrafficOnly: true,
        minimumTlsVersion: "TLS1_2",
        allowBlobPublicAccess: false,
        allowSharedKeyAccess: false,
        defaultToOAuthAuthentication: true,
        allowCrossTenantReplication: false,
        networkRuleSet: { defaultAction: storage.DefaultAction.Deny, bypass: "AzureServices" },
        identity: { type: storage.IdentityType.UserAssigned, userAssignedIdentities: [archiveIdentityId] },
        encryption: {
            keySource: "Microsoft.Keyvault",
            keyVaultProperties: { keyName: args.encryptionKey.keyName, keyVaultUri: args.encryptionKey.vaultUri },
            encryptionIdentity: { encryptionUserAssignedIdentity: archiveIdentityId },
            requireInfrastructureEncryption: true,
            services: { blob: { enabled: true, keyType: "Account" }, file: { enabled: true, keyType: "Account" } },
        },
        tags: ctx.tags,
    }, { ...stateful, dependsOn: [archiveIdentity, keyReady] });

    new storage.BlobServiceProperties(childName(name, "archive-blob"), {
        resourceGroupName: args.resourceGroupName,
        accountName: archive.name,
        blobServicesName: "default",
        deleteRetentionPolicy: { enabled: true, days: 30 },
        containerDeleteRetentionPolicy: { enabled: true, days: 30 },
    }, { parent });

    if (cfg.protectStateful) {
        deletionLock(childName(name, "workspace"), parent, workspace.id, "the central Log Analytics workspace");
        deletionLock(childName(name, "archive"), parent, archive.id, "the log archive storage account");
    }

    // The platform subscription's activity log (control-plane audit trail) to the workspace and the archive.
    new monitor.SubscriptionDiagnosticSetting(childName(name, "activity-log"), {
        name: ctx.naming.physical("azure.generic", "activity", "log"),
        workspaceId: workspace.id,
        storageAccountId: archive.id,
        logs: ACTIVITY_LOG_CATEGORIES.map((category) => ({ category, enabled: true })),
    }, { parent });

    // The workspace's own audit log (queries) and the archive's access logs.
    diagnosticSetting(childName(name, "workspace"), parent, ctx, { resourceUri: workspace.id, workspaceId: workspace.id });
    diagnosticSetting(childName(name, "archive"), parent, ctx, { resourceUri: archive.id, workspaceId: workspace.id, logs: [] });
    diagnosticSetting(childName(name, "archive-blob"), parent, ctx, {
        resourceUri: pulumi.interpolate`${archive.id}/blobServices/default`,
        workspaceId: workspace.id,
    });

    return {
        outputs: { workspaceId: workspace.id, archiveId: archive.id, retentionDays: cfg.logging.retentionDays },
        workspace,
        archive,
    };
}
