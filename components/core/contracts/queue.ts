import type * as pulumi from "@pulumi/pulumi";

/** A work queue and its dead-letter queue (SQS, Service Bus, Pub/Sub). */
export interface QueueOutputs {
    /** Queue URL / queue resource id / topic id. */
    queueId: pulumi.Output<string>;
    /** Where dead letters land: DLQ ARN, the Service Bus `$DeadLetterQueue` path, dead-letter topic id. */
    deadLetterQueueId: pulumi.Output<string>;
    maxReceiveCount: number;
    /** Where consumers read (SQS queue URL, Service Bus queue, Pub/Sub subscription). */
    subscriptionId: pulumi.Output<string>;
}
