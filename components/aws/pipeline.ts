import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PipelineOutputs, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import type { ImagePullers } from "./image-pull";
import { createPipelineArtifacts } from "./pipeline/artifacts";
import { createPipelineBuild } from "./pipeline/build";
import { createPipelineDatabaseRole, type DatabaseTarget } from "./pipeline/database-role";
import { createPipelineDeploy } from "./pipeline/deploy";
import type { BuildNetwork } from "./pipeline/network";
import { createPipelinePolicy, createPipelineRole } from "./pipeline/permissions";
import { APP_SOURCE, createPipelineSource, createPushTrigger } from "./pipeline/source";

export { BUILD_SPEC } from "./pipeline/build";
export { DATABASE_ROLE_SPEC, appRoleSql, databaseRoleVariables } from "./pipeline/database-role";
export { DEPLOY_ACCESS_POLICY, DEPLOY_SPEC } from "./pipeline/deploy";
export { connectionsConsoleUrl } from "./pipeline/source";

export interface DomainPipelineArgs {
    ctx: StackContext;
    /** The only namespace deployments go to. */
    namespace: string;
    /** Domain key: image repository, artifacts, build outputs, source repositories. */
    kmsKeyArn: pulumi.Input<string>;
    /** The platform's logs key (its policy admits this account's CloudWatch log groups). */
    logsKmsKeyArn: pulumi.Input<string>;
    /** Log archive bucket receiving the artifact bucket's access logs. */
    accessLogBucket: pulumi.Input<string>;
    clusterName: pulumi.Input<string>;
    clusterArn: pulumi.Input<string>;
    /**
     * The deploy role the platform vended this domain (CodeBuild trust, an EKS access entry with edit
     * rights in the domain namespace only). The pipeline adds its build permissions to it; it cannot
     * change the role's cluster access.
     */
    deployRole: { name: pulumi.Input<string>; arn: pulumi.Input<string> };
    /**
     * Where the in-VPC projects run: the cluster's API endpoint and the database are private, so the
     * deploy and database builds run in the platform VPC's private subnets.
     */
    deployNetwork: BuildNetwork & { clusterSecurityGroupId: pulumi.Input<string> };
    /**
     * The domain runs in its own account: the deploy project runs as the domain's deploy build role,
     * which assumes `deployRole` (the platform's) to reach the cluster.
     */
    crossAccount?: boolean;
    /** A domain in its own account: the principals of other accounts (and Lambda) that pull its images. */
    imagePullers?: ImagePullers;
    /** The tag an image worker runs from this repository: the lifecycle keeps it. */
    workerImageTag?: string;
    /** The domain's primaries, where the database stage creates the workload's role. */
    database: { name: string; targets: DatabaseTarget[]; clientSecurityGroup: aws.ec2.SecurityGroup };
}

export interface DomainPipelineResult {
    pipeline: aws.codepipeline.Pipeline;
    imageRepository: aws.ecr.Repository;
    /** The repository policy for `imagePullers` (a domain in its own account): an image worker depends on it. */
    imagePullPolicy?: aws.ecr.RepositoryPolicy;
    artifactBucket: aws.s3.Bucket;
    buildProject: aws.codebuild.Project;
    databaseProject: aws.codebuild.Project;
    deployProject: aws.codebuild.Project;
    /** The deploy project's role in the domain account (a domain in its own account only). */
    deployBuildRole?: aws.iam.Role;
    buildRole: aws.iam.Role;
    databaseRole: aws.iam.Role;
    pipelineRole: aws.iam.Role;
    connection?: aws.codeconnections.Connection;
    outputs: PipelineOutputs;
}

/** A CodeBuild action of the pipeline. */
function buildAction(actionName: string, project: aws.codebuild.Project, inputs: string[], outputs: string[] = [],
    primarySource?: string): aws.types.input.codepipeline.PipelineStageAction {
    return {
        name: actionName, category: "Build", owner: "AWS", provider: "CodeBuild", version: "1",
        inputArtifacts: inputs, outputArtifacts: outputs,
        configuration: { ProjectName: project.name, ...(primarySource ? { PrimarySource: primarySource } : {}) },
    };
}

