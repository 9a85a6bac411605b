import * as keyvault from "@pulumi/azure-native/keyvault";
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "node:crypto";
import { KEY_PURPOSES, type KeyPurpose, type KeysOutputs, type StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { diagnosticSetting } from "./diagnostics";
import { deletionLock } from "./locks";
import { createPrivateEndpoint } from "./private-access";

/** Soft-deleted vaults and keys are recoverable for this many days (Azure's maximum). */
export const SOFT_DELETE_DAYS = 90;

export interface KeysArgs {
    ctx: StackContext;
    /** The shared-services resource group. */
    resourceGroupName: pulumi.Input<string>;
    tenantId: pulumi.Input<string>;
}

/** How the vault is reached and watched; created once the network and workspace exist (they use the keys). */
export interface KeyVaultAccessArgs {
    ctx: StackContext;
    resourceGroupName: pulumi.Input<string>;
    vault: keyvault.Vault;
    privateEndpointSubnetId: pulumi.Input<string>;
    /** The `privatelink.vaultcore.azure.net` zone. */
    privateDnsZoneId: pulumi.Input<string>;
    workspaceId: pulumi.Input<string>;
}

export interface KeysResult {
    /** The component's logical name (children's names start with it). */
    name: string;
    outputs: KeysOutputs;
    vault: keyvault.Vault;
    keys: Record<KeyPurpose, keyvault.Key>;
    /** Versionless key URIs (what services configured for auto-rotation reference), by purpose. */
    keyUris: Record<KeyPurpose, pulumi.Output<string>>;
    /** Key names by purpose and the vault URI, known before deploy (customer-managed key settings). */
    keyNames: Record<KeyPurpose, string>;
    vaultUri: string;
}

/** ISO 8601 duration of `days` days (Key Vault rotation policies). */
export function isoDays(days: number): string {
    return `P${days}D`;
}

/** What a key is made with: type, size, operations and rotation policy (`keys.rotationDays`). */
export function keySpec(prod: boolean, rotationDays: number) {
    return {
        kty: prod ? "RSA-HSM" : "RSA",
        keySize: 3072,
        keyOps: ["encrypt", "decrypt", "wrapKey", "unwrapKey"],
        rotationPolicy: {
            // New version every rotationDays; a key version expires a month after it would have rotated.
            attributes: { expiryTime: isoDays(rotationDays + 30) },
            lifetimeActions: [
                { trigger: { timeAfterCreate: isoDays(rotationDays) }, action: { type: keyvault.KeyRotationPolicyActionType.Rotate } },
                { trigger: { timeBeforeExpiry: isoDays(30) }, action: { type: keyvault.KeyRotationPolicyActionType.Notify } },
            ],
        },
    };
}

/**
 * Six hex digits of the key's spec. ARM creates a key only if it does not exist (a later change of
 * size, type or rotation policy would silently do nothing), and purge protection blocks re-creating
 * a deleted name for 90 days: so the spec is part of the key's name. A change is then a visible
 * replacement (a new key, consumers moved to it, the old one soft-deleted), which `protect` stops
 * in prod until someone means it.
 */
export function keySpecHash(spec: ReturnType<typeof keySpec>): string {
    return createHash("sha256").update(JSON.stringify(spec)).digest("hex").slice(0, 6);
}

/**
 * The platform's Key Vault (RBAC authorization, soft delete 90 days, purge protection, no public
 * network access) and one customer-managed key per purpose, rotated every `keys.rotationDays` by a
 * rotation policy. Its private endpoint and audit logs come from `createKeyVaultAccess`, once the
 * network and the workspace exist (the log archive, which the network needs, uses a key).
 */
export class Keys extends pulumi.ComponentResource {
    readonly result: KeysResult;

    constructor(name: string, args: KeysArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:azure:Keys", name, {}, opts);
        this.result = createKeys(name, this, args);
        this.registerOutputs({ vaultId: this.result.vault.id, keyIds: this.result.outputs.keyIds });
    }

    /** Adds the vault's private endpoint and diagnostic setting (children of this component). */
    connect(args: Omit<KeyVaultAccessArgs, "vault">): void {
        createKeyVaultAccess(this.result.name, this, { ...args, vault: this.result.vault });
    }
}

export function createKeys(name: string, parent: pulumi.Resource, args: KeysArgs): KeysResult {
    const { ctx } = args;
    const cfg = ctx.config;
    const prod = cfg.environment === "prod";
    const stateful = { parent, protect: cfg.protectStateful };
    const vaultName = ctx.naming.physical("azure.keyVault", "kv");

    const vault = new keyvault.Vault(childName(name, "vault"), {
        resourceGroupName: args.resourceGroupName,
        vaultName,
        location: cfg.region,
        properties: {
            tenantId: args.tenantId,
            // Premium keeps the keys in HSMs (FIPS 140 Level 3) in prod.
            sku: { family: "A", name: prod ? keyvault.SkuName.Premium : keyvault.SkuName.Standard },
            enableRbacAuthorization: true,
            enableSoftDelete: true,
            softDeleteRetentionInDays: SOFT_DELETE_DAYS,
            enablePurgeProtection: true,
            publicNetworkAccess: "Disabled",
            networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
            enabledForDeployment: false,
            enabledForTemplateDeployment: false,
            enabledForDiskEncryption: false,
        },
        tags: ctx.tags,
    }, stateful);

    const rotation = cfg.keys.rotationDays;
    const spec = keySpec(prod, rotation);
    const keys = {} as Record<KeyPurpose, keyvault.Key>;
    const keyNames = {} as Record<KeyPurpose, string>;
    for (const purpose of KEY_PURPOSES) {
        keyNames[purpose] = ctx.naming.physical("azure.generic", purpose, "key", keySpecHash(spec));
        keys[purpose] = new keyvault.Key(childName(name, purpose), {
            resourceGroupName: args.resourceGroupName,
            vaultName: vault.name,
            keyName: keyNames[purpose],
            properties: spec,
            tags: { ...ctx.tags, purpose },
        }, stateful);
    }

    if (cfg.protectStateful) deletionLock(childName(name, "vault"), parent, vault.id, "the platform Key Vault");

    const pick = <T>(f: (key: keyvault.Key) => T) =>
        Object.fromEntries(KEY_PURPOSES.map((p) => [p, f(keys[p])])) as Record<KeyPurpose, T>;
    return {
        name,
        outputs: { keyIds: pick((k) => k.id), rotationDays: rotation },
        vault,
        keys,
        keyUris: pick((k) => k.keyUri),
        keyNames,
        vaultUri: `https://${vaultName}.vault.azure.net/`,
    };
}

/** The vault's private endpoint (in `privatelink.vaultcore.azure.net`) and its audit logs to the workspace. */
export function createKeyVaultAccess(name: string, parent: pulumi.Resource, args: KeyVaultAccessArgs): void {
    const { ctx } = args;
    createPrivateEndpoint(childName(name, "vault"), parent, {
        resourceGroupName: args.resourceGroupName,
        endpointName: ctx.naming.physical("azure.generic", "kv", "pe"),
        subnetId: args.privateEndpointSubnetId,
        targetId: args.vault.id,
        groupId: "vault",
        dnsZoneId: args.privateDnsZoneId,
        tags: ctx.tags,
    });
    diagnosticSetting(childName(name, "vault"), parent, ctx, { resourceUri: args.vault.id, workspaceId: args.workspaceId });
}
