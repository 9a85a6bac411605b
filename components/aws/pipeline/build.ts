import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../../core/contracts";
import { childName } from "../../core/naming";
import { serviceTrustPolicy } from "../iam";
import type { PipelineArtifacts } from "./artifacts";
import { policyDocument, type PolicyStatement } from "./policy";
import { codeBuildProject, plainVariables } from "./project";

/**
 * Builds the image from the application source and pushes it to the domain repository. The tag is
 * the commit plus CodeBuild's build number, so a rebuild of the same commit pushes a new tag (the
 * repository's tags are immutable) and every release names the build that made it.
 */
export const BUILD_SPEC = [
    "version: 0.2",
    "phases:",
    "  pre_build:",
    "    commands:",
    "      - aws ecr get-login-password --region \"$AWS_REGION\" | docker login --username AWS --password-stdin \"${REPOSITORY_URI%%/*}\"",
    "      - IMAGE_TAG=\"$(echo \"$CODEBUILD_RESOLVED_SOURCE_VERSION\" | cut -c1-12)-b$CODEBUILD_BUILD_NUMBER\"",
    "  build:",
    "    commands:",
    "      - docker build --pull -t \"$REPOSITORY_URI:$IMAGE_TAG\" .",
    "  post_build:",
    "    commands:",
    "      - docker push \"$REPOSITORY_URI:$IMAGE_TAG\"",
    "      - printf 'IMAGE_URI=%s\\n' \"$REPOSITORY_URI:$IMAGE_TAG\" > image.env",
    "artifacts:",
    "  files:",
    "    - image.env",
].join("\n");

export interface PipelineBuild {
    role: aws.iam.Role;
    project: aws.codebuild.Project;
}

/** What CodeBuild reads of the artifact bucket itself besides its objects (the service role policy the CodeBuild guide gives). */
export const ARTIFACT_BUCKET_READS = ["s3:GetBucketAcl", "s3:GetBucketLocation", "s3:ListBucket"];

/** The bucket-level reads of the pipeline's artifact bucket. */
export function artifactBucketStatement(bucketArn: pulumi.Input<string>): PolicyStatement {
    return { Sid: "ArtifactBucket", Effect: "Allow", Action: ARTIFACT_BUCKET_READS, Resource: [bucketArn] };
}

/** Log streams of the pipeline's log group: what every project writes. */
export function buildLogsStatement(logGroup: aws.cloudwatch.LogGroup): PolicyStatement {
    return { Sid: "BuildLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: [pulumi.interpolate`${logGroup.arn}:*`] };
}

/** The build stage: a privileged (Docker) CodeBuild project whose role may push to the domain repository only. */
export function createPipelineBuild(name: string, parent: pulumi.Resource, args: {
    ctx: StackContext; kmsKeyArn: pulumi.Input<string>; artifacts: PipelineArtifacts;
}): PipelineBuild {
    const { ctx, artifacts } = args;
    const role = new aws.iam.Role(childName(name, "build-role"), {
        name: ctx.naming.physical("aws.iamRole", "build"),
        description: "CodeBuild: builds and pushes the domain image",
        assumeRolePolicy: serviceTrustPolicy("codebuild.amazonaws.com"),
    }, { parent });
    const policy = new aws.iam.RolePolicy(childName(name, "build-policy"), {
        name: "build",
        role: role.id,
        policy: policyDocument([
            buildLogsStatement(artifacts.logGroup),
            { Sid: "Artifacts", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"], Resource: [pulumi.interpolate`${artifacts.artifactBucket.arn}/*`] },
            artifactBucketStatement(artifacts.artifactBucket.arn),
            // GetAuthorizationToken has no resource-level permission: AWS requires "*" for it.
            { Sid: "RegistryLogin", Effect: "Allow", Action: ["ecr:GetAuthorizationToken"], Resource: ["*"] },
            {
                Sid: "PushDomainImage",
                Effect: "Allow",
                Action: ["ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
                    "ecr:CompleteLayerUpload", "ecr:PutImage", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
                Resource: [artifacts.imageRepository.arn],
            },
            { Sid: "DomainKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"], Resource: [args.kmsKeyArn] },
        ]),
    }, { parent });
    const project = codeBuildProject(name, parent, {
        naming: ctx.naming,
        purpose: "build",
        description: "Builds and pushes the domain image",
        role,
        buildspec: BUILD_SPEC,
        privileged: true,
        variables: plainVariables({ REPOSITORY_URI: artifacts.imageRepository.repositoryUrl }),
        kmsKeyArn: args.kmsKeyArn,
        logGroup: artifacts.logGroup,
        dependsOn: [policy],
    });
    return { role, project };
}
