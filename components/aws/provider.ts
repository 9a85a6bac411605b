import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../core/contracts";

/**
 * The stack's AWS provider: region from config and the standard tags as provider default tags, so
 * every taggable resource carries them (style: tags once). `assumeRoleArn` targets a member account.
 */
export function awsProvider(ctx: StackContext, assumeRoleArn?: pulumi.Input<string>): aws.Provider {
    return new aws.Provider("aws", {
        region: ctx.config.region as aws.Region,
        defaultTags: { tags: ctx.tags },
        assumeRoles: assumeRoleArn ? [{ roleArn: assumeRoleArn, sessionName: "landing-zone" }] : undefined,
    });
}
