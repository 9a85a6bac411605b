import * as containerregistry from "@pulumi/azure-native/containerregistry";
import * as pulumi from "@pulumi/pulumi";
import type { RegistryOutputs, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { diagnosticSetting } from "./diagnostics";
import { deletionLock } from "./locks";
import { createPrivateEndpoint } from "./private-access";

/** Days untagged manifests are kept before the retention policy deletes them. */
export const UNTAGGED_RETENTION_DAYS = 7;

export interface RegistryArgs {
    ctx: StackContext;
    /** The shared-services resource group. */
    resourceGroupName: pulumi.Input<string>;
    privateEndpointSubnetId: pulumi.Input<string>;
    /** The `privatelink.azurecr.io` zone. */
    privateDnsZoneId: pulumi.Input<string>;
    workspaceId: pulumi.Input<string>;
}

export interface RegistryResult {
    outputs: RegistryOutputs;
    registry: containerregistry.Registry;
    registryName: string;
}

/**
 * The platform's container registry: ACR Premium (private endpoints need it; zone-redundant in
 * prod), admin user and anonymous pull off, no public network access, no export, untagged
 * manifests expire, private endpoint, diagnostic settings.
 */
export class Registry extends pulumi.ComponentResource {
    readonly result: RegistryResult;

    constructor(name: string, args: RegistryArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:azure:Registry", name, {}, opts);
        this.result = createRegistry(name, this, args);
        this.registerOutputs({ registryUrl: this.result.outputs.registryUrl, registryId: this.result.outputs.registryId });
    }
}

export function createRegistry(name: string, parent: pulumi.Resource, args: RegistryArgs): RegistryResult {
    const { ctx } = args;
    const cfg = ctx.config;
    const prod = cfg.environment === "prod";
    const registryName = ctx.naming.physical("azure.containerRegistry", "acr");

    const registry = new containerregistry.Registry(childName(name, "acr"), {
        resourceGroupName: args.resourceGroupName,
        registryName,
        location: cfg.region,
        sku: { name: "Premium" },
        zoneRedundancy: prod ? "Enabled" : "Disabled",
        adminUserEnabled: false,
        anonymousPullEnabled: false,
        publicNetworkAccess: "Disabled",
        networkRuleBypassOptions: "AzureServices",
        // Dedicated data endpoints: image layers come from <registry>.<region>.data.azurecr.io, reached
        // through the same private endpoint, instead of a shared storage endpoint.
        dataEndpointEnabled: true,
        policies: {
            retentionPolicy: { status: "enabled", days: UNTAGGED_RETENTION_DAYS },
            // With public access off, images can't be exported out of the registry.
            exportPolicy: { status: "disabled" },
        },
        tags: ctx.tags,
    }, { parent, protect: cfg.protectStateful });

    createPrivateEndpoint(childName(name, "acr"), parent, {
        resourceGroupName: args.resourceGroupName,
        endpointName: ctx.naming.physical("azure.generic", "acr", "pe"),
        subnetId: args.privateEndpointSubnetId,
        targetId: registry.id,
        groupId: "registry",
        dnsZoneId: args.privateDnsZoneId,
        tags: ctx.tags,
    });
    diagnosticSetting(childName(name, "acr"), parent, ctx, { resourceUri: registry.id, workspaceId: args.workspaceId });
    if (cfg.protectStateful) deletionLock(childName(name, "acr"), parent, registry.id, "the platform container registry");

    return {
        outputs: { registryUrl: registry.loginServer, registryId: registry.id },
        registry,
        registryName,
    };
}
