import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../core/contracts";
import { childName } from "../core/naming";

export interface AccountBaselineArgs {
    ctx: StackContext;
    partition: string;
    accountId: pulumi.Output<string>;
    /** The account's provider (the management account's own, or a member account's assumed role). */
    provider: aws.Provider;
    /** The log-archive bucket (Config snapshots) and the grant that lets Config write there. */
    archiveBucket: pulumi.Input<string>;
    archiveGrant: pulumi.Resource;
}

/**
 * What every account the organization manages gets: the account-level S3 public access block (all
 * four switches), EBS encryption by default in the stack's region, and an AWS Config recorder (all
 * resources, global types included) delivering to the log archive. The SCP baseline keeps
 * workloads from turning any of it off.
 */
export function createAccountBaseline(name: string, parent: pulumi.Resource, args: AccountBaselineArgs) {
    const opts = { parent, provider: args.provider };
    const publicAccessBlock = new aws.s3.AccountPublicAccessBlock(childName(name, "s3-public-access"), {
        accountId: args.accountId,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
    }, opts);
    const ebsEncryption = new aws.ebs.EncryptionByDefault(childName(name, "ebs-encryption"), { enabled: true }, opts);
    // Config records through its service-linked role, created here so the recorder can use it.
    const configRole = new aws.iam.ServiceLinkedRole(childName(name, "config-role"), {
        awsServiceName: "config.amazonaws.com",
    }, opts);
    const recorderName = args.ctx.naming.physical("aws.generic", "config");
    const recorder = new aws.cfg.Recorder(childName(name, "config-recorder"), {
        name: recorderName,
        roleArn: configRole.arn,
        recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
    }, opts);
    const channel = new aws.cfg.DeliveryChannel(childName(name, "config-delivery"), {
        name: recorderName,
        s3BucketName: args.archiveBucket,
        snapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" },
    }, { ...opts, dependsOn: [recorder, args.archiveGrant] });
    const status = new aws.cfg.RecorderStatus(childName(name, "config-status"), {
        name: recorder.name,
        isEnabled: true,
    }, { ...opts, dependsOn: [channel] });
    return { publicAccessBlock, ebsEncryption, recorder, channel, status };
}
