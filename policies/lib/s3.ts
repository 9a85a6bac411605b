import type { PolicyResource } from "@pulumi/policy";
import { isUnknownAt } from "./props";

export const BUCKETS = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];

/** A bucket's name when known (the naming module sets it, so it usually is). */
export function bucketName(r: PolicyResource): string | undefined {
    return isUnknownAt(r.props, "bucket") ? undefined : (r.props.bucket as string | undefined);
}

/**
 * Whether an S3 side resource (public access block, encryption, versioning, ACL) is the bucket's: it
 * names the bucket, or, when the name is unknown, depends on it (the bucket's id is its input).
 */
export function belongsTo(r: PolicyResource, bucket: PolicyResource): boolean {
    const name = bucketName(r);
    return name !== undefined && bucketName(bucket) !== undefined ? name === bucketName(bucket) : r.dependencies.some((d) => d.urn === bucket.urn);
}
