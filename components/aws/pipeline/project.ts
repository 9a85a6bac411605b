import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName, type Naming } from "../../core/naming";

/** The CodeBuild image of every project (Amazon Linux 2023). */
export const BUILD_IMAGE = "aws/codebuild/amazonlinux-x86_64-standard:5.0";

export interface ProjectSpec {
    /** The domain's naming (the project's physical name). */
    naming: Naming;
    /** Physical name part and logical child name (`build`, `deploy`, `database`). */
    purpose: string;
    description: string;
    /** The project's service role (its ARN). */
    role: { arn: pulumi.Input<string> };
    buildspec: string;
    /** Docker builds need a privileged build container; nothing else does. */
    privileged: boolean;
    variables: pulumi.Input<pulumi.Input<aws.types.input.codebuild.ProjectEnvironmentEnvironmentVariable>[]>;
    kmsKeyArn: pulumi.Input<string>;
    logGroup: aws.cloudwatch.LogGroup;
    vpcConfig?: aws.types.input.codebuild.ProjectVpcConfig;
    /** What CreateProject checks at once (the role's policies, e.g. its VPC permissions). */
    dependsOn: pulumi.Resource[];
}

/** A CodeBuild project run by the pipeline: KMS-encrypted, logs to the pipeline's log group, bounded run time. */
export function codeBuildProject(name: string, parent: pulumi.Resource, spec: ProjectSpec): aws.codebuild.Project {
    return new aws.codebuild.Project(childName(name, spec.purpose), {
        name: spec.naming.physical("aws.generic", spec.purpose),
        description: spec.description,
        serviceRole: spec.role.arn,
        encryptionKey: spec.kmsKeyArn,
        buildTimeout: 30,
        queuedTimeout: 60,
        source: { type: "CODEPIPELINE", buildspec: spec.buildspec },
        artifacts: { type: "CODEPIPELINE" },
        environment: {
            computeType: "BUILD_GENERAL1_SMALL",
            image: BUILD_IMAGE,
            type: "LINUX_CONTAINER",
            imagePullCredentialsType: "CODEBUILD",
            privilegedMode: spec.privileged,
            environmentVariables: spec.variables,
        },
        logsConfig: {
            cloudwatchLogs: { status: "ENABLED", groupName: spec.logGroup.name, streamName: spec.purpose },
            s3Logs: { status: "DISABLED" },
        },
        vpcConfig: spec.vpcConfig,
    }, { parent, dependsOn: [spec.logGroup, ...spec.dependsOn] });
}

/** Plain-text project variables. */
export function plainVariables(variables: Record<string, pulumi.Input<string>>): aws.types.input.codebuild.ProjectEnvironmentEnvironmentVariable[] {
    return Object.entries(variables).map(([name, value]) => ({ name, value, type: "PLAINTEXT" }));
}
