import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { KEY_PURPOSES, type KeyPurpose, type KeysOutputs, type StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import type { AwsAccount } from "./provider";

export interface AwsKeysArgs {
    ctx: StackContext;
    account: AwsAccount;
}

export interface AwsKeysResult {
    keys: Record<KeyPurpose, aws.kms.Key>;
    outputs: KeysOutputs;
}

/** What each key protects (key description). */
const PURPOSE_TEXT: Record<KeyPurpose, string> = {
    data: "domain data: databases, buckets, queues, caches, secrets",
    logs: "central logging: CloudWatch log groups, CloudTrail, log archive",
    cluster: "EKS secrets envelope encryption and node volumes",
    registry: "ECR image encryption",
};

/** The account administers a key through IAM (no principal is named in the key policy besides it). */
export function accountAdministersKey(partition: string, accountId: string): Record<string, unknown> {
    return {
        Sid: "AccountAdministersKeyThroughIam",
        Effect: "Allow",
        Principal: { AWS: `arn:${partition}:iam::${accountId}:root` },
        Action: "kms:*",
        Resource: "*",
    };
}

/** CloudWatch Logs may use a key for this account's log groups only (the encryption context names the log group). */
export function cloudWatchLogsUseKey(partition: string, region: string, dnsSuffix: string, accountId: string): Record<string, unknown> {
    return {
        Sid: "CloudWatchLogsOfThisAccount",
        Effect: "Allow",
        Principal: { Service: `logs.${region}.${dnsSuffix}` },
        Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        Resource: "*",
        Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:${partition}:logs:${region}:${accountId}:log-group:*` } },
    };
}

/**
 * The key policy of one purpose. The account statement lets IAM policies grant use of the key (no
 * principal is named in the key policy besides the account); the `logs` key also lets CloudWatch
 * Logs (this account's log groups only) and CloudTrail (this account's trails only) use it; the
 * `cluster` key lets this account's EC2 Auto Scaling service-linked role encrypt node volumes.
 */
export function keyPolicy(purpose: KeyPurpose, account: AwsAccount): pulumi.Output<string> {
    const { partition, region, dnsSuffix } = account;
    return account.accountId.apply((accountId) => {
        const statements: Record<string, unknown>[] = [accountAdministersKey(partition, accountId)];
        if (purpose === "cluster") {
            // Node volumes are encrypted with this key by EC2 Auto Scaling's service-linked role (the
            // managed node group's instances). Named by condition, not as the principal: a key policy
            // naming a role that does not exist yet (new accounts) is rejected.
            const autoScaling = `arn:${partition}:iam::${accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
            const onlyAutoScaling = { StringEquals: { "aws:PrincipalArn": autoScaling, "kms:CallerAccount": accountId } };
            statements.push({
                Sid: "AutoScalingEncryptsNodeVolumes",
                Effect: "Allow",
                Principal: { AWS: "*" },
                Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
                Resource: "*",
                Condition: onlyAutoScaling,
            }, {
                Sid: "AutoScalingGrantsForNodeVolumes",
                Effect: "Allow",
                Principal: { AWS: "*" },
                Action: "kms:CreateGrant",
                Resource: "*",
                Condition: { ...onlyAutoScaling, Bool: { "kms:GrantIsForAWSResource": "true" } },
            });
        }
        if (purpose === "logs") {
            statements.push(cloudWatchLogsUseKey(partition, region, dnsSuffix, accountId), {
                Sid: "CloudTrailOfThisAccountEncrypts",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "kms:GenerateDataKey*",
                Resource: "*",
                Condition: {
                    StringEquals: { "aws:SourceAccount": accountId },
                    StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:${partition}:cloudtrail:*:${accountId}:trail/*` },
                },
            }, {
                Sid: "CloudTrailDescribesKey",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "kms:DescribeKey",
                Resource: "*",
                Condition: { StringEquals: { "aws:SourceAccount": accountId } },
            });
        }
        return JSON.stringify({ Version: "2012-10-17", Statement: statements });
    });
}

/**
 * One customer-managed KMS key per purpose (`KEY_PURPOSES`), rotated every `keys.rotationDays`,
 * with a key policy and an alias. Keys are stateful: protected in prod, and the longest deletion
 * window (30 days) in prod as the cloud-side guard (KMS has no deletion-protection flag).
 */
export function createKeys(name: string, parent: pulumi.Resource, args: AwsKeysArgs): AwsKeysResult {
    const { ctx, account } = args;
    const prod = ctx.config.environment === "prod";
    const keys = {} as Record<KeyPurpose, aws.kms.Key>;
    for (const purpose of KEY_PURPOSES) {
        const key = new aws.kms.Key(childName(name, purpose), {
            description: `${ctx.naming.physical("aws.generic", purpose)}: ${PURPOSE_TEXT[purpose]}`,
            keyUsage: "ENCRYPT_DECRYPT",
            customerMasterKeySpec: "SYMMETRIC_DEFAULT",
            enableKeyRotation: true,
            rotationPeriodInDays: ctx.config.keys.rotationDays,
            deletionWindowInDays: prod ? 30 : 7,
            multiRegion: false,
            policy: keyPolicy(purpose, account),
        }, { parent, protect: ctx.config.protectStateful });
        new aws.kms.Alias(childName(name, purpose, "alias"), {
            name: `alias/${ctx.naming.physical("aws.generic", purpose)}`,
            targetKeyId: key.keyId,
        }, { parent });
        keys[purpose] = key;
    }
    const keyIds = Object.fromEntries(KEY_PURPOSES.map((p) => [p, keys[p].arn])) as Record<KeyPurpose, pulumi.Output<string>>;
    return { keys, outputs: { keyIds, rotationDays: ctx.config.keys.rotationDays } };
}

/** KMS keys per purpose (`landing-zone:aws:Keys`). `keyIds` are key ARNs. */
export class AwsKeys extends pulumi.ComponentResource {
    readonly result: AwsKeysResult;

    constructor(name: string, args: AwsKeysArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:aws:Keys", name, {}, opts);
        this.result = createKeys(name, this, args);
        this.registerOutputs({ keyIds: this.result.outputs.keyIds });
    }
}
