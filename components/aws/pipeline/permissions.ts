import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../../core/contracts";
import { childName } from "../../core/naming";
import { pipelineRoleName } from "../build-contract";
import { serviceTrustPolicy } from "../iam";
import type { PipelineArtifacts } from "./artifacts";
import { policyDocument, type PolicyStatement } from "./policy";

/** The role CodePipeline runs as. */
export function createPipelineRole(name: string, parent: pulumi.Resource, ctx: StackContext): aws.iam.Role {
    return new aws.iam.Role(childName(name, "pipeline-role"), {
        name: pipelineRoleName(ctx.naming),
        description: "CodePipeline of the domain",
        assumeRolePolicy: serviceTrustPolicy("codepipeline.amazonaws.com"),
    }, { parent });
}

/**
 * What the pipeline role may do, on the pipeline's own resources only: read the source, read and
 * write artifacts, start its CodeBuild projects, use the domain key. The pipeline depends on it.
 */
export function createPipelinePolicy(name: string, parent: pulumi.Resource, args: {
    role: aws.iam.Role; source: PolicyStatement; artifacts: PipelineArtifacts; projects: aws.codebuild.Project[]; kmsKeyArn: pulumi.Input<string>;
    /** Further statements (a domain in its own account: assume the platform's action role). */
    extra?: PolicyStatement[];
}): aws.iam.RolePolicy {
    const { artifacts } = args;
    return new aws.iam.RolePolicy(childName(name, "pipeline-policy"), {
        name: "pipeline",
        role: args.role.id,
        policy: policyDocument([
            args.source,
            { Sid: "ArtifactObjects", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"], Resource: [pulumi.interpolate`${artifacts.artifactBucket.arn}/*`] },
            { Sid: "ArtifactBucket", Effect: "Allow", Action: ["s3:GetBucketVersioning", "s3:GetBucketLocation", "s3:ListBucket"], Resource: [artifacts.artifactBucket.arn] },
            { Sid: "Builds", Effect: "Allow", Action: ["codebuild:StartBuild", "codebuild:BatchGetBuilds"], Resource: args.projects.map((p) => p.arn) },
            { Sid: "DomainKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"], Resource: [args.kmsKeyArn] },
            ...(args.extra ?? []),
        ]),
    }, { parent });
}
