import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext, WorkerOutputs } from "../core/contracts";
import { childName, type Naming } from "../core/naming";
import { serviceTrustPolicy } from "./iam";
import { appRepositoryName } from "./pipeline/artifacts";
import { partitionOf } from "./provider";
import { type WorkerAccess, workerPolicy, workerScope } from "./worker-access";
import { lambdaRuntime, schedulerCron } from "./worker-runtime";

/** Managed policies the service needs and that name no resource of ours: ENIs in the VPC, X-Ray segments. */
const VPC_ACCESS_POLICY = "service-role/AWSLambdaVPCAccessExecutionRole";
const XRAY_POLICY = "AWSXRayDaemonWriteAccess";

/** The worker function's name (a domain's repository policy names it before the function exists). */
export function workerFunctionName(naming: Naming): string {
    return naming.physical("aws.generic", "worker");
}

export interface WorkerArgs {
    ctx: StackContext;
    access: Omit<WorkerAccess, "logGroupArn">;
    /** Bucket holding zip packages (the domain's bucket). */
    bucketName: pulumi.Input<string>;
    /** ECR repository URL images come from (the domain's pipeline repository). */
    imageRepositoryUrl: pulumi.Input<string>;
    /** The repository policy that lets Lambda pull the image (a domain in its own account): created first. */
    imageGrant?: pulumi.Resource;
    /** The platform's logs key (its policy admits this account's log groups). */
    logsKmsKeyArn: pulumi.Input<string>;
    /** Network placement when `worker.reachesData`: the private subnets and the worker's security group. */
    network?: {
        privateSubnetIds: pulumi.Input<string[]>;
        securityGroup: aws.ec2.SecurityGroup;
    };
}

export interface WorkerResult {
    fn: aws.lambda.Function;
    alias: aws.lambda.Alias;
    mapping: aws.lambda.EventSourceMapping;
    role: aws.iam.Role;
    outputs: WorkerOutputs;
}

/**
 * The domain's queue worker on AWS: a Lambda function (image from the domain's ECR repository or a
 * zip from its bucket) behind a `live` alias, consuming the SQS queue through an event source
 * mapping (batch size, window, ReportBatchItemFailures, maximum concurrency) with reserved
 * concurrency as the hard cap; in the private subnets with its own security group
 * (`worker-network.ts`) when it reaches data; its own KMS-encrypted log group; X-Ray active tracing; a least-privilege execution role
 * granted before the function and the mapping are created; optionally an EventBridge Scheduler
 * schedule invoking the alias.
 */
