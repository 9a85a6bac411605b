import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { LoggingOutputs, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import type { AwsAccount } from "./provider";
import { serviceTrustPolicy } from "./iam";
import { trailBucketStatements } from "./trail-bucket-policy";

/** The account trail's folder in the audit archive (its `s3KeyPrefix`). */
const TRAIL_KEY_PREFIX = "cloudtrail";

export interface AwsLoggingArgs {
    ctx: StackContext;
    account: AwsAccount;
    /** KMS key (ARN) of log groups, the audit archive and CloudTrail. */
    logsKeyArn: pulumi.Input<string>;
}

export interface AwsLoggingResult {
    logGroup: aws.cloudwatch.LogGroup;
    /** Audit archive (CloudTrail): SSE-KMS, object lock in prod. */
    archiveBucket: aws.s3.Bucket;
    /** S3 server access logs of every bucket of the landing zone (SSE-S3: S3 logging cannot write SSE-KMS). */
    accessLogBucket: aws.s3.Bucket;
    trail: aws.cloudtrail.Trail;
    outputs: LoggingOutputs;
}

export interface BucketSpec {
    purpose: string;
    /** SSE-KMS key; absent = SSE-S3 (the only default encryption S3 server access logging accepts). */
    kmsKeyArn?: pulumi.Input<string>;
    /** Object lock (compliance archive): needs versioning; not allowed on an access-log target. */
    objectLock: boolean;
    /** Statements besides TLS-only and deny-delete (service write access). */
    statements: (bucketArn: string) => pulumi.Output<Record<string, unknown>[]>;
    /** Where this bucket's own access logs go. */
    accessLogTarget?: aws.s3.Bucket;
}

/**
 * A log bucket with every S3 protection: bucket owner enforced (no ACLs), all four public access
 * blocks, default encryption, versioning, lifecycle (archive tier, noncurrent expiry), a TLS-only
 * policy and, in prod, a policy denying deletes (plus object lock where allowed). Protected in prod.
 */
export function createLogBucket(name: string, parent: pulumi.Resource, ctx: StackContext, partition: string, spec: BucketSpec) {
    const prod = ctx.config.environment === "prod";
    const opts = { parent };
    const bucketName = ctx.naming.physical("aws.s3Bucket", spec.purpose);
    const bucketArn = `arn:${partition}:s3:::${bucketName}`;
    const lock = spec.objectLock && prod;
    const bucket = new aws.s3.Bucket(childName(name, spec.purpose), {
        bucket: bucketName,
        forceDestroy: false,
        objectLockEnabled: lock,
    }, { parent, protect: ctx.config.protectStateful });
    const ownership = new aws.s3.BucketOwnershipControls(childName(name, spec.purpose, "ownership"), {
        bucket: bucket.bucket,
        rule: { objectOwnership: "BucketOwnerEnforced" },
    }, opts);
    const publicAccess = new aws.s3.BucketPublicAccessBlock(childName(name, spec.purpose, "public-access"), {
        bucket: bucket.bucket,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
    }, opts);
    new aws.s3.BucketServerSideEncryptionConfiguration(childName(name, spec.purpose, "encryption"), {
        bucket: bucket.bucket,
        rules: [spec.kmsKeyArn
            ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: spec.kmsKeyArn }, bucketKeyEnabled: true }
            : { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    }, opts);
    const versioning = new aws.s3.BucketVersioning(childName(name, spec.purpose, "versioning"), {
        bucket: bucket.bucket,
        versioningConfiguration: { status: "Enabled" },
    }, opts);
    new aws.s3.BucketLifecycleConfiguration(childName(name, spec.purpose, "lifecycle"), {
        bucket: bucket.bucket,
        rules: [
            { id: "archive-tier", status: "Enabled", filter: {}, transitions: [{ days: 90, storageClass: "GLACIER_IR" }] },
            { id: "noncurrent-expiry", status: "Enabled", filter: {}, noncurrentVersionExpiration: { noncurrentDays: ctx.config.logging.retentionDays } },
            { id: "abort-multipart", status: "Enabled", filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } },
        ],
    }, { parent, dependsOn: [versioning] });
    if (lock) {
        new aws.s3.BucketObjectLockConfiguration(childName(name, spec.purpose, "object-lock"), {
            bucket: bucket.bucket,
            objectLockEnabled: "Enabled",
            rule: { defaultRetention: { mode: "GOVERNANCE", days: ctx.config.logging.retentionDays } },
        }, { parent, dependsOn: [versioning] });
    }
    const policy = new aws.s3.BucketPolicy(childName(name, spec.purpose, "policy"), {
        bucket: bucket.bucket,
        policy: spec.statements(bucketArn).apply((extra) => JSON.stringify({
            Version: "2012-10-17",
            Statement: [...baseStatements(bucketArn, prod), ...extra],
        })),
    }, { parent, dependsOn: [publicAccess, ownership] });
    if (spec.accessLogTarget) {
        new aws.s3.BucketLogging(childName(name, spec.purpose, "access-logs"), {
            bucket: bucket.bucket,
            targetBucket: spec.accessLogTarget.bucket,
            targetPrefix: `${bucketName}/`,
        }, opts);
    }
    return { bucket, bucketName, bucketArn, policy };
}

/**
 * The buckets whose server access logs the access-log bucket accepts: every bucket of the landing
 * zone in this environment (their names all start with `<prefix>-<environment>-`; domain stacks add
 * theirs later, so a name pattern, not a list).
 */
