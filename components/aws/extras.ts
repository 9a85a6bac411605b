import type * as pulumi from "@pulumi/pulumi";

/**
 * What the AWS platform stack exports besides the cloud-neutral contracts, for AWS domain stacks
 * (`PlatformOutputs.extras`). The platform components fill it; the domain components read it.
 */
export interface AwsPlatformExtras {
    accountId: pulumi.Output<string>;
    vpcId: pulumi.Output<string>;
    vpcCidr: string;
    /** Security group of the EKS worker nodes (databases and caches admit only this group). */
    nodeSecurityGroupId: pulumi.Output<string>;
    /**
     * S3 bucket receiving S3 server access logs (the target of a bucket's `BucketLogging`). It is
     * SSE-S3 encrypted because S3 server access logging cannot deliver to an SSE-KMS bucket;
     * CloudTrail goes to `auditArchiveBucket` (SSE-KMS). S3 delivers access logs only to a bucket of
     * the same account and region: a domain stack deployed into its own member account (hierarchy
     * `create`) needs an access-log bucket of its own.
     */
    logArchiveBucket: pulumi.Output<string>;
    /** Role ARN a domain stack assumes in its own account, by domain (hierarchy `create` or `existing`). */
    domainRoleArns: Record<string, pulumi.Output<string>>;
    /** Audit archive bucket (CloudTrail; SSE-KMS with the logs key, object lock in prod). */
    auditArchiveBucket?: pulumi.Output<string>;
    /** Central CloudWatch log group name (build and application logs may go here). */
    logGroupName?: pulumi.Output<string>;
    /** The cluster security group EKS manages (control plane <-> nodes). */
    clusterSecurityGroupId?: pulumi.Output<string>;
    /** ARN partition (`aws`, `aws-cn`, `aws-us-gov`), for building ARNs. */
    partition?: string;
}
