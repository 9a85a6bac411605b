import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PipelineOutputs, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { platformBuildRoleArns } from "./build-contract";
import type { DomainBuildsOutputs } from "./domain-builds";
import type { ImagePullers } from "./image-pull";
import { partitionOf } from "./provider";
import { createPipelineArtifacts } from "./pipeline/artifacts";
import { ARTIFACT_BUCKET_READS, createPipelineBuild } from "./pipeline/build";
import { createDatabaseTargetsParameter, createPipelineDatabaseRole, type DatabaseTarget } from "./pipeline/database-role";
import { createPipelineDeploy, manifestDir } from "./pipeline/deploy";
import type { BuildNetwork } from "./pipeline/network";
import { createPipelinePolicy, createPipelineRole } from "./pipeline/permissions";
import { createPlatformStages } from "./pipeline/platform-stages";
import type { PolicyStatement } from "./pipeline/policy";
import { APP_SOURCE, createPipelineSource, createPushTrigger } from "./pipeline/source";

export { BUILD_SPEC } from "./pipeline/build";
export { DATABASE_ROLE_SPEC, appRoleSql, databaseRoleVariables } from "./pipeline/database-role";
export { DEPLOY_ACCESS_POLICY, DEPLOY_SPEC } from "./pipeline/deploy";
export { connectionsConsoleUrl } from "./pipeline/source";

/** The database and deploy builds run in this account: the domain shares the platform's account (and VPC). */
export interface OwnBuilds {
    kind: "own";
    /**
     * The deploy role the platform vended this domain (CodeBuild trust, an EKS access entry with edit
     * rights in the domain namespace only). The pipeline adds its build permissions to it; it cannot
     * change the role's cluster access.
     */
    deployRole: { name: pulumi.Input<string>; arn: pulumi.Input<string> };
    /** The cluster's API endpoint and the database are private: both builds run in the VPC's private subnets. */
    network: BuildNetwork & { clusterSecurityGroupId: pulumi.Input<string> };
    /** The database's admin-client security group (the database admits it). */
    clientSecurityGroup: aws.ec2.SecurityGroup;
}

/** The platform runs the database and deploy builds in its account (a domain in its own account: `domain-builds.ts`). */
export interface PlatformBuilds {
    kind: "platform";
    builds: pulumi.Output<pulumi.Unwrap<DomainBuildsOutputs>>;
    platformAccountId: pulumi.Input<string>;
}

export interface DomainPipelineArgs {
    ctx: StackContext;
    /** The only namespace deployments go to. */
    namespace: string;
    /** Domain key: image repository, artifacts, build outputs, source repositories. */
    kmsKeyArn: pulumi.Input<string>;
    /** The logs key of this account's log groups. */
    logsKmsKeyArn: pulumi.Input<string>;
    /** Log archive bucket receiving the artifact bucket's access logs. */
    accessLogBucket: pulumi.Input<string>;
    clusterName: pulumi.Input<string>;
    clusterArn: pulumi.Input<string>;
    /** Where the in-VPC stages (database, deploy) run. */
    inVpcBuilds: OwnBuilds | PlatformBuilds;
    /** A domain in its own account: the principals of other accounts (and Lambda) that pull its images. */
    imagePullers?: ImagePullers;
    /** The tag an image worker runs from this repository: the lifecycle keeps it. */
    workerImageTag?: string;
    /** The domain's primaries, where the database stage creates the workload's role. */
    database: { name: string; targets: DatabaseTarget[] };
}

