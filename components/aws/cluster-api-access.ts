import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { childName } from "../core/naming";

export interface SharedBuildApiAccessArgs {
    /** The cluster security group (EKS-managed) in front of the private API endpoint. */
    clusterSecurityGroupId: pulumi.Input<string>;
    /** The private subnets shared with domain accounts, by zone: their CIDR blocks. */
    privateSubnetCidrs: { zone: string; cidr: string }[];
}

/**
 * HTTPS to the cluster's private API endpoint from the deploy builds of domain accounts. Their
 * security groups are the domains' own (unknown to the platform, created after it), so the cluster
 * security group admits the shared private subnets' CIDR blocks on 443 instead: one rule per subnet,
 * for every domain at once (the domains share the same private subnets, and a security group
 * rejects a duplicate rule). The API still authenticates every request (EKS access entries).
 */
export function createSharedBuildApiAccess(name: string, args: SharedBuildApiAccessArgs, opts: pulumi.CustomResourceOptions): aws.vpc.SecurityGroupIngressRule[] {
    return args.privateSubnetCidrs.map(({ zone, cidr }) => new aws.vpc.SecurityGroupIngressRule(childName(name, zone), {
        securityGroupId: args.clusterSecurityGroupId,
        cidrIpv4: cidr,
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        description: `Cluster API from domain-account deploy builds in the shared private subnet of ${zone}`,
    }, opts));
}
