import * as network from "@pulumi/azure-native/network";
import type * as pulumi from "@pulumi/pulumi";
import { childName } from "../core/naming";

export interface PrivateEndpointArgs {
    resourceGroupName: pulumi.Input<string>;
    /** Physical name of the private endpoint. */
    endpointName: string;
    /** The platform's private-endpoint subnet. */
    subnetId: pulumi.Input<string>;
    /** The resource reached privately (storage account, Service Bus namespace, Azure Managed Redis cluster). */
    targetId: pulumi.Input<string>;
    /** Private link sub-resource (`blob`, `namespace`, `redisEnterprise`). */
    groupId: string;
    /** The platform's private DNS zone for that sub-resource, so the public name resolves privately. */
    dnsZoneId: pulumi.Input<string>;
    tags: Record<string, string>;
}

/** A private endpoint into the platform's endpoint subnet plus its DNS zone group (A record in the platform zone). */
export function createPrivateEndpoint(name: string, parent: pulumi.Resource, args: PrivateEndpointArgs) {
    const endpoint = new network.PrivateEndpoint(childName(name, "pe"), {
        resourceGroupName: args.resourceGroupName,
        privateEndpointName: args.endpointName,
        subnet: { id: args.subnetId },
        privateLinkServiceConnections: [{
            name: args.endpointName,
            privateLinkServiceId: args.targetId,
            groupIds: [args.groupId],
        }],
        tags: args.tags,
    }, { parent });
    const dnsZoneGroup = new network.PrivateDnsZoneGroup(childName(name, "pe-dns"), {
        resourceGroupName: args.resourceGroupName,
        privateEndpointName: args.endpointName,
        privateDnsZoneGroupName: "default",
        privateDnsZoneConfigs: [{ name: args.groupId, privateDnsZoneId: args.dnsZoneId }],
    }, { parent, dependsOn: [endpoint] });
    return { endpoint, dnsZoneGroup };
}
