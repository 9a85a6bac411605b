import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { rolesOfAccount } from "./iam";
import { accountAdministersKey, cloudWatchLogsUseKey } from "./keys";
import { dnsSuffixOf, partitionOf } from "./provider";

export interface DomainKeyArgs {
    ctx: StackContext;
    /**
     * The domain's own account, when it has one (organization): the key then also encrypts the
     * domain's log groups, so its policy admits CloudWatch Logs for this account's log groups.
     */
    logsAccountId?: pulumi.Input<string>;
    /**
     * The platform-account roles that read the domain's pipeline artifacts (a domain in its own
     * account, whose database and deploy builds the platform runs): the key admits them through S3.
     */
    platformBuilds?: PlatformBuildReaders;
}

/** Roles of the platform account that decrypt the domain's pipeline artifacts through S3. */
export interface PlatformBuildReaders {
    accountId: pulumi.Input<string>;
    roleArns: pulumi.Input<string>[];
}

/**
 * The key policy of a domain key that also encrypts the domain's log groups: the account
 * administers it through IAM (the default policy), and CloudWatch Logs may use it for this
 * account's log groups only (the encryption context names the log group). With `platformBuilds`
 * the platform's build roles may decrypt through S3 only (the pipeline's artifacts).
 */
export function domainKeyPolicy(region: string, accountId: string, platformBuilds?: { accountId: string; roleArns: string[] }): string {
    const partition = partitionOf(region);
    const dnsSuffix = dnsSuffixOf(partition);
    const narrowed = platformBuilds ? rolesOfAccount(partition, platformBuilds.accountId, platformBuilds.roleArns) : undefined;
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            accountAdministersKey(partition, accountId),
            cloudWatchLogsUseKey(partition, region, dnsSuffix, accountId),
            ...(narrowed ? [{
                Sid: "PlatformBuildsReadArtifactsThroughS3",
                Effect: "Allow",
                Principal: narrowed.Principal,
                Action: ["kms:Decrypt", "kms:DescribeKey"],
                Resource: "*",
                Condition: { ...narrowed.Condition, StringEquals: { "kms:ViaService": `s3.${region}.${dnsSuffix}` } },
            }] : []),
        ],
    });
}

function keyPolicyOf(region: string, accountId: pulumi.Input<string>, platformBuilds?: PlatformBuildReaders): pulumi.Output<string> {
    if (!platformBuilds) return pulumi.output(accountId).apply((id) => domainKeyPolicy(region, id));
    return pulumi.all([accountId, platformBuilds.accountId, pulumi.all(platformBuilds.roleArns)]).apply(([id, platformAccountId, roleArns]) =>
        domainKeyPolicy(region, id, { accountId: platformAccountId, roleArns }));
}

export interface DomainKeyResult {
    key: aws.kms.Key;
    alias: aws.kms.Alias;
}

/**
 * The domain's own customer-managed KMS key: it encrypts the domain's database, bucket, queues,
 * cache, secrets, image repository and pipeline artifacts, so one domain's workload can never
 * decrypt another domain's data. Rotated every `keys.rotationDays`. The key policy is the default
 * one (the account administers the key through IAM; only IAM policies grant its use). A key is
 * stateful: protected in prod, with the longest deletion window (KMS has no deletion-protection flag).
 */
export function createDomainKey(name: string, parent: pulumi.Resource, args: DomainKeyArgs): DomainKeyResult {
    const { ctx } = args;
    const prod = ctx.config.environment === "prod";
    const key = new aws.kms.Key(childName(name, "key"), {
        description: `${ctx.naming.physical("aws.generic", "data")}: domain data (database, bucket, queues, cache, images, artifacts)`,
        keyUsage: "ENCRYPT_DECRYPT",
        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
        enableKeyRotation: true,
        rotationPeriodInDays: ctx.config.keys.rotationDays,
        deletionWindowInDays: prod ? 30 : 7,
        multiRegion: false,
        ...(args.logsAccountId ? { policy: keyPolicyOf(ctx.config.region, args.logsAccountId, args.platformBuilds) } : {}),
    }, { parent, protect: ctx.config.protectStateful });
    const alias = new aws.kms.Alias(childName(name, "alias"), {
        name: `alias/${ctx.naming.physical("aws.generic", "data")}`,
        targetKeyId: key.keyId,
    }, { parent });
    return { key, alias };
}

/** A domain's data key (`landing-zone:aws:DomainKey`). */
export class DomainKey extends pulumi.ComponentResource {
    readonly result: DomainKeyResult;

    constructor(name: string, args: DomainKeyArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:aws:DomainKey", name, {}, opts);
        this.result = createDomainKey(name, this, args);
        this.registerOutputs({ keyArn: this.result.key.arn });
    }
}