export function accessLogSources(partition: string, ctx: StackContext): string {
    return `arn:${partition}:s3:::${ctx.naming.wildcard("aws.s3Bucket")}`;
}

/**
 * S3 server access logging may write into an access-log bucket: from this account only, and only for
 * the landing zone's own buckets (platform and domain stacks share the prefix).
 */
export function accessLogDelivery(sid: string, bucketArn: string, accountId: string, partition: string, ctx: StackContext): Record<string, unknown> {
    return {
        Sid: sid,
        Effect: "Allow",
        Principal: { Service: "logging.s3.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: `${bucketArn}/*`,
        Condition: {
            StringEquals: { "aws:SourceAccount": accountId },
            ArnLike: { "aws:SourceArn": accessLogSources(partition, ctx) },
        },
    };
}

/** TLS-only for everyone; in prod nobody deletes objects, versions or the bucket. */
export function baseStatements(bucketArn: string, denyDelete: boolean): Record<string, unknown>[] {
    const statements: Record<string, unknown>[] = [{
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [bucketArn, `${bucketArn}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
    }];
    if (denyDelete) {
        statements.push({
            Sid: "DenyDeletingLogs",
            Effect: "Deny",
            Principal: "*",
            Action: ["s3:DeleteObject", "s3:DeleteObjectVersion", "s3:DeleteBucket"], // lifecycle rules still expire old versions,
            Resource: [bucketArn, `${bucketArn}/*`],
        });
    }
    return statements;
}

/**
 * Central logging: a KMS-encrypted CloudWatch log group with retention, an audit archive bucket
 * (SSE-KMS, object lock in prod) that a multi-region CloudTrail with log file validation writes to
 * (and into the log group), and the access-log bucket that receives S3 server access logs.
 */
export function createLogging(name: string, parent: pulumi.Resource, args: AwsLoggingArgs): AwsLoggingResult {
    const { ctx, account } = args;
    const prod = ctx.config.environment === "prod";
    const retentionDays = ctx.config.logging.retentionDays;
    const trailName = ctx.naming.physical("aws.generic", "trail");
    const trailArn = account.accountId.apply((id) => `arn:${account.partition}:cloudtrail:${account.region}:${id}:trail/${trailName}`);

    const logGroupName = `/${ctx.naming.physical("aws.generic", "central")}`;
    const logGroup = new aws.cloudwatch.LogGroup(childName(name, "central"), {
        name: logGroupName,
        retentionInDays: retentionDays,
        kmsKeyId: args.logsKeyArn,
        deletionProtectionEnabled: prod,
    }, { parent, protect: ctx.config.protectStateful });

    const accessLogs = createLogBucket(name, parent, ctx, account.partition, {
        purpose: "access-logs",
        objectLock: false,
        statements: (bucketArn) => account.accountId.apply((accountId) => [accessLogDelivery("S3ServerAccessLogsOfThisAccount", bucketArn, accountId, account.partition, ctx)]),
    });

    const archive = createLogBucket(name, parent, ctx, account.partition, {
        purpose: "audit-archive",
        kmsKeyArn: args.logsKeyArn,
        objectLock: true,
        accessLogTarget: accessLogs.bucket,
        statements: (bucketArn) => pulumi.all([account.accountId, trailArn]).apply(([accountId, arn]) =>
            trailBucketStatements({ bucketArn, trailArn: arn, writeSid: "CloudTrailWrite", logOwners: [accountId], keyPrefix: TRAIL_KEY_PREFIX })),
    });

    const trailRole = new aws.iam.Role(childName(name, "trail-role"), {
        name: ctx.naming.physical("aws.iamRole", "cloudtrail"),
        description: "CloudTrail delivery to the central log group",
        // No confused-deputy condition here: CloudTrail's CloudWatch Logs role does not support
        // aws:SourceArn / aws:SourceAccount, and CreateTrail rejects a role that has them.
        assumeRolePolicy: serviceTrustPolicy("cloudtrail.amazonaws.com"),
    }, { parent });
    const trailRolePolicy = new aws.iam.RolePolicy(childName(name, "trail-role-policy"), {
        name: ctx.naming.physical("aws.generic", "deliver-to-central-log-group"),
        role: trailRole.id,
        policy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [{
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                // Spelled from known parts, so the policy is known (and checked) at preview.
                Resource: pulumi.interpolate`arn:${account.partition}:logs:${account.region}:${account.accountId}:log-group:${logGroupName}:log-stream:*`,
            }],
        }),
    }, { parent, dependsOn: [logGroup] });

    const trail = new aws.cloudtrail.Trail(childName(name, "trail"), {
        name: trailName,
        s3BucketName: archive.bucket.bucket,
        s3KeyPrefix: TRAIL_KEY_PREFIX,
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        enableLogFileValidation: true,
        enableLogging: true,
        kmsKeyId: args.logsKeyArn,
        cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,
        cloudWatchLogsRoleArn: trailRole.arn,
    }, { parent, dependsOn: [archive.policy, trailRolePolicy] });

    return {
        logGroup,
        archiveBucket: archive.bucket,
        accessLogBucket: accessLogs.bucket,
        trail,
        outputs: { workspaceId: logGroup.arn, archiveId: archive.bucket.bucket, retentionDays },
    };
}

/** Central logging (`landing-zone:aws:Logging`). */
export class AwsLogging extends pulumi.ComponentResource {
    readonly result: AwsLoggingResult;

    constructor(name: string, args: AwsLoggingArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:aws:Logging", name, {}, opts);
        this.result = createLogging(name, this, args);
        this.registerOutputs({ ...this.result.outputs });
    }
}
