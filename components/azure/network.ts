import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as network from "@pulumi/azure-native/network";
import * as privatedns from "@pulumi/azure-native/privatedns";
import type * as inputs from "@pulumi/azure-native/types/input";
import * as pulumi from "@pulumi/pulumi";
import { AKS_OVERLAY } from "../core/config/rules/azure";
import type { NetworkOutputs, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { subnetCidr } from "./cidr";
import { diagnosticSetting } from "./diagnostics";
import type { PrivateDnsService } from "./extras";
import { afterGrants } from "./propagation";
import { roleAssignment } from "./rbac";

/** The platform's subnets (Azure subnets are regional: one of each spans every zone). */
export type SubnetRole = "aksNodes" | "privateEndpoints" | "postgres" | "functions" | "jobs";

/** Where each subnet sits in `network.cidr`: [extra prefix bits, index] (Terraform `cidrsubnet`). */
export const SUBNET_LAYOUT: Record<SubnetRole, [number, number]> = {
    // Half the space: with Azure CNI overlay only nodes take VNet addresses, pods use AKS_OVERLAY.
    aksNodes: [1, 0],
    privateEndpoints: [3, 4],
    postgres: [3, 5],
    // Outbound VNet integration of the domains' Flex Consumption workers (delegated, egress via NAT).
    functions: [3, 6],
    // One-shot jobs inside the network (Container Instances), e.g. a domain's database bootstrap.
    jobs: [3, 7],
};

/** The delegation PostgreSQL Flexible Server needs on its subnet (private access / VNet integration). */
export const POSTGRES_DELEGATION = "Microsoft.DBforPostgreSQL/flexibleServers";

/** The delegation Flex Consumption function apps need on their VNet integration subnet. */
export const FUNCTIONS_DELEGATION = "Microsoft.App/environments";

/** The delegation container groups deployed into the network need on their subnet. */
export const CONTAINER_INSTANCE_DELEGATION = "Microsoft.ContainerInstance/containerGroups";

/** Subnet delegations by role. */
export const DELEGATIONS: Partial<Record<SubnetRole, { name: string; serviceName: string }>> = {
    postgres: { name: "postgres-flexible", serviceName: POSTGRES_DELEGATION },
    functions: { name: "flex-consumption", serviceName: FUNCTIONS_DELEGATION },
    jobs: { name: "container-instances", serviceName: CONTAINER_INSTANCE_DELEGATION },
};

/**
 * Subnets with egress through the NAT gateway: the nodes; PostgreSQL, whose servers sign users in
 * against Microsoft Entra ID and (with HA) archive WAL to Azure Storage, both public endpoints; the
 * workers (Flex Consumption VNet integration routes all their outbound traffic into the VNet); and
 * the jobs, which pull their image and get Entra tokens.
 */
export const NAT_SUBNETS: SubnetRole[] = ["aksNodes", "postgres", "functions", "jobs"];

/** Service endpoints per subnet: PostgreSQL reaches Azure Storage (WAL archival for HA) over the backbone. */
export const SERVICE_ENDPOINTS: Partial<Record<SubnetRole, string[]>> = { postgres: ["Microsoft.Storage"] };

/** Private DNS zones of the private endpoints (Azure's fixed privatelink names), PostgreSQL aside. */
export const PRIVATE_LINK_ZONES: Record<Exclude<PrivateDnsService, "postgres">, string> = {
    keyVault: "privatelink.vaultcore.azure.net",
    registry: "privatelink.azurecr.io",
    blob: "privatelink.blob.core.windows.net",
    serviceBus: "privatelink.servicebus.windows.net",
    redis: "privatelink.redis.azure.net",
};

export interface NetworkArgs {
    ctx: StackContext;
    /** The network resource group. */
    resourceGroupName: pulumi.Input<string>;
    /** Log Analytics workspace for diagnostic settings and traffic analytics. */
    workspaceId: pulumi.Input<string>;
    /** Log archive storage account for VNet flow logs. */
    archiveStorageId: pulumi.Input<string>;
}

export interface NetworkResult {
    outputs: NetworkOutputs;
    vnet: network.VirtualNetwork;
    subnets: Record<SubnetRole, network.Subnet>;
    subnetCidrs: Record<SubnetRole, string>;
    natGateway: network.NatGateway;
    natPublicIp: network.PublicIPAddress;
    privateDnsZoneIds: Record<PrivateDnsService, pulumi.Output<string>>;
    /** Names of the private DNS zones, by service. */
    privateDnsZoneNames: Record<PrivateDnsService, string>;
}

/** The zone names (`1`, `2`, `3`) the landing zone spans, from `network.zones`. */
export function azureZones(ctx: StackContext): string[] {
    return Array.from({ length: ctx.config.network.zones }, (_, i) => String(i + 1));
}

/**
 * The landing zone network: a VNet from `network.cidr` with subnets for AKS nodes, private
 * endpoints, PostgreSQL, the domains' workers and one-shot jobs (the last three delegated), an NSG on each (inbound only from inside the VNet), a NAT
 * gateway for egress (zone-redundant public IP in prod), VNet flow logs, and the private DNS zones
 * of every private endpoint the landing zone uses, linked to the VNet.
 */
export class Network extends pulumi.ComponentResource {
    readonly result: NetworkResult;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:azure:Network", name, {}, opts);
        this.result = createNetwork(name, this, args);
        this.registerOutputs({ networkId: this.result.outputs.networkId });
    }
}

