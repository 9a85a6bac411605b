import * as authorization from "@pulumi/azure-native/authorization";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as storage from "@pulumi/azure-native/storage";
import * as pulumi from "@pulumi/pulumi";
import type { ObjectStoreOutputs, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { builtInRoleId } from "./identity";
import { BUILTIN_ROLES } from "./rbac";
import { deletionLock } from "./locks";
import { createPrivateEndpoint } from "./private-access";
import { afterGrants } from "./propagation";
import { deterministicGuid } from "./rbac";

/** Blob soft delete keeps deleted blobs and containers this many days at most (Azure's limit is 365). */
export const MAX_SOFT_DELETE_DAYS = 365;

export interface ObjectStoreArgs {
    ctx: StackContext;
    resourceGroupName: pulumi.Input<string>;
    /** The platform's private-endpoint subnet. */
    privateEndpointSubnetId: pulumi.Input<string>;
    /** The platform's `privatelink.blob.core.windows.net` zone. */
    blobDnsZoneId: pulumi.Input<string>;
    /** The platform's customer-managed `data` key: its resource id (the key access is scoped to it). */
    dataKeyId: pulumi.Input<string>;
    /** Vault URI and (versionless) name of that key. */
    dataKey: pulumi.Input<{ keyVaultUri: string; keyName: string }>;
    /** Subscription of the platform Key Vault (where the key access role is defined). */
    keySubscriptionId: pulumi.Input<string>;
}

/**
 * Vault URI and key name of a Key Vault key, from its ARM resource id (`.../vaults/<v>/keys/<k>`)
 * or its key URI (`https://<v>.vault.azure.net/keys/<k>`); otherwise from the last segments of the
 * key id and the vault id.
 */
export function keyVaultKeyParts(keyId: string, vaultId = ""): { keyVaultUri: string; keyName: string } {
    const arm = /\/vaults\/([^/]+)\/keys\/([^/]+)/i.exec(keyId);
    if (arm) return { keyVaultUri: `https://${arm[1]}.vault.azure.net/`, keyName: arm[2] };
    const uri = /^(https:\/\/[^/]+\/)keys\/([^/]+)/i.exec(keyId);
    if (uri) return { keyVaultUri: uri[1], keyName: uri[2] };
    const last = (id: string) => id.split("/").filter(Boolean).pop() ?? id;
    return { keyVaultUri: `https://${last(vaultId)}.vault.azure.net/`, keyName: last(keyId) };
}

/**
 * The domain's object store: a StorageV2 account (ZRS, GZRS when `storage.redundancy` is geo),
 * encrypted with the platform's customer-managed data key, HTTPS and TLS 1.2 only, no anonymous blob access, no shared keys (Entra only), no public network
 * access (a private endpoint in the platform's endpoint subnet), blob versioning + soft delete,
 * noncurrent versions expiring after `storage.noncurrentVersionDays`, and one container for the domain.
 */
export class ObjectStore extends pulumi.ComponentResource {
    readonly result: ReturnType<typeof createObjectStore>;

    constructor(name: string, args: ObjectStoreArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:azure:ObjectStore", name, {}, opts);
        this.result = createObjectStore(name, this, args);
        this.registerOutputs({ containerId: this.result.container.id });
    }
}

export function createObjectStore(name: string, parent: pulumi.Resource, args: ObjectStoreArgs) {
    const { ctx } = args;
    const cfg = ctx.config.storage;
    const protect = ctx.config.protectStateful;
    const accountName = ctx.naming.physical("azure.storageAccount", "data");
    const containerName = ctx.naming.physical("azure.generic", "data");
    const softDeleteDays = Math.min(cfg.noncurrentVersionDays, MAX_SOFT_DELETE_DAYS);

    // Customer-managed key: a user-assigned identity the account encrypts with, allowed to use the
    // platform's data key only (versionless, so Key Vault rotation is picked up automatically).
    const encryptionIdentity = new managedidentity.UserAssignedIdentity(childName(name, "cmk-identity"), {
        resourceGroupName: args.resourceGroupName,
        resourceName: ctx.naming.physical("azure.generic", "data", "cmk"),
        tags: ctx.tags,
    }, { parent });
    const keyAccess = new authorization.RoleAssignment(childName(name, "cmk-key-access"), {
        roleAssignmentName: deterministicGuid(...ctx.naming.scope, ctx.config.region, childName(name, "cmk-key-access")),
        principalId: encryptionIdentity.principalId,
        principalType: "ServicePrincipal",
        roleDefinitionId: builtInRoleId(args.keySubscriptionId, BUILTIN_ROLES.keyVaultCryptoServiceEncryptionUser),
        scope: args.dataKeyId,
        description: "Domain storage account: wrap/unwrap with the platform data key",
    }, { parent });
    const key = pulumi.output(args.dataKey);
    // The account reads the key when it is created: once the grant has propagated.
    const keyReady = afterGrants(childName(name, "account"), parent, [keyAccess]);

    const account = new storage.StorageAccount(childName(name, "account"), {
        resourceGroupName: args.resourceGroupName,
        accountName,
        kind: "StorageV2",
        sku: { name: cfg.redundancy === "geo" ? "Standard_GZRS" : "Standard_ZRS" },
        accessTier: "Hot",
        enableHttpsTrafficOnly: true,
        minimumTlsVersion: "TLS1_2",
        allowBlobPublicAccess: false,
        allowSharedKeyAccess: false,
        defaultToOAuthAuthentication: true,
        allowCrossTenantReplication: false,
        allowedCopyScope: "PrivateLink",
        publicNetworkAccess: "Disabled",
        networkRuleSet: { defaultAction: "Deny", bypass: "None" },
        isLocalUserEnabled: false,
        isSftpEnabled: false,
        identity: { type: "UserAssigned", userAssignedIdentities: [encryptionIdentity.id] },
        encryption: {
            keySource: "Microsoft.Keyvault",
            keyVaultProperties: { keyName: key.keyName, keyVaultUri: key.keyVaultUri },
            encryptionIdentity: { encryptionUserAssignedIdentity: encryptionIdentity.id },
            requireInfrastructureEncryption: true,
            services: { blob: { enabled: true, keyType: "Account" }, file: { enabled: true, keyType: "Account" } },
        },
        tags: ctx.tags,
    }, { parent, protect, dependsOn: [keyReady] });

    const blobService = new storage.BlobServiceProperties(childName(name, "blob-service"), {
        resourceGroupName: args.resourceGroupName,
        accountName,
        blobServicesName: "default",
        isVersioningEnabled: cfg.versioning,
        deleteRetentionPolicy: { enabled: true, days: softDeleteDays },
        containerDeleteRetentionPolicy: { enabled: true, days: softDeleteDays },
    }, { parent, dependsOn: [account] });

    if (cfg.versioning) {
        new storage.ManagementPolicy(childName(name, "lifecycle"), {
            resourceGroupName: args.resourceGroupName,
            accountName,
            managementPolicyName: "default",
            policy: {
                rules: [{
                    name: "expire-noncurrent-versions",
                    enabled: true,
                    type: "Lifecycle",
                    definition: {
                        filters: { blobTypes: ["blockBlob"] },
                        actions: { version: { delete: { daysAfterCreationGreaterThan: cfg.noncurrentVersionDays } } },
                    },
                }],
            },
        }, { parent, dependsOn: [blobService] });
    }

    const container = new storage.BlobContainer(childName(name, "container"), {
        resourceGroupName: args.resourceGroupName,
        accountName,
        containerName,
        publicAccess: "None",
    }, { parent, protect, dependsOn: [account, blobService] });

    const privateEndpoint = createPrivateEndpoint(childName(name, "blob"), parent, {
        resourceGroupName: args.resourceGroupName,
        endpointName: ctx.naming.physical("azure.generic", "data", "blob", "pe"),
        subnetId: args.privateEndpointSubnetId,
        targetId: account.id,
        groupId: "blob",
        dnsZoneId: args.blobDnsZoneId,
        tags: ctx.tags,
    });

    if (protect) deletionLock(name, parent, account.id, `storage account ${accountName}`);

    const outputs: ObjectStoreOutputs = {
        bucketName: pulumi.output(containerName),
        resourceId: container.id,
        url: pulumi.output(`https://${accountName}.blob.core.windows.net/${containerName}`),
        versioning: cfg.versioning,
    };
    return { account, blobService, container, privateEndpoint, encryptionIdentity, keyAccess, outputs };
}
