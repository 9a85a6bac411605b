import type * as pulumi from "@pulumi/pulumi";

/** What the worker consumes: the domain's queue, in cloud-neutral words. */
export type WorkerTrigger = "queue" | "queue+schedule";

/**
 * The domain's serverless queue worker (Lambda, Azure Functions, Cloud Run). The same config gives
 * the same shape on each cloud; the parity test compares these fields.
 */
export interface WorkerOutputs {
    /** Function / function app / Cloud Run service name. */
    name: pulumi.Output<string>;
    trigger: WorkerTrigger;
    /** Messages handed to one invocation (gcp: taken at once by one instance, one per push request). */
    batchSize: number;
    /** Batches processed at once, at most. */
    maxConcurrency: number;
    timeoutSeconds: number;
    /** Instances kept warm (billed while idle). */
    warmInstances: number;
    /** Where messages that keep failing go: the domain queue's dead-letter queue / topic. */
    deadLetterQueueId: pulumi.Output<string>;
    /** Runs inside the landing zone network (reaches the database and cache privately). */
    privateEgress: boolean;
    /** The worker's own identity: role ARN, managed identity client id, service account e-mail. */
    principal: pulumi.Output<string>;
    /** What that identity may reach: the domain's own resources, by capability. */
    identityScope: string[];
    /** The human step left, if any (e.g. publish the first code package). */
    nextStep: string;
}
