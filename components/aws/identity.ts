import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext, WorkloadIdentityOutputs } from "../core/contracts";
import { childName } from "../core/naming";

/** The domain's own resources the workload may use, by ARN. Nothing else is granted. */
export interface WorkloadAccess {
    bucketArn: pulumi.Input<string>;
    queueArn: pulumi.Input<string>;
    deadLetterQueueArn: pulumi.Input<string>;
    /** `rds-db:connect` ARNs of the IAM database user. */
    databaseConnectArns: pulumi.Input<string>[];
    /** ElastiCache replication group and user ARNs (`elasticache:Connect`), when there is a cache. */
    cacheArns: pulumi.Input<string>[];
    kmsKeyArn: pulumi.Input<string>;
}

export interface WorkloadIdentityArgs {
    ctx: StackContext;
    /** The domain's home as the platform vended it (namespace, ServiceAccount, workload role). */
    home: { namespace: string; serviceAccountName: string; workloadRoleName: pulumi.Input<string>; workloadPrincipal: pulumi.Input<string> };
    access: WorkloadAccess;
}

export interface WorkloadIdentityResult {
    policy: aws.iam.RolePolicy;
    outputs: WorkloadIdentityOutputs;
}

interface Statement {
    Sid: string;
    Effect: "Allow";
    Action: string[];
    Resource: string[];
}

/**
 * The workload's permissions: explicit actions on the domain's own ARNs only (no `*` resource, no
 * wildcard action). Objects are addressed as `<bucket ARN>/*`, the bucket's own object space.
 */
export function workloadPolicy(access: {
    bucketArn: string; queueArn: string; deadLetterQueueArn: string;
    databaseConnectArns: string[]; cacheArns: string[]; kmsKeyArn: string;
}): string {
    const known = (arns: string[]) => arns.filter((arn) => !!arn);
    const statements: Statement[] = [
        { Sid: "BucketList", Effect: "Allow", Action: ["s3:ListBucket", "s3:GetBucketLocation"], Resource: [access.bucketArn] },
        {
            Sid: "BucketObjects",
            Effect: "Allow",
            Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:GetObjectVersion"],
            Resource: [`${access.bucketArn}/*`],
        },
        {
            Sid: "WorkQueue",
            Effect: "Allow",
            Action: ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility",
                "sqs:GetQueueAttributes", "sqs:GetQueueUrl"],
            Resource: [access.queueArn],
        },
        {
            Sid: "DeadLetterQueue",
            Effect: "Allow",
            Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"],
            Resource: [access.deadLetterQueueArn],
        },
        { Sid: "DatabaseIamAuth", Effect: "Allow", Action: ["rds-db:connect"], Resource: known(access.databaseConnectArns) },
        { Sid: "CacheIamAuth", Effect: "Allow", Action: ["elasticache:Connect"], Resource: known(access.cacheArns) },
        { Sid: "DomainKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"], Resource: [access.kmsKeyArn] },
    ];
    return JSON.stringify({ Version: "2012-10-17", Statement: statements.filter((s) => s.Resource.length > 0) });
}

/**
 * The domain workload's AWS permissions: an inline least-privilege policy on the domain's own
 * resources, attached to the workload role the platform vended (and bound to the namespace's
 * ServiceAccount with an EKS Pod Identity association). The domain stack creates no role and no
 * binding: its deployer needs `iam:PutRolePolicy` on this one role, nothing on EKS.
 */
export function createWorkloadIdentity(name: string, parent: pulumi.Resource, args: WorkloadIdentityArgs): WorkloadIdentityResult {
    const { home, access } = args;
    const policy = new aws.iam.RolePolicy(childName(name, "policy"), {
        name: "domain-resources",
        role: home.workloadRoleName,
        policy: pulumi.output({
            bucketArn: access.bucketArn,
            queueArn: access.queueArn,
            deadLetterQueueArn: access.deadLetterQueueArn,
            databaseConnectArns: pulumi.all(access.databaseConnectArns),
            cacheArns: pulumi.all(access.cacheArns),
            kmsKeyArn: access.kmsKeyArn,
        }).apply(workloadPolicy),
    }, { parent });
    return {
        policy,
        outputs: { namespace: home.namespace, serviceAccountName: home.serviceAccountName, principal: pulumi.output(home.workloadPrincipal) },
    };
}

/** A domain's workload permissions (`landing-zone:aws:WorkloadIdentity`). */
export class WorkloadIdentity extends pulumi.ComponentResource {
    readonly result: WorkloadIdentityResult;

    constructor(name: string, args: WorkloadIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:aws:WorkloadIdentity", name, {}, opts);
        this.result = createWorkloadIdentity(name, this, args);
        this.registerOutputs({ principal: this.result.outputs.principal });
    }
}