export interface DomainPipelineResult {
    pipeline: aws.codepipeline.Pipeline;
    imageRepository: aws.ecr.Repository;
    /** The repository policy for `imagePullers` (a domain in its own account): an image worker depends on it. */
    imagePullPolicy?: aws.ecr.RepositoryPolicy;
    artifactBucket: aws.s3.Bucket;
    /** What the database stage reads: the database and its primaries. */
    targetsParameter: aws.ssm.Parameter;
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

interface InVpcStages {
    database: aws.types.input.codepipeline.PipelineStageAction;
    deploy: aws.types.input.codepipeline.PipelineStageAction;
    /** What the pipeline role needs to run them. */
    projects: aws.codebuild.Project[];
    statements: PolicyStatement[];
}

/**
 * The domain's CI/CD, a CodePipeline (V2) source -> build -> database -> deploy: the source (a
 * CodeConnections connection to the Git host by default, or CodeCommit), a privileged CodeBuild
 * project that builds the image and pushes it to the domain's own ECR repository, an in-VPC build
 * that creates the workload's database role on every primary, and an in-VPC build that applies
 * manifests to the domain namespace as the platform's deploy role (a namespace-scoped EKS access
 * entry the platform owns). Both in-VPC builds run in this account, or, for a domain in its own
 * account, in the platform's (CodeBuild does not run in shared subnets), started through the
 * platform's cross-account action role. Artifacts go to a KMS-encrypted bucket, build logs to a
 * KMS-encrypted log group.
 */
export function createDomainPipeline(name: string, parent: pulumi.Resource, args: DomainPipelineArgs): DomainPipelineResult {
    const { ctx, namespace, kmsKeyArn } = args;
    const partition = partitionOf(ctx.config.region);
    const inVpc = args.inVpcBuilds;
    const artifacts = createPipelineArtifacts(name, parent, {
        ...args,
        ...(inVpc.kind === "platform" ? {
            artifactReaders: {
                sid: "PlatformBuildsReadArtifacts", partition, accountId: inVpc.platformAccountId,
                principalArns: platformBuildRoleArns(partition, inVpc.platformAccountId, ctx.naming),
                actions: ["s3:GetObject", "s3:GetObjectVersion"], bucketActions: ARTIFACT_BUCKET_READS,
            },
        } : {}),
    });
    const source = createPipelineSource(name, parent, { ctx, kmsKeyArn });
    const build = createPipelineBuild(name, parent, { ctx, kmsKeyArn, artifacts });
    const targetsParameter = createDatabaseTargetsParameter(name, parent, { ctx, databaseName: args.database.name, targets: args.database.targets });
    const targets = { parameter: targetsParameter, secretArns: args.database.targets.map((t) => t.secretArn) };

    let stages: InVpcStages;
    if (inVpc.kind === "own") {
        const databaseRole = createPipelineDatabaseRole(name, parent, {
            ctx, kmsKeyArn, artifacts, network: inVpc.network, clientSecurityGroup: inVpc.clientSecurityGroup, targets,
        });
        const deploy = createPipelineDeploy(name, parent, {
            ctx, namespace, kmsKeyArn, artifacts, clusterName: args.clusterName, clusterArn: args.clusterArn, network: inVpc.network, role: inVpc.deployRole,
        });
        stages = {
            database: buildAction("AppRole", databaseRole.project, [APP_SOURCE]),
            deploy: buildAction("Namespace", deploy.project, [source.manifests, "build_output"], [], source.manifests),
            projects: [databaseRole.project, deploy.project],
            statements: [],
        };
    } else {
        const platform = createPlatformStages(name, parent, {
            ctx, builds: inVpc.builds, platformAccountId: inVpc.platformAccountId, kmsKeyArn, targets,
            manifests: source.manifests, manifestDir: manifestDir(ctx),
        });
        stages = { database: platform.database, deploy: platform.deploy, projects: [], statements: [platform.statement] };
    }

    const pipelineRole = createPipelineRole(name, parent, ctx);
    const pipelinePolicy = createPipelinePolicy(name, parent, {
        role: pipelineRole, source: source.statement, artifacts, kmsKeyArn,
        projects: [build.project, ...stages.projects], extra: stages.statements,
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
            { name: "Database", actions: [stages.database] },
            { name: "Deploy", actions: [stages.deploy] },
        ],
    }, { parent, dependsOn: [pipelinePolicy] });
    if (source.repositories.length > 0) createPushTrigger(name, parent, ctx, source.repositories, pipeline);

    return {
        pipeline,
        imageRepository: artifacts.imageRepository,
        imagePullPolicy: artifacts.imagePullPolicy,
        artifactBucket: artifacts.artifactBucket,
        targetsParameter,
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
