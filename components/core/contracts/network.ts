import type * as pulumi from "@pulumi/pulumi";

/** Subnet tiers: `public` (load balancers, NAT), `private` (cluster nodes), `data` (databases, caches, private endpoints). */
export type SubnetTier = "public" | "private" | "data";

/** A network across zones, the same shape on every cloud. */
export interface NetworkOutputs {
    /** VPC id / VNet id / VPC network self link. */
    networkId: pulumi.Output<string>;
    cidr: string;
    /** The zones the network spans (names as the cloud spells them: `eu-west-1a`, `1`, `europe-west1-b`). */
    zones: string[];
    /** Subnet ids per tier; a cloud whose subnets are regional lists one subnet for all zones. */
    subnetIds: Record<SubnetTier, pulumi.Output<string>[]>;
    /** CIDR of each tier's subnets, in zone order. */
    subnetCidrs: Record<SubnetTier, string[]>;
    /** Egress gateways (NAT) created: one, or one per zone (a regional NAT service counts as one). */
    natGatewayCount: number;
    /** Whether egress survives the loss of any one zone (per-zone NAT, or a regional NAT service). */
    egressZoneRedundant: boolean;
}