/**
 * The domain's CI/CD, a CodePipeline (V2) source -> build -> database -> deploy: the source (a
 * CodeConnections connection to the Git host by default, or CodeCommit), a privileged CodeBuild
 * project that builds the image and pushes it to the domain's own ECR repository, an in-VPC project
 * that creates the workload's database role on every primary, and an in-VPC deploy project that
 * applies manifests to the domain namespace as the platform's deploy role (a namespace-scoped EKS
 * access entry the platform owns; a domain in its own account runs the project as a build role of
 * that account which assumes the platform's deploy role). Artifacts
 * go to a KMS-encrypted bucket, build logs to a KMS-encrypted log group.
 */
export function createDomainPipeline(name: string, parent: pulumi.Resource, args: DomainPipelineArgs): DomainPipelineResult {
    const { ctx, namespace, kmsKeyArn } = args;
    const artifacts = createPipelineArtifacts(name, parent, args);
    const source = createPipelineSource(name, parent, { ctx, kmsKeyArn });
    const build = createPipelineBuild(name, parent, { ctx, kmsKeyArn, artifacts });
    const databaseRole = createPipelineDatabaseRole(name, parent, {
        ctx, kmsKeyArn, artifacts, network: args.deployNetwork,
        clientSecurityGroup: args.database.clientSecurityGroup, databaseName: args.database.name, targets: args.database.targets,
    });
    const deploy = createPipelineDeploy(name, parent, {
        ctx, namespace, kmsKeyArn, artifacts, clusterName: args.clusterName, clusterArn: args.clusterArn, network: args.deployNetwork,
        role: args.deployRole, crossAccount: args.crossAccount,
    });

    const pipelineRole = createPipelineRole(name, parent, ctx);
    const pipelinePolicy = createPipelinePolicy(name, parent, {
        role: pipelineRole, source: source.statement, artifacts, kmsKeyArn,
        projects: [build.project, databaseRole.project, deploy.project],
    });
    const pipeline = new aws.codepipeline.Pipeline(childName(name, "pipeline"), {
        name: ctx.naming.physical("aws.generic", "pipeline"),
        pipelineType: "V2",
        executionMode: "QUEUED",
        roleArn: pipelineRole.arn,
        artifactStores: [{ location: artifacts.artifactBucket.bucket, type: "S3", encryptionKey: { id: kmsKeyArn, type: "KMS" } }],
        stages: [
            { name: "Source", actions: source.actions },
            { name: "Build", actions: [buildAction("Image", build.project, [APP_SOURCE], ["build_output"])] },
            { name: "Database", actions: [buildAction("AppRole", databaseRole.project, [APP_SOURCE])] },
            {
                name: "Deploy",
                actions: [buildAction("Namespace", deploy.project, [source.manifests, "build_output"], [], source.manifests)],
            },
        ],
    }, { parent, dependsOn: [pipelinePolicy] });
    if (source.repositories.length > 0) createPushTrigger(name, parent, ctx, source.repositories, pipeline);

    return {
        pipeline,
        imageRepository: artifacts.imageRepository,
        imagePullPolicy: artifacts.imagePullPolicy,
        artifactBucket: artifacts.artifactBucket,
        buildProject: build.project,
        databaseProject: databaseRole.project,
        deployProject: deploy.project,
        deployBuildRole: deploy.buildRole,
        buildRole: build.role,
        databaseRole: databaseRole.role,
        pipelineRole,
        connection: source.connection,
        outputs: {
            name: pipeline.name,
            sourceRepository: source.sourceRepository,
            imageRepository: artifacts.imageRepository.repositoryUrl,
            targetNamespace: namespace,
            ...(source.nextStep ? { nextStep: source.nextStep } : {}),
        },
    };
}

/** A domain's CI/CD into its namespace (`landing-zone:aws:DomainPipeline`). */
export class DomainPipeline extends pulumi.ComponentResource {
    readonly result: DomainPipelineResult;

    constructor(name: string, args: DomainPipelineArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:aws:DomainPipeline", name, {}, opts);
        this.result = createDomainPipeline(name, this, args);
        this.registerOutputs({ name: this.result.outputs.name, imageRepository: this.result.outputs.imageRepository });
    }
}
