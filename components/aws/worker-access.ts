import * as pulumi from "@pulumi/pulumi";

/** The domain resources the worker's execution role may use, by ARN. Nothing else is granted. */
export interface WorkerAccess {
    queueArn: pulumi.Input<string>;
    deadLetterQueueArn: pulumi.Input<string>;
    kmsKeyArn: pulumi.Input<string>;
    bucketArn: pulumi.Input<string>;
    /** `rds-db:connect` ARNs of the IAM database user (empty when the worker does not reach data). */
    databaseConnectArns: pulumi.Input<string>[];
    logGroupArn: pulumi.Input<string>;
}

/** The capabilities the policy grants, in the contract's words (parity: identity scope). */
export function workerScope(reachesData: boolean): string[] {
    return ["queue", "dead-letter-queue", "key", "bucket", ...(reachesData ? ["database"] : []), "logs"];
}

/**
 * The execution role's inline policy: consume the domain queue (the event source mapping polls with
 * this role), send to its DLQ, use the domain key, read/write the domain bucket, connect to the
 * database as the IAM user, write its own log group. Every statement names its resources.
 */
export function workerPolicy(access: WorkerAccess): pulumi.Output<string> {
    return pulumi.all([
        access.queueArn, access.deadLetterQueueArn, access.kmsKeyArn, access.bucketArn,
        pulumi.all(access.databaseConnectArns), access.logGroupArn,
    ]).apply(([queue, dlq, key, bucket, connect, logGroup]) => JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            { Sid: "ConsumeQueue", Effect: "Allow", Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes"], Resource: [queue] },
            { Sid: "DeadLetter", Effect: "Allow", Action: ["sqs:SendMessage", "sqs:GetQueueAttributes"], Resource: [dlq] },
            { Sid: "DomainKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: [key] },
            { Sid: "DomainBucket", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: [`${bucket}/*`] },
            { Sid: "ListDomainBucket", Effect: "Allow", Action: ["s3:ListBucket"], Resource: [bucket] },
            ...(connect.filter((a) => a).length > 0
                ? [{ Sid: "DatabaseConnect", Effect: "Allow", Action: ["rds-db:connect"], Resource: connect.filter((a) => a) }]
                : []),
            { Sid: "OwnLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: [`${logGroup}:*`] },
        ],
    }));
}
