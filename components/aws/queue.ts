import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { QueueOutputs, StackContext } from "../core/contracts";
import { childName } from "../core/naming";

export interface WorkQueueArgs {
    ctx: StackContext;
    /** KMS key ARN encrypting both queues. */
    kmsKeyArn: pulumi.Input<string>;
}

export interface WorkQueueResult {
    queue: aws.sqs.Queue;
    deadLetterQueue: aws.sqs.Queue;
    outputs: QueueOutputs;
}

/** SQS's longest retention: the dead-letter queue keeps messages as long as SQS allows. */
export const MAX_RETENTION_SECONDS = 14 * 24 * 3600;
const DATA_KEY_REUSE_SECONDS = 300;

/**
 * Denies every request over plain HTTP. (The queue's own account still grants access through IAM;
 * no principal is allowed here.)
 */
export function tlsOnlyQueuePolicy(queueArn: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: "*",
            Action: "sqs:*",
            Resource: queueArn,
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        }],
    });
}

/**
 * The domain's work queue and its dead-letter queue: both KMS-encrypted and TLS-only; the queue
 * redrives to the DLQ after `queue.maxReceiveCount` receives; the DLQ keeps messages 14 days
 * (longer than the queue: an SQS message's age counts from its first enqueue) and accepts redrives
 * from this queue only. Queues are stateful: protected in prod.
 */
export function createWorkQueue(name: string, parent: pulumi.Resource, args: WorkQueueArgs): WorkQueueResult {
    const { ctx } = args;
    const cfg = ctx.config.queue;
    const stateful = { parent, protect: ctx.config.protectStateful };
    const encryption = { kmsMasterKeyId: args.kmsKeyArn, kmsDataKeyReusePeriodSeconds: DATA_KEY_REUSE_SECONDS };

    const deadLetterQueue = new aws.sqs.Queue(childName(name, "dlq"), {
        name: ctx.naming.physical("aws.sqsQueue", "work", "dlq"),
        messageRetentionSeconds: MAX_RETENTION_SECONDS,
        visibilityTimeoutSeconds: cfg.visibilityTimeoutSeconds,
        ...encryption,
    }, stateful);
    const queue = new aws.sqs.Queue(childName(name, "queue"), {
        name: ctx.naming.physical("aws.sqsQueue", "work"),
        messageRetentionSeconds: cfg.retentionDays * 24 * 3600,
        visibilityTimeoutSeconds: cfg.visibilityTimeoutSeconds,
        receiveWaitTimeSeconds: 20,
        redrivePolicy: pulumi.jsonStringify({ deadLetterTargetArn: deadLetterQueue.arn, maxReceiveCount: cfg.maxReceiveCount }),
        ...encryption,
    }, stateful);

    new aws.sqs.RedriveAllowPolicy(childName(name, "dlq-redrive-allow"), {
        queueUrl: deadLetterQueue.url,
        redriveAllowPolicy: pulumi.jsonStringify({ redrivePermission: "byQueue", sourceQueueArns: [queue.arn] }),
    }, { parent });
    new aws.sqs.QueuePolicy(childName(name, "queue-policy"), {
        queueUrl: queue.url,
        policy: tlsOnlyQueuePolicy(queue.arn),
    }, { parent });
    new aws.sqs.QueuePolicy(childName(name, "dlq-policy"), {
        queueUrl: deadLetterQueue.url,
        policy: tlsOnlyQueuePolicy(deadLetterQueue.arn),
    }, { parent });

    return {
        queue,
        deadLetterQueue,
        outputs: {
            queueId: queue.url,
            deadLetterQueueId: deadLetterQueue.arn,
            maxReceiveCount: cfg.maxReceiveCount,
            subscriptionId: queue.url,
        },
    };
}

/** A domain's work queue + dead-letter queue (`landing-zone:aws:WorkQueue`). */
export class WorkQueue extends pulumi.ComponentResource {
    readonly result: WorkQueueResult;

    constructor(name: string, args: WorkQueueArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:aws:WorkQueue", name, {}, opts);
        this.result = createWorkQueue(name, this, args);
        this.registerOutputs({ queueId: this.result.outputs.queueId, deadLetterQueueId: this.result.outputs.deadLetterQueueId });
    }
}
