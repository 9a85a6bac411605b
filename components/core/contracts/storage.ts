import type * as pulumi from "@pulumi/pulumi";

/** Object storage for one domain (S3 bucket, Storage account + container, GCS bucket). */
export interface ObjectStoreOutputs {
    /** Bucket name (Azure: the container name). */
    bucketName: pulumi.Output<string>;
    /** Cloud resource id (ARN, Azure resource id, GCS self link) used to scope access. */
    resourceId: pulumi.Output<string>;
    /** Endpoint URL of the bucket. */
    url: pulumi.Output<string>;
    versioning: boolean;
}