export function createWorker(name: string, parent: pulumi.Resource, args: WorkerArgs): WorkerResult {
    const { ctx } = args;
    const w = ctx.config.worker;
    const opts = { parent };
    const partition = partitionOf(ctx.config.region);
    const functionName = workerFunctionName(ctx.naming);

    const logGroup = new aws.cloudwatch.LogGroup(childName(name, "logs"), {
        name: `/aws/lambda/${functionName}`,
        retentionInDays: ctx.config.logging.retentionDays,
        kmsKeyId: args.logsKmsKeyArn,
    }, opts);

    const role = new aws.iam.Role(childName(name, "role"), {
        name: ctx.naming.physical("aws.iamRole", "worker"),
        assumeRolePolicy: serviceTrustPolicy("lambda.amazonaws.com"),
    }, opts);
    const grants: pulumi.Resource[] = [new aws.iam.RolePolicy(childName(name, "policy"), {
        role: role.name,
        policy: workerPolicy({ ...args.access, logGroupArn: logGroup.arn }),
    }, opts)];
    const managed = [...(args.network ? [VPC_ACCESS_POLICY] : []), ...(w.tracing ? [XRAY_POLICY] : [])];
    for (const policy of managed) {
        grants.push(new aws.iam.RolePolicyAttachment(childName(name, policy.split("/").pop()!), {
            role: role.name,
            policyArn: `arn:${partition}:iam::aws:policy/${policy}`,
        }, opts));
    }

    const code = w.package === "image"
        ? { packageType: "Image", imageUri: pulumi.interpolate`${args.imageRepositoryUrl}${w.artifact?.startsWith("sha256:") ? "@" : ":"}${w.artifact ?? ""}` }
        : { packageType: "Zip", s3Bucket: args.bucketName, s3Key: w.artifact, runtime: lambdaRuntime(w.runtime), handler: w.handler };
    const fn = new aws.lambda.Function(childName(name, "function"), {
        name: functionName,
        ...code,
        role: role.arn,
        memorySize: w.memoryMb,
        timeout: w.timeoutSeconds,
        // The hard cap: the mapping's maximum concurrency never exceeds it, other invokers cannot starve it.
        reservedConcurrentExecutions: w.maxConcurrency,
        publish: true,
        kmsKeyArn: args.access.kmsKeyArn,
        environment: { variables: { QUEUE_ARN: args.access.queueArn, ...w.environment } },
        vpcConfig: args.network ? { subnetIds: args.network.privateSubnetIds, securityGroupIds: [args.network.securityGroup.id] } : undefined,
        loggingConfig: { logFormat: "JSON", logGroup: logGroup.name },
        tracingConfig: { mode: w.tracing ? "Active" : "PassThrough" },
    }, { parent, dependsOn: [logGroup, ...grants, ...(w.package === "image" && args.imageGrant ? [args.imageGrant] : [])] });

    const alias = new aws.lambda.Alias(childName(name, "live"), {
        name: "live",
        functionName: fn.name,
        functionVersion: fn.version,
    }, opts);
    if (w.warmInstances > 0) {
        new aws.lambda.ProvisionedConcurrencyConfig(childName(name, "warm"), {
            functionName: fn.name,
            qualifier: alias.name,
            provisionedConcurrentExecutions: w.warmInstances,
        }, opts);
    }

    const mapping = new aws.lambda.EventSourceMapping(childName(name, "trigger"), {
        eventSourceArn: args.access.queueArn,
        functionName: alias.arn,
        batchSize: w.batchSize,
        maximumBatchingWindowInSeconds: w.batchWindowSeconds,
        functionResponseTypes: ["ReportBatchItemFailures"],
        scalingConfig: { maximumConcurrency: w.maxConcurrency },
        enabled: true,
    }, { parent, dependsOn: grants });

    if (w.schedule) {
        const schedulerRole = new aws.iam.Role(childName(name, "scheduler-role"), {
            name: ctx.naming.physical("aws.iamRole", "worker", "scheduler"),
            assumeRolePolicy: serviceTrustPolicy("scheduler.amazonaws.com"),
        }, opts);
        const invoke = new aws.iam.RolePolicy(childName(name, "scheduler-policy"), {
            role: schedulerRole.name,
            policy: pulumi.jsonStringify({
                Version: "2012-10-17",
                Statement: [
                    { Sid: "InvokeWorker", Effect: "Allow", Action: ["lambda:InvokeFunction"], Resource: [alias.arn] },
                    { Sid: "DeadLetter", Effect: "Allow", Action: ["sqs:SendMessage"], Resource: [args.access.deadLetterQueueArn] },
                    { Sid: "DomainKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: [args.access.kmsKeyArn] },
                ],
            }),
        }, opts);
        new aws.scheduler.Schedule(childName(name, "schedule"), {
            name: ctx.naming.physical("aws.generic", "worker", "schedule"),
            scheduleExpression: schedulerCron(w.schedule),
            scheduleExpressionTimezone: "UTC",
            flexibleTimeWindow: { mode: "OFF" },
            kmsKeyArn: args.access.kmsKeyArn,
            target: {
                arn: alias.arn,
                roleArn: schedulerRole.arn,
                input: JSON.stringify({ trigger: "schedule" }),
                retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 3600 },
                deadLetterConfig: { arn: args.access.deadLetterQueueArn },
            },
        }, { parent, dependsOn: [invoke] });
    }

    return {
        fn, alias, mapping, role,
        outputs: {
            name: fn.name,
            trigger: w.schedule ? "queue+schedule" : "queue",
            batchSize: w.batchSize,
            maxConcurrency: w.maxConcurrency,
            timeoutSeconds: w.timeoutSeconds,
            warmInstances: w.warmInstances,
            deadLetterQueueId: pulumi.output(args.access.deadLetterQueueArn),
            privateEgress: args.network !== undefined,
            principal: role.arn,
            identityScope: workerScope(w.reachesData),
            nextStep: workerNextStep(ctx),
        },
    };
}

/**
 * What the team does for the worker, which no pipeline builds (the domain's pipeline builds and
 * deploys the app image only): put the artifact where the function reads it before the `up` that
 * creates or updates the function, and on a new domain create its repository or bucket first.
 */
export function workerNextStep(ctx: StackContext): string {
    const w = ctx.config.worker;
    const artifact = w.artifact ?? "";
    const release = "for a new release push a new artifact, set worker.artifact to it and run pulumi up";
    if (w.package === "image") {
        const repository = appRepositoryName(ctx.naming);
        const where = ctx.config.pipeline.enabled
            ? "this stack creates it with the pipeline (a new domain: first pulumi up with worker.enabled: false, then push, then enable the worker)"
            : "with pipeline.enabled: false this stack does not create it: create it (KMS-encrypted with the domain key) before pushing";
        return `No pipeline builds the worker: build its image for Lambda (linux/amd64) and push it as ${repository}:${artifact} `
            + `(stack output pipeline.imageRepository) before the pulumi up that creates the function; the repository: ${where}; ${release}.`;
    }
    return `No pipeline builds the worker: upload its zip to s3://<stack output objectStore.bucketName>/${artifact} (the bucket encrypts it with the domain key) `
        + `before the pulumi up that creates the function; a new domain: first pulumi up with worker.enabled: false (it creates the bucket), then upload, then enable the worker; ${release}.`;
}

/** The domain's serverless queue worker (`landing-zone:aws:Worker`). */
export class Worker extends pulumi.ComponentResource {
    readonly result: WorkerResult;

    constructor(name: string, args: WorkerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:aws:Worker", name, {}, opts);
        this.result = createWorker(name, this, args);
        this.registerOutputs({ name: this.result.outputs.name });
    }
}
