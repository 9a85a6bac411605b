import type * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../core/contracts";
import { accessLogDelivery, createLogBucket } from "./logging";
import { partitionOf } from "./provider";

export interface DomainAccessLogsArgs {
    ctx: StackContext;
    /** The domain's own account (S3 delivers server access logs only within one account). */
    accountId: pulumi.Input<string>;
}

/**
 * The access-log bucket of a domain in its own account. S3 server access logging writes only to a
 * bucket of the source bucket's account and region, so a domain outside the platform account cannot
 * use the platform's; it gets the same kind of bucket (SSE-S3, versioned, all public access blocked,
 * TLS only, deletes denied in prod) that admits only this account's buckets of this domain.
 */
export function createDomainAccessLogs(name: string, parent: pulumi.Resource, args: DomainAccessLogsArgs): aws.s3.Bucket {
    const { ctx } = args;
    const partition = partitionOf(ctx.config.region);
    return createLogBucket(name, parent, ctx, partition, {
        purpose: "access-logs",
        objectLock: false,
        statements: (bucketArn) => pulumi.output(args.accountId).apply((accountId) => [accessLogDelivery("S3ServerAccessLogsOfThisDomain", bucketArn, accountId, partition, ctx)]),
    }).bucket;
}

/** A domain account's access-log bucket (`landing-zone:aws:DomainAccessLogs`). */
export class DomainAccessLogs extends pulumi.ComponentResource {
    readonly bucket: aws.s3.Bucket;

    constructor(name: string, args: DomainAccessLogsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:aws:DomainAccessLogs", name, {}, opts);
        this.bucket = createDomainAccessLogs(name, this, args);
        this.registerOutputs({ bucket: this.bucket.bucket });
    }
}
