import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { roleArn } from "./iam";
import type { StackContext } from "../core/contracts";

/**
 * The stack's AWS provider: region from config and the standard tags as provider default tags, so
 * every taggable resource carries them (style: tags once). The provider acts in one account only:
 * `accountId` when given (the account an organization stack recorded for this stack: platform =
 * the environment's shared-services account, domain = the domain's account), else a configured
 * `aws.accountId`. The stack runs with credentials of that account; credentials of any other
 * account fail in the provider's own check, before anything is read or created. `assumeRoleArn`
 * targets a member account from the management account (the organization stack only).
 */
export function awsProvider(ctx: StackContext, assumeRoleArn?: pulumi.Input<string>, accountId?: pulumi.Input<string>): aws.Provider {
    const allowed = accountId ?? ctx.config.aws.accountId;
    return new aws.Provider("aws", {
        region: ctx.config.region as aws.Region,
        defaultTags: { tags: ctx.tags },
        assumeRoles: assumeRoleArn ? [{ roleArn: assumeRoleArn, sessionName: "landing-zone" }] : undefined,
        allowedAccountIds: !assumeRoleArn && allowed ? [allowed] : undefined,
    });
}

/** The role AWS Organizations creates in every account it creates (and the organization stack assumes). */
export const ORGANIZATION_ACCESS_ROLE = "OrganizationAccountAccessRole";

/** The ARN of the organization's access role in an account. */
export function accessRoleArn(partition: string, accountId: pulumi.Input<string>): pulumi.Output<string> {
    return roleArn(partition, accountId, ORGANIZATION_ACCESS_ROLE);
}

/**
 * The provider of one member account, made here and only here: it assumes the organization's access
 * role in the account (an output of the account resource, so the account exists first), with the
 * stack's region and default tags, and refuses to act in any other account.
 */
export function memberAccountProvider(ctx: StackContext, role: string, accountId: pulumi.Output<string>, partition: string): aws.Provider {
    return new aws.Provider(`aws-${role}`, {
        region: ctx.config.region as aws.Region,
        defaultTags: { tags: ctx.tags },
        assumeRoles: [{ roleArn: accessRoleArn(partition, accountId), sessionName: "landing-zone-organization" }],
        allowedAccountIds: [accountId],
    });
}

/** Where the stack deploys: account, partition and region, for ARNs and key/bucket policies. */
export interface AwsAccount {
    accountId: pulumi.Output<string>;
    /** `aws`, `aws-cn` or `aws-us-gov`, from the region (no lookup). */
    partition: string;
    region: string;
    /** DNS suffix of service endpoints in this partition (`amazonaws.com`, `amazonaws.com.cn`). */
    dnsSuffix: string;
}

/** The partition a region belongs to. */
/** The DNS suffix of a partition's service endpoints and principals. */
export function dnsSuffixOf(partition: string): string {
    return partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
}

export function partitionOf(region: string): string {
    if (region.startsWith("cn-")) return "aws-cn";
    if (region.startsWith("us-gov-")) return "aws-us-gov";
    return "aws";
}

/**
 * The deployment account: the account the organization stack recorded for this stack, else
 * `aws.accountId` from config when set (no lookup), otherwise the caller identity of the provider.
 */
export function awsAccount(ctx: StackContext, provider: aws.Provider, recorded?: pulumi.Input<string>): AwsAccount {
    const configured = recorded ?? ctx.config.aws.accountId;
    const partition = partitionOf(ctx.config.region);
    return {
        accountId: configured ? pulumi.output(configured) : aws.getCallerIdentityOutput({}, { provider }).accountId,
        partition,
        region: ctx.config.region,
        dnsSuffix: dnsSuffixOf(partition),
    };
}

/** The zone names the network spans: `aws.availabilityZones` when set, else `<region>a`, `b`, `c`. */
export function zoneNames(ctx: StackContext): string[] {
    const listed = ctx.config.aws.availabilityZones;
    const names = listed && listed.length > 0 ? listed : ["a", "b", "c"].map((letter) => `${ctx.config.region}${letter}`);
    return names.slice(0, ctx.config.network.zones);
}
