import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ObjectStoreOutputs, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { rolesOfAccount } from "./iam";
import { partitionOf } from "./provider";

export interface SecureBucketArgs {
    ctx: StackContext;
    /** What the bucket holds (physical name part, e.g. `data`, `artifacts`). */
    purpose: string;
    /** KMS key ARN for SSE-KMS (with an S3 bucket key). */
    kmsKeyArn: pulumi.Input<string>;
    /** Log archive bucket receiving the server access logs. */
    accessLogBucket: pulumi.Input<string>;
    /** Keep object versions (deletes and overwrites recoverable until they expire). */
    versioning: boolean;
    /** Days before noncurrent versions expire. */
    noncurrentVersionDays: number;
    /** Object access for roles of another account (the bucket policy's only allow statements). */
    grants?: BucketGrant[];
}

/** Object access for roles of another account: that account as principal, narrowed to the roles (`aws:PrincipalArn`). */
export interface BucketGrant {
    sid: string;
    partition: string;
    accountId: pulumi.Input<string>;
    principalArns: pulumi.Input<string>[];
    /** Object-level actions (on `<bucket>/*`). */
    actions: string[];
    /** Bucket-level actions (on the bucket). */
    bucketActions?: string[];
}

export interface SecureBucketResult {
    bucket: aws.s3.Bucket;
    /** The policy: depend on it before granting access to others. */
    policy: aws.s3.BucketPolicy;
}

/**
 * A bucket with every S3 safeguard on: owner-enforced ownership (no ACLs), all four public access
 * block flags, SSE-KMS with a bucket key, versioning (noncurrent versions expire), server
 * access logs to the log archive, and a policy denying plain HTTP and TLS below 1.2. A bucket is
 * stateful: protected in prod.
 */
export function createSecureBucket(name: string, parent: pulumi.Resource, args: SecureBucketArgs): SecureBucketResult {
    const { ctx } = args;
    const opts = { parent };
    const bucketName = ctx.naming.physical("aws.s3Bucket", args.purpose);
    const bucket = new aws.s3.Bucket(childName(name, "bucket"), {
        bucket: bucketName,
        forceDestroy: false,
    }, { parent, protect: ctx.config.protectStateful });

    new aws.s3.BucketOwnershipControls(childName(name, "ownership"), {
        bucket: bucket.bucket,
        rule: { objectOwnership: "BucketOwnerEnforced" },
    }, opts);
    const publicAccess = new aws.s3.BucketPublicAccessBlock(childName(name, "public-access"), {
        bucket: bucket.bucket,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
    }, opts);
    new aws.s3.BucketServerSideEncryptionConfiguration(childName(name, "encryption"), {
        bucket: bucket.bucket,
        rules: [{
            applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn },
            bucketKeyEnabled: true,
        }],
    }, opts);
    const versioning = new aws.s3.BucketVersioning(childName(name, "versioning"), {
        bucket: bucket.bucket,
        versioningConfiguration: { status: args.versioning ? "Enabled" : "Suspended" },
    }, opts);
    new aws.s3.BucketLifecycleConfiguration(childName(name, "lifecycle"), {
        bucket: bucket.bucket,
        rules: [{
            id: "expire-noncurrent-versions",
            status: "Enabled",
            filter: { prefix: "" },
            noncurrentVersionExpiration: { noncurrentDays: args.noncurrentVersionDays },
            abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
        }, {
            id: "remove-expired-delete-markers",
            status: "Enabled",
            filter: { prefix: "" },
            expiration: { expiredObjectDeleteMarker: true },
        }],
    }, { parent, dependsOn: [versioning] });
    new aws.s3.BucketLogging(childName(name, "access-logs"), {
        bucket: bucket.bucket,
        targetBucket: args.accessLogBucket,
        targetPrefix: `s3-access/${bucketName}/`,
    }, opts);
    const policy = new aws.s3.BucketPolicy(childName(name, "policy"), {
        bucket: bucket.bucket,
        policy: secureBucketPolicy(bucket.arn, args.grants),
    }, { parent, dependsOn: [publicAccess] });
    return { bucket, policy };
}

/** Denies every request over plain HTTP or TLS older than 1.2, on the bucket and its objects; then the grants. */
export function secureBucketPolicy(bucketArn: pulumi.Input<string>, grants: BucketGrant[] = []): pulumi.Output<string> {
    const resources = [bucketArn, pulumi.interpolate`${bucketArn}/*`];
    return pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: resources,
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        }, {
            Sid: "DenyOutdatedTls",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: resources,
            Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
        }, ...grants.flatMap((grant) => {
            const allow = (sid: string, actions: string[], resource: pulumi.Input<string>) => ({
                Sid: sid,
                Effect: "Allow",
                ...rolesOfAccount(grant.partition, grant.accountId, grant.principalArns),
                Action: actions,
                Resource: resource,
            });
            return [
                allow(grant.sid, grant.actions, pulumi.interpolate`${bucketArn}/*`),
                ...(grant.bucketActions ? [allow(`${grant.sid}Bucket`, grant.bucketActions, bucketArn)] : []),
            ];
        })],
    });
}

export interface ObjectStoreArgs {
    ctx: StackContext;
    kmsKeyArn: pulumi.Input<string>;
    accessLogBucket: pulumi.Input<string>;
}

export interface ObjectStoreResult extends SecureBucketResult {
    outputs: ObjectStoreOutputs;
}

/** S3's DNS suffix in the region's partition. */
function dnsSuffixOf(region: string): string {
    return partitionOf(region) === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
}

/** The domain's bucket (`storage.*` config). */
export function createObjectStore(name: string, parent: pulumi.Resource, args: ObjectStoreArgs): ObjectStoreResult {
    const { ctx } = args;
    const result = createSecureBucket(name, parent, {
        ctx,
        purpose: "data",
        kmsKeyArn: args.kmsKeyArn,
        accessLogBucket: args.accessLogBucket,
        versioning: ctx.config.storage.versioning,
        noncurrentVersionDays: ctx.config.storage.noncurrentVersionDays,
    });
    const { bucket } = result;
    return {
        ...result,
        outputs: {
            bucketName: bucket.bucket,
            resourceId: bucket.arn,
            url: pulumi.interpolate`https://${bucket.bucket}.s3.${ctx.config.region}.${dnsSuffixOf(ctx.config.region)}`,
            versioning: ctx.config.storage.versioning,
        },
    };
}

/** A domain's object storage (`landing-zone:aws:ObjectStore`). */
export class ObjectStore extends pulumi.ComponentResource {
    readonly result: ObjectStoreResult;

    constructor(name: string, args: ObjectStoreArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:aws:ObjectStore", name, {}, opts);
        this.result = createObjectStore(name, this, args);
        this.registerOutputs({ bucketName: this.result.outputs.bucketName, resourceId: this.result.outputs.resourceId });
    }
}