/** Inbound NSG rules: the VNet (and, for nodes, the pod overlay) and Azure's load balancer probes; nothing else. */
export function inboundRules(role: SubnetRole): inputs.network.SecurityRuleArgs[] {
    const rule = (name: string, priority: number, access: "Allow" | "Deny", source: string, description: string) => ({
        name, priority, access, description,
        direction: "Inbound", protocol: "*",
        sourceAddressPrefix: source, sourcePortRange: "*",
        destinationAddressPrefix: "*", destinationPortRange: "*",
    });
    return [
        rule("allow-vnet-inbound", 4000, "Allow", "VirtualNetwork", "Traffic from inside the landing zone network"),
        ...(role === "aksNodes" ? [rule("allow-pod-overlay-inbound", 4010, "Allow", AKS_OVERLAY.podCidr, "Pod-to-pod traffic of the AKS overlay")] : []),
        rule("allow-load-balancer-inbound", 4020, "Allow", "AzureLoadBalancer", "Azure load balancer health probes"),
        rule("deny-all-inbound", 4096, "Deny", "*", "Deny by default: nothing from beyond the network"),
    ];
}

/** The Network Watcher the VNet flow log runs on: where it is, and the resource when the platform creates it. */
export interface NetworkWatcherRef {
    resourceGroupName: pulumi.Input<string>;
    name: pulumi.Input<string>;
    resource?: network.NetworkWatcher;
}

/**
 * The region's Network Watcher. Azure allows one per subscription and region and, when a VNet is
 * created in a region without one, enables `NetworkWatcherRG/NetworkWatcher_<region>` by itself,
 * untagged, beside the VNet's creation (so the flow log of a first `up` could find none yet).
 * With `azure.networkWatcher` the platform uses that existing watcher; without, it creates one,
 * tagged, in the network resource group before the VNet, and Azure then creates none
 * (docs/azure.md, "Network Watcher").
 */
export function networkWatcher(name: string, parent: pulumi.Resource, args: NetworkArgs): NetworkWatcherRef {
    const { ctx } = args;
    const existing = ctx.config.azure?.networkWatcher;
    if (existing) return { resourceGroupName: existing.resourceGroup, name: existing.name };
    const watcherName = ctx.naming.physical("azure.generic", "nw");
    const resource = new network.NetworkWatcher(childName(name, "watcher"), {
        resourceGroupName: args.resourceGroupName,
        networkWatcherName: watcherName,
        location: ctx.config.region,
        tags: ctx.tags,
    }, { parent });
    // Its users take the name from the resource, so they wait for it (the VNet, which names no watcher, depends on it).
    return { resourceGroupName: args.resourceGroupName, name: resource.name, resource };
}

