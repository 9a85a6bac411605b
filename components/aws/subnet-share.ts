import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../core/contracts";
import { childName } from "../core/naming";

/** The subnet tiers a domain account gets: data (database, cache) and private (worker ENIs). */
export const SHARED_TIERS = ["data", "private"] as const;
export type SharedTier = (typeof SHARED_TIERS)[number];

export interface DomainSubnetShareArgs {
    ctx: StackContext;
    domain: string;
    /** The domain's account (from the organization stack). */
    domainAccountId: pulumi.Input<string>;
    /** The platform VPC's subnets the domain places its ENIs in, by tier. */
    subnets: Record<SharedTier, aws.ec2.Subnet[]>;
}

export interface DomainSubnetShareResult {
    share: aws.ram.ResourceShare;
    associations: aws.ram.ResourceAssociation[];
    principal: aws.ram.PrincipalAssociation;
    /** The shared subnet ids by tier, as the domain sees them (a shared subnet keeps its id). */
    subnetIds: Record<SharedTier, pulumi.Output<string>[]>;
}

/**
 * VPC sharing with one domain account through AWS RAM: one resource share per domain, never with
 * principals outside the organization, holding the data and private subnets, shared with that
 * account only. The VPC, route tables, NAT and endpoints stay in the platform account; the domain
 * account creates its own ENIs (RDS, ElastiCache, Lambda) and its own security groups in the shared
 * VPC. Security groups are not part of the share: a participant creates its own and references the
 * owner's (the cluster nodes' group) as `<owner account>/<group id>` in its rules.
 */
export function createDomainSubnetShare(name: string, parent: pulumi.Resource, args: DomainSubnetShareArgs): DomainSubnetShareResult {
    const opts = { parent };
    const share = new aws.ram.ResourceShare(childName(name, "share"), {
        name: args.ctx.naming.forDomain(args.domain).physical("aws.generic", "subnets"),
        allowExternalPrincipals: false,
    }, opts);
    const associations = SHARED_TIERS.flatMap((tier) => args.subnets[tier].map((subnet, i) =>
        new aws.ram.ResourceAssociation(childName(name, tier, String(i)), { resourceArn: subnet.arn, resourceShareArn: share.arn }, opts)));
    const principal = new aws.ram.PrincipalAssociation(childName(name, "account"), {
        principal: args.domainAccountId,
        resourceShareArn: share.arn,
    }, opts);
    // The ids as the share makes them usable: each waits for the subnet's association and the account's.
    const shared = (subnet: aws.ec2.Subnet, association: aws.ram.ResourceAssociation) =>
        pulumi.all([subnet.id, association.id, principal.id]).apply(([id]) => id);
    let next = 0;
    const subnetIds = Object.fromEntries(SHARED_TIERS.map((tier) => [tier, args.subnets[tier].map((subnet) => shared(subnet, associations[next++]))]));
    return { share, associations, principal, subnetIds: subnetIds as Record<SharedTier, pulumi.Output<string>[]> };
}

/** One domain account's share of the platform VPC (`landing-zone:aws:DomainSubnetShare`). */
export class DomainSubnetShare extends pulumi.ComponentResource {
    readonly result: DomainSubnetShareResult;

    constructor(name: string, args: DomainSubnetShareArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:aws:DomainSubnetShare", name, {}, opts);
        this.result = createDomainSubnetShare(name, this, args);
        this.registerOutputs({ shareArn: this.result.share.arn });
    }
}
