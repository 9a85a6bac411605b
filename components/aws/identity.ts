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
    namespace: string;
    serviceAccountName: string;
    /** The cluster's IAM OIDC provider (IRSA) and its issuer URL. */
    oidcProviderArn: pulumi.Input<string>;
    oidcProviderUrl: pulumi.Input<string>;
    access: WorkloadAccess;
}

export interface WorkloadIdentityResult {
    role: aws.iam.Role;
    policy: aws.iam.RolePolicy;
    outputs: WorkloadIdentityOutputs;
}

/** A trust policy for exactly one ServiceAccount of one cluster (IRSA). */
export function irsaTrustPolicy(providerArn: string, providerUrl: string, namespace: string, serviceAccount: string): string {
    const issuer = providerUrl.replace(/^https:\/\//, "");
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{
            Effect: "Allow",
            Principal: { Federated: providerArn },
            Action: "sts:AssumeRoleWithWebIdentity",
            Condition: {
                StringEquals: {
                    [`${issuer}:sub`]: `system:serviceaccount:${namespace}:${serviceAccount}`,
                    [`${issuer}:aud`]: "sts.amazonaws.com",
                },
            },
        }],
    });
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
 * The domain workload's AWS identity (IRSA): an IAM role only the domain's ServiceAccount on the
 * platform cluster can assume, with an inline least-privilege policy on the domain's own resources.
 */
export function createWorkloadIdentity(name: string, parent: pulumi.Resource, args: WorkloadIdentityArgs): WorkloadIdentityResult {
    const { ctx, namespace, serviceAccountName, access } = args;
    const role = new aws.iam.Role(childName(name, "role"), {
        name: ctx.naming.physical("aws.iamRole", "workload"),
        description: `Workload identity of ServiceAccount ${namespace}/${serviceAccountName}`,
        assumeRolePolicy: pulumi.all([args.oidcProviderArn, args.oidcProviderUrl]).apply(([arn, url]) =>
            irsaTrustPolicy(arn, url, namespace, serviceAccountName)),
        maxSessionDuration: 3600,
    }, { parent });
    const policy = new aws.iam.RolePolicy(childName(name, "policy"), {
        name: "domain-resources",
        role: role.id,
        policy: pulumi.output({
            bucketArn: access.bucketArn,
            queueArn: access.queueArn,
            deadLetterQueueArn: access.deadLetterQueueArn,
            databaseConnectArns: pulumi.all(access.databaseConnectArns),
            cacheArns: pulumi.all(access.cacheArns),
            kmsKeyArn: access.kmsKeyArn,
        }).apply(workloadPolicy),
    }, { parent });
    return { role, policy, outputs: { namespace, serviceAccountName, principal: role.arn } };
}

/** A domain's workload identity (`landing-zone:aws:WorkloadIdentity`). */
export class WorkloadIdentity extends pulumi.ComponentResource {
    readonly result: WorkloadIdentityResult;

    constructor(name: string, args: WorkloadIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:aws:WorkloadIdentity", name, {}, opts);
        this.result = createWorkloadIdentity(name, this, args);
        this.registerOutputs({ principal: this.result.outputs.principal });
    }
}