export function createNetwork(name: string, parent: pulumi.Resource, args: NetworkArgs): NetworkResult {
    const { ctx } = args;
    const cfg = ctx.config;
    const prod = cfg.environment === "prod";
    const opts = { parent };
    const common = { resourceGroupName: args.resourceGroupName, location: cfg.region, tags: ctx.tags };
    const zones = azureZones(ctx);

    const watcher = networkWatcher(name, parent, args);
    const vnet = new network.VirtualNetwork(childName(name, "vnet"), {
        ...common,
        virtualNetworkName: ctx.naming.physical("azure.generic", "vnet"),
        addressSpace: { addressPrefixes: [cfg.network.cidr] },
    }, { parent, dependsOn: watcher.resource ? [watcher.resource] : [] });

    // Egress: one NAT gateway with a Standard public IP, zone-redundant in prod. A Standard NAT
    // gateway is zonal: prod pins it to the first zone (a zonal gateway may use a zone-redundant IP),
    // so its failure domain is known rather than picked by Azure (docs/azure.md, "Egress and zones").
    const publicIp = new network.PublicIPAddress(childName(name, "nat-ip"), {
        ...common,
        publicIpAddressName: ctx.naming.physical("azure.generic", "nat", "pip"),
        sku: { name: "Standard", tier: "Regional" },
        publicIPAllocationMethod: "Static",
        publicIPAddressVersion: "IPv4",
        zones: prod ? zones : undefined,
    }, opts);
    const natGateway = new network.NatGateway(childName(name, "nat"), {
        ...common,
        natGatewayName: ctx.naming.physical("azure.generic", "nat"),
        sku: { name: "Standard" },
        idleTimeoutInMinutes: 4,
        zones: prod ? [zones[0]] : undefined,
        publicIpAddresses: [{ id: publicIp.id }],
    }, opts);

    const cidrs = Object.fromEntries(Object.entries(SUBNET_LAYOUT).map(([role, [bits, index]]) =>
        [role, subnetCidr(cfg.network.cidr, bits, index)])) as Record<SubnetRole, string>;
    const physicalRole: Record<SubnetRole, string> = { aksNodes: "aks-nodes", privateEndpoints: "private-endpoints", postgres: "postgres", functions: "functions", jobs: "jobs" };

    const nsgs = {} as Record<SubnetRole, network.NetworkSecurityGroup>;
    const subnets = {} as Record<SubnetRole, network.Subnet>;
    // Azure serialises changes to one VNet's subnets: create them one after another.
    let previous: pulumi.Resource | undefined;
    for (const role of Object.keys(SUBNET_LAYOUT) as SubnetRole[]) {
        const nsg = new network.NetworkSecurityGroup(childName(name, physicalRole[role], "nsg"), {
            ...common,
            networkSecurityGroupName: ctx.naming.physical("azure.generic", physicalRole[role], "nsg"),
            securityRules: inboundRules(role),
        }, opts);
        nsgs[role] = nsg;
        subnets[role] = new network.Subnet(childName(name, physicalRole[role]), {
            resourceGroupName: args.resourceGroupName,
            virtualNetworkName: vnet.name,
            subnetName: ctx.naming.physical("azure.generic", physicalRole[role], "snet"),
            addressPrefix: cidrs[role],
            networkSecurityGroup: { id: nsg.id },
            // No implicit internet egress: only through the NAT gateway (NAT_SUBNETS) or not at all.
            defaultOutboundAccess: false,
            natGateway: NAT_SUBNETS.includes(role) ? { id: natGateway.id } : undefined,
            serviceEndpoints: SERVICE_ENDPOINTS[role]?.map((service) => ({ service })),
            // NSGs and route tables apply to private endpoints too.
            privateEndpointNetworkPolicies: role === "privateEndpoints" ? "Enabled" : undefined,
            delegations: DELEGATIONS[role] ? [DELEGATIONS[role]] : undefined,
        }, { parent, dependsOn: previous ? [previous] : [] });
        previous = subnets[role];
    }

    // Private DNS: the public names of the landing zone's PaaS services resolve to private endpoints.
    const zoneNames: Record<PrivateDnsService, string> = {
        postgres: `${ctx.naming.physical("azure.generic", "pg")}.private.postgres.database.azure.com`,
        ...PRIVATE_LINK_ZONES,
    };
    const privateDnsZoneIds = {} as Record<PrivateDnsService, pulumi.Output<string>>;
    for (const [service, zoneName] of Object.entries(zoneNames) as [PrivateDnsService, string][]) {
        const zone = new privatedns.PrivateZone(childName(name, "dns", service), {
            resourceGroupName: args.resourceGroupName,
            privateZoneName: zoneName,
            location: "global",
            tags: ctx.tags,
        }, opts);
        new privatedns.VirtualNetworkLink(childName(name, "dns", service, "link"), {
            resourceGroupName: args.resourceGroupName,
            privateZoneName: zone.name,
            virtualNetworkLinkName: ctx.naming.physical("azure.generic", "vnet", "link"),
            virtualNetwork: { id: vnet.id },
            registrationEnabled: false,
            location: "global",
            tags: ctx.tags,
        }, opts);
        privateDnsZoneIds[service] = zone.id;
    }

    // Flow logs of the whole VNet to the archive, with traffic analytics in the workspace. They run
    // on the region's Network Watcher (networkWatcher below). The archive accepts no shared keys:
    // the flow log writes as its own identity, allowed to write blobs in the archive only.
    const flowLogIdentity = new managedidentity.UserAssignedIdentity(childName(name, "flow-log-identity"), {
        ...common,
        resourceName: ctx.naming.physical("azure.generic", "vnet", "flow", "log", "id"),
    }, opts);
    const flowLogGrant = roleAssignment(childName(name, "flow-log-archive"), parent, ctx, {
        scope: args.archiveStorageId, role: "storageBlobDataContributor", principalId: flowLogIdentity.principalId,
    });
    new network.FlowLog(childName(name, "flow-log"), {
        networkWatcherName: watcher.name,
        resourceGroupName: watcher.resourceGroupName,
        flowLogName: ctx.naming.physical("azure.generic", "vnet", "flow", "log"),
        location: cfg.region,
        targetResourceId: vnet.id,
        storageId: args.archiveStorageId,
        identity: { type: "UserAssigned", userAssignedIdentities: [flowLogIdentity.id] },
        enabled: true,
        format: { type: "JSON", version: 2 },
        retentionPolicy: { enabled: true, days: cfg.network.flowLogRetentionDays },
        flowAnalyticsConfiguration: {
            networkWatcherFlowAnalyticsConfiguration: {
                enabled: true,
                workspaceResourceId: args.workspaceId,
                workspaceRegion: cfg.region,
                trafficAnalyticsInterval: prod ? 10 : 60,
            },
        },
        tags: ctx.tags,
    }, { parent, dependsOn: [afterGrants(childName(name, "flow-log"), parent, [flowLogGrant])] });

    diagnosticSetting(childName(name, "vnet"), parent, ctx, { resourceUri: vnet.id, workspaceId: args.workspaceId });
    diagnosticSetting(childName(name, "nat-ip"), parent, ctx, { resourceUri: publicIp.id, workspaceId: args.workspaceId });
    diagnosticSetting(childName(name, "nat"), parent, ctx, { resourceUri: natGateway.id, workspaceId: args.workspaceId, logs: [] });
    for (const role of Object.keys(nsgs) as SubnetRole[]) {
        diagnosticSetting(childName(name, physicalRole[role], "nsg"), parent, ctx, {
            resourceUri: nsgs[role].id, workspaceId: args.workspaceId, metrics: false,
        });
    }

    const outputs: NetworkOutputs = {
        networkId: vnet.id,
        cidr: cfg.network.cidr,
        zones,
        // Azure has no public subnet tier: load balancers live in the node subnet, NAT attaches to it.
        subnetIds: {
            public: [],
            private: [subnets.aksNodes.id],
            data: [subnets.privateEndpoints.id, subnets.postgres.id],
        },
        subnetCidrs: {
            public: [],
            private: [cidrs.aksNodes],
            data: [cidrs.privateEndpoints, cidrs.postgres],
        },
        natGatewayCount: 1,
        // A Standard NAT gateway lives in one zone (docs/azure.md: the way to zone-redundant egress).
        egressZoneRedundant: false,
    };
    return { outputs, vnet, subnets, subnetCidrs: cidrs, natGateway, natPublicIp: publicIp, privateDnsZoneIds, privateDnsZoneNames: zoneNames };
}
