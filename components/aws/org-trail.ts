import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { createLogBucket } from "./logging";

export interface OrgTrailArgs {
    ctx: StackContext;
    partition: string;
    /** The management account (where the organization trail lives). */
    managementAccountId: pulumi.Output<string>;
    logArchiveAccountId: pulumi.Output<string>;
    /** The organization id (`o-...`): the trail writes under `AWSLogs/<org id>/`, Config under `AWSLogs/<account>/`. */
    organizationId: pulumi.Output<string>;
    /** The log-archive account's provider (bucket and key live there). */
    logArchiveProvider: aws.Provider;
    /** Trusted access for CloudTrail must be on before an organization trail is created. */
    organization: aws.organizations.Organization;
}

/** The org trail's KMS key policy: the log-archive account administers it; CloudTrail and Config of this organization encrypt with it. */
export function archiveKeyPolicy(partition: string, logArchiveAccountId: string, trailArn: string, organizationId: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{
            Sid: "LogArchiveAccountAdministers",
            Effect: "Allow",
            Principal: { AWS: `arn:${partition}:iam::${logArchiveAccountId}:root` },
            Action: "kms:*",
            Resource: "*",
        }, {
            Sid: "OrganizationTrailEncrypts",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: ["kms:GenerateDataKey*", "kms:DescribeKey"],
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceArn": trailArn } },
        }, {
            Sid: "ConfigOfThisOrganizationEncrypts",
            Effect: "Allow",
            Principal: { Service: "config.amazonaws.com" },
            Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceOrgID": organizationId } },
        }],
    });
}

/**
 * The organization trail (all accounts, all regions, global events, log file validation) in the
 * management account, writing to a KMS-encrypted, object-locked, versioned bucket in the log-archive
 * account, which also receives every account's AWS Config snapshots.
 */
export function createOrgTrail(name: string, parent: pulumi.Resource, args: OrgTrailArgs) {
    const { ctx, partition } = args;
    const trailName = ctx.naming.physical("aws.generic", "organization-trail");
    const trailArn = pulumi.interpolate`arn:${partition}:cloudtrail:${ctx.config.region}:${args.managementAccountId}:trail/${trailName}`;
    const inLogArchive = { parent, provider: args.logArchiveProvider };

    const key = new aws.kms.Key(childName(name, "key"), {
        description: `${ctx.naming.physical("aws.generic", "log-archive")}: organization trail and Config archive`,
        enableKeyRotation: true,
        rotationPeriodInDays: ctx.config.keys.rotationDays,
        deletionWindowInDays: 30,
        policy: pulumi.all([args.logArchiveAccountId, trailArn, args.organizationId]).apply(([account, arn, org]) =>
            archiveKeyPolicy(partition, account, arn, org)),
    }, { ...inLogArchive, protect: true });

    // The archive bucket's children inherit the log-archive provider from this component.
    const archiveParent = new AwsLogArchive(childName(name, "archive"), { parent, providers: { aws: args.logArchiveProvider } });
    const archive = createLogBucket(childName(name, "archive"), archiveParent, ctx, partition, {
        purpose: "log-archive",
        kmsKeyArn: key.arn,
        objectLock: true,
        statements: (bucketArn) => pulumi.all([args.managementAccountId, trailArn, args.organizationId]).apply(
            ([management, arn, org]): Record<string, unknown>[] => [{
                Sid: "CloudTrailAclCheck",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "s3:GetBucketAcl",
                Resource: bucketArn,
                Condition: { StringEquals: { "aws:SourceArn": arn } },
            }, {
                Sid: "OrganizationTrailWrite",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "s3:PutObject",
                Resource: [`${bucketArn}/AWSLogs/${management}/*`, `${bucketArn}/AWSLogs/${org}/*`],
                Condition: { StringEquals: { "aws:SourceArn": arn, "s3:x-amz-acl": "bucket-owner-full-control" } },
            }, {
                Sid: "ConfigAclCheck",
                Effect: "Allow",
                Principal: { Service: "config.amazonaws.com" },
                Action: ["s3:GetBucketAcl", "s3:ListBucket"],
                Resource: bucketArn,
                Condition: { StringEquals: { "aws:SourceOrgID": org } },
            }, {
                Sid: "ConfigWrite",
                Effect: "Allow",
                Principal: { Service: "config.amazonaws.com" },
                Action: "s3:PutObject",
                Resource: `${bucketArn}/AWSLogs/*/Config/*`,
                Condition: { StringEquals: { "aws:SourceOrgID": org, "s3:x-amz-acl": "bucket-owner-full-control" } },
            }]),
    });

    const trail = new aws.cloudtrail.Trail(childName(name, "trail"), {
        name: trailName,
        s3BucketName: archive.bucket.bucket,
        isOrganizationTrail: true,
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        enableLogFileValidation: true,
        enableLogging: true,
        kmsKeyId: key.arn,
    }, { parent, dependsOn: [archive.policy, key, args.organization] });
    return { key, bucket: archive.bucket, bucketPolicy: archive.policy, trail };
}

/** The log archive bucket's component (`landing-zone:aws:LogArchive`): its children run in the log-archive account. */
class AwsLogArchive extends pulumi.ComponentResource {
    constructor(name: string, opts: pulumi.ComponentResourceOptions) {
        super("landing-zone:aws:LogArchive", name, {}, opts);
        this.registerOutputs({});
    }
}
