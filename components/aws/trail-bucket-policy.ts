/**
 * The bucket policy statements CloudTrail needs to deliver to a bucket, shared by the platform's
 * account trail (`logging.ts`) and the organization trail (`org-trail.ts`): the ACL check and the
 * write, both only for the one trail (`aws:SourceArn`, no confused deputy), the write only under the
 * trail's `AWSLogs/<id>/` folders and only with the bucket owner in control of the object.
 */

export interface TrailBucketStatementsArgs {
    bucketArn: string;
    trailArn: string;
    /** The write statement's Sid (CloudTrailWrite, OrganizationTrailWrite). */
    writeSid: string;
    /**
     * The ids CloudTrail writes under (`AWSLogs/<id>/`): the account of an account trail; the
     * management account and the organization id (`o-...`) of an organization trail.
     */
    logOwners: string[];
    /** The trail's `s3KeyPrefix`, when it has one. */
    keyPrefix?: string;
}

/** `<bucket>/[<keyPrefix>/]AWSLogs/<id>/*` per log owner: one string for one owner, else a list. */
export function trailLogObjects(bucketArn: string, logOwners: string[], keyPrefix?: string): string | string[] {
    const objects = logOwners.map((id) => `${bucketArn}/${keyPrefix ? `${keyPrefix}/` : ""}AWSLogs/${id}/*`);
    return objects.length === 1 ? objects[0] : objects;
}

/** CloudTrail's ACL check and write statements for a bucket policy. */
export function trailBucketStatements(args: TrailBucketStatementsArgs): Record<string, unknown>[] {
    const cloudTrail = { Service: "cloudtrail.amazonaws.com" };
    return [{
        Sid: "CloudTrailAclCheck",
        Effect: "Allow",
        Principal: cloudTrail,
        Action: "s3:GetBucketAcl",
        Resource: args.bucketArn,
        Condition: { StringEquals: { "aws:SourceArn": args.trailArn } },
    }, {
        Sid: args.writeSid,
        Effect: "Allow",
        Principal: cloudTrail,
        Action: "s3:PutObject",
        Resource: trailLogObjects(args.bucketArn, args.logOwners, args.keyPrefix),
        Condition: { StringEquals: { "aws:SourceArn": args.trailArn, "s3:x-amz-acl": "bucket-owner-full-control" } },
    }];
}
