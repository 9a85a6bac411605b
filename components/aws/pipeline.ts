import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PipelineOutputs, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { partitionOf } from "./provider";
import { createSecureBucket } from "./storage";
import { serviceTrustPolicy } from "./iam";

const BUILD_IMAGE = "aws/codebuild/amazonlinux-x86_64-standard:5.0";

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
     * Where the deploy project runs: the cluster's API endpoint is private, so the deploy build
     * runs in the platform VPC's private subnets and the cluster security group admits it on 443.
     */
    deployNetwork: {
        accountId: pulumi.Input<string>;
        vpcId: pulumi.Input<string>;
        privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
        clusterSecurityGroupId: pulumi.Input<string>;
    };
}

export interface DomainPipelineResult {
    pipeline: aws.codepipeline.Pipeline;
    imageRepository: aws.ecr.Repository;
    artifactBucket: aws.s3.Bucket;
    buildProject: aws.codebuild.Project;
    deployProject: aws.codebuild.Project;
    buildRole: aws.iam.Role;
    pipelineRole: aws.iam.Role;
    outputs: PipelineOutputs;
}

/** Builds the image from the application source and pushes it, tagged with the commit, to the domain repository. */
export const BUILD_SPEC = [
    "version: 0.2",
    "phases:",
    "  pre_build:",
    "    commands:",
    "      - aws ecr get-login-password --region \"$AWS_REGION\" | docker login --username AWS --password-stdin \"${REPOSITORY_URI%%/*}\"",
    "      - IMAGE_TAG=\"$(echo \"$CODEBUILD_RESOLVED_SOURCE_VERSION\" | cut -c1-12)\"",
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

/**
 * Applies the manifests to the domain namespace only: `kubectl apply --namespace` rejects objects of
 * another namespace, and the deploy role's EKS access policy is scoped to the namespace anyway.
 */
export const DEPLOY_SPEC = [
    "version: 0.2",
    "phases:",
    "  install:",
    "    commands:",
    "      - curl -fsSLo /usr/local/bin/kubectl \"https://dl.k8s.io/release/$(curl -fsSL https://dl.k8s.io/release/stable-$KUBERNETES_VERSION.txt)/bin/linux/amd64/kubectl\"",
    "      - chmod +x /usr/local/bin/kubectl",
    "  build:",
    "    commands:",
    "      - aws eks update-kubeconfig --name \"$CLUSTER_NAME\" --region \"$AWS_REGION\"",
    "      - . \"$CODEBUILD_SRC_DIR_build_output/image.env\"",
    "      - kubectl kustomize \"$MANIFEST_DIR\" | sed \"s|IMAGE_PLACEHOLDER|$IMAGE_URI|g\" | kubectl apply --namespace \"$NAMESPACE\" -f -",
].join("\n");


interface PolicyStatement {
    Sid: string;
    Effect: "Allow";
    Action: string[];
    Resource: pulumi.Input<pulumi.Input<string>[]>;
}

function policyDocument(statements: PolicyStatement[]): pulumi.Output<string> {
    return pulumi.jsonStringify({ Version: "2012-10-17", Statement: statements });
}

/**
 * The domain's CI/CD: source (CodeCommit repositories, or a CodeStar connection to an external Git
 * host, per `pipeline.source`), a CodeBuild project that builds the image and pushes it to the
 * domain's own ECR repository (scan on push, immutable tags, KMS), and a CodePipeline (V2)
 * source -> build -> deploy whose deploy project runs as the deploy role the platform vended (an EKS
 * access entry whose access policy is scoped to the domain namespace) and applies manifests there. Artifacts go to a
 * KMS-encrypted bucket; build logs to a KMS-encrypted CloudWatch log group. The Docker build needs
 * a privileged build container; the deploy project is not privileged and runs in the platform VPC's
 * private subnets (the cluster API endpoint is private), admitted by the cluster security group.
 */
export function createDomainPipeline(name: string, parent: pulumi.Resource, args: DomainPipelineArgs): DomainPipelineResult {
    const { ctx, namespace } = args;
    const cfg = ctx.config.pipeline;
    const opts = { parent };
    const stateful = { parent, protect: ctx.config.protectStateful };
    const physical = (...purpose: string[]) => ctx.naming.physical("aws.generic", ...purpose);

    // Image repository
    const imageRepository = new aws.ecr.Repository(childName(name, "images"), {
        name: ctx.naming.physical("aws.ecrRepository", "app"),
        imageTagMutability: "IMMUTABLE",
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: args.kmsKeyArn }],
        forceDelete: false,
    }, stateful);
    new aws.ecr.LifecyclePolicy(childName(name, "images-lifecycle"), {
        repository: imageRepository.name,
        policy: JSON.stringify({
            rules: [{
                rulePriority: 1,
                description: "Expire untagged images after 7 days",
                selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 7 },
                action: { type: "expire" },
            }, {
                rulePriority: 2,
                description: `Keep the last ${ctx.config.registry.keepImages} images`,
                selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: ctx.config.registry.keepImages },
                action: { type: "expire" },
            }],
        }),
    }, opts);

    // Artifacts and logs
    const artifacts = createSecureBucket(childName(name, "artifacts"), parent, {
        ctx,
        purpose: "artifacts",
        kmsKeyArn: args.kmsKeyArn,
        accessLogBucket: args.accessLogBucket,
        versioning: true,
        noncurrentVersionDays: 30,
    });
    const artifactBucket = artifacts.bucket;
    const logGroup = new aws.cloudwatch.LogGroup(childName(name, "logs"), {
        name: `/aws/codebuild/${physical("pipeline")}`,
        retentionInDays: ctx.config.logging.retentionDays,
        kmsKeyId: args.logsKmsKeyArn,
    }, opts);

    // Source
    const managed = cfg.source === "managed";
    const appRepoName = cfg.repository ?? "app";
    const codeRepos = managed
        ? [cfg.repository ?? "app", ...(cfg.deployRepository ? [cfg.deployRepository] : [])].map((repo, i) =>
            new aws.codecommit.Repository(childName(name, i === 0 ? "source" : "deploy-source"), {
                repositoryName: physical(repo),
                description: i === 0 ? "Application source" : "Kubernetes manifests of the domain",
                defaultBranch: cfg.branch,
                kmsKeyId: args.kmsKeyArn,
            }, stateful))
        : [];
    const connection = managed ? undefined : new aws.codestarconnections.Connection(childName(name, "git"), {
        name: physical("git").slice(0, 32),
        providerType: "GitHub",
    }, opts);

    // Roles
    const buildRole = new aws.iam.Role(childName(name, "build-role"), {
        name: ctx.naming.physical("aws.iamRole", "build"),
        description: "CodeBuild: builds and pushes the domain image",
        assumeRolePolicy: serviceTrustPolicy("codebuild.amazonaws.com"),
    }, opts);
    const deployRole = args.deployRole;
    const pipelineRole = new aws.iam.Role(childName(name, "pipeline-role"), {
        name: ctx.naming.physical("aws.iamRole", "pipeline"),
        description: "CodePipeline of the domain",
        assumeRolePolicy: serviceTrustPolicy("codepipeline.amazonaws.com"),
    }, opts);

    const logStreams = pulumi.interpolate`${logGroup.arn}:*`;
    const artifactObjects = pulumi.interpolate`${artifactBucket.arn}/*`;
    const logs: PolicyStatement = { Sid: "BuildLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: [logStreams] };
    new aws.iam.RolePolicy(childName(name, "build-policy"), {
        name: "build",
        role: buildRole.id,
        policy: policyDocument([
            logs,
            { Sid: "Artifacts", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"], Resource: [artifactObjects] },
            // GetAuthorizationToken has no resource-level permission: AWS requires "*" for it.
            { Sid: "RegistryLogin", Effect: "Allow", Action: ["ecr:GetAuthorizationToken"], Resource: ["*"] },
            {
                Sid: "PushDomainImage",
                Effect: "Allow",
                Action: ["ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
                    "ecr:CompleteLayerUpload", "ecr:PutImage", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
                Resource: [imageRepository.arn],
            },
            { Sid: "DomainKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"], Resource: [args.kmsKeyArn] },
        ]),
    }, opts);
    new aws.iam.RolePolicy(childName(name, "deploy-policy"), {
        name: "deploy",
        role: deployRole.name,
        policy: policyDocument([
            logs,
            { Sid: "Artifacts", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: [artifactObjects] },
            { Sid: "Cluster", Effect: "Allow", Action: ["eks:DescribeCluster"], Resource: [args.clusterArn] },
            { Sid: "DomainKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: [args.kmsKeyArn] },
        ]),
    }, opts);

    // The deploy build's network: private subnets, HTTPS out only, admitted by the cluster API.
    const net = args.deployNetwork;
    const partition = partitionOf(ctx.config.region);
    const deploySecurityGroup = new aws.ec2.SecurityGroup(childName(name, "deploy-sg"), {
        name: physical("deploy"),
        description: "Pipeline deploy build: HTTPS to the cluster API and AWS APIs only",
        vpcId: net.vpcId,
        ingress: [],
        egress: [{ description: "HTTPS (cluster API, AWS APIs, kubectl download)", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
    }, opts);
    new aws.vpc.SecurityGroupIngressRule(childName(name, "cluster-api-from-deploy"), {
        securityGroupId: net.clusterSecurityGroupId,
        referencedSecurityGroupId: deploySecurityGroup.id,
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        description: `Cluster API from the ${ctx.config.domain ?? "domain"} deploy build`,
    }, opts);
    const interfaces = pulumi.interpolate`arn:${partition}:ec2:${ctx.config.region}:${net.accountId}:network-interface/*`;
    const subnetArns = pulumi.all([net.accountId, pulumi.output(net.privateSubnetIds)]).apply(([account, ids]) =>
        ids.map((id) => `arn:${partition}:ec2:${ctx.config.region}:${account}:subnet/${id}`));
    const deploySecurityGroupArn = pulumi.interpolate`arn:${partition}:ec2:${ctx.config.region}:${net.accountId}:security-group/${deploySecurityGroup.id}`;
    new aws.iam.RolePolicy(childName(name, "deploy-vpc-policy"), {
        name: "deploy-vpc",
        role: deployRole.name,
        policy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "DescribeNetwork",
                    Effect: "Allow",
                    Action: ["ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
                        "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs"],
                    // Describe calls have no resource-level form.
                    Resource: ["*"],
                },
                {
                    Sid: "BuildNetworkInterface",
                    Effect: "Allow",
                    Action: ["ec2:CreateNetworkInterface"],
                    Resource: pulumi.all([interfaces, subnetArns, deploySecurityGroupArn]).apply(([eni, subnets, sg]) => [eni, ...subnets, sg]),
                },
                { Sid: "RemoveNetworkInterface", Effect: "Allow", Action: ["ec2:DeleteNetworkInterface"], Resource: [interfaces] },
                {
                    Sid: "CodeBuildAttachesInterface",
                    Effect: "Allow",
                    Action: ["ec2:CreateNetworkInterfacePermission"],
                    Resource: [interfaces],
                    Condition: {
                        StringEquals: { "ec2:AuthorizedService": "codebuild.amazonaws.com" },
                        ArnEquals: { "ec2:Subnet": subnetArns },
                    },
                },
            ],
        }),
    }, opts);

    // Build and deploy projects
    const project = (purpose: "build" | "deploy", roleArn: pulumi.Input<string>, buildspec: string, privileged: boolean,
        variables: { name: string; value: pulumi.Input<string> }[], vpcConfig?: aws.types.input.codebuild.ProjectVpcConfig) =>
        new aws.codebuild.Project(childName(name, purpose), {
            name: physical(purpose),
            description: purpose === "build" ? "Builds and pushes the domain image" : `Applies manifests to namespace ${namespace}`,
            serviceRole: roleArn,
            encryptionKey: args.kmsKeyArn,
            buildTimeout: 30,
            queuedTimeout: 60,
            source: { type: "CODEPIPELINE", buildspec },
            artifacts: { type: "CODEPIPELINE" },
            environment: {
                computeType: "BUILD_GENERAL1_SMALL",
                image: BUILD_IMAGE,
                type: "LINUX_CONTAINER",
                imagePullCredentialsType: "CODEBUILD",
                privilegedMode: privileged,
                environmentVariables: variables.map((v) => ({ ...v, type: "PLAINTEXT" })),
            },
            logsConfig: {
                cloudwatchLogs: { status: "ENABLED", groupName: logGroup.name, streamName: purpose },
                s3Logs: { status: "DISABLED" },
            },
            vpcConfig,
        }, { parent, dependsOn: [logGroup] });
    // Docker builds need a privileged build container; nothing else does.
    const buildProject = project("build", buildRole.arn, BUILD_SPEC, true, [
        { name: "REPOSITORY_URI", value: imageRepository.repositoryUrl },
    ]);
    const hasDeployRepository = !!cfg.deployRepository;
    const deployProject = project("deploy", deployRole.arn, DEPLOY_SPEC, false, [
        { name: "CLUSTER_NAME", value: args.clusterName },
        { name: "NAMESPACE", value: namespace },
        { name: "KUBERNETES_VERSION", value: ctx.config.cluster.version },
        { name: "MANIFEST_DIR", value: hasDeployRepository ? "." : "deploy" },
    ], { vpcId: net.vpcId, subnets: net.privateSubnetIds, securityGroupIds: [deploySecurityGroup.id] });

    // Pipeline
    const sourceAction = (actionName: string, repository: string, codeRepo: aws.codecommit.Repository | undefined,
        output: string): aws.types.input.codepipeline.PipelineStageAction =>
        codeRepo
            ? {
                name: actionName, category: "Source", owner: "AWS", provider: "CodeCommit", version: "1",
                outputArtifacts: [output],
                configuration: {
                    RepositoryName: codeRepo.repositoryName, BranchName: cfg.branch,
                    PollForSourceChanges: "false", OutputArtifactFormat: "CODE_ZIP",
                },
            }
            : {
                name: actionName, category: "Source", owner: "AWS", provider: "CodeStarSourceConnection", version: "1",
                outputArtifacts: [output],
                configuration: {
                    ConnectionArn: connection!.arn, FullRepositoryId: repository, BranchName: cfg.branch,
                    OutputArtifactFormat: "CODE_ZIP", DetectChanges: "true",
                },
            };
    const sources = [sourceAction("App", appRepoName, codeRepos[0], "app_source")];
    if (cfg.deployRepository) sources.push(sourceAction("Manifests", cfg.deployRepository, codeRepos[1], "deploy_source"));
    const manifests = hasDeployRepository ? "deploy_source" : "app_source";

    const pipeline = new aws.codepipeline.Pipeline(childName(name, "pipeline"), {
        name: physical("pipeline"),
        pipelineType: "V2",
        executionMode: "QUEUED",
        roleArn: pipelineRole.arn,
        artifactStores: [{ location: artifactBucket.bucket, type: "S3", encryptionKey: { id: args.kmsKeyArn, type: "KMS" } }],
        stages: [
            { name: "Source", actions: sources },
            {
                name: "Build",
                actions: [{
                    name: "Image", category: "Build", owner: "AWS", provider: "CodeBuild", version: "1",
                    inputArtifacts: ["app_source"], outputArtifacts: ["build_output"],
                    configuration: { ProjectName: buildProject.name },
                }],
            },
            {
                name: "Deploy",
                actions: [{
                    name: "Namespace", category: "Build", owner: "AWS", provider: "CodeBuild", version: "1",
                    inputArtifacts: [manifests, "build_output"],
                    configuration: { ProjectName: deployProject.name, PrimarySource: manifests },
                }],
            },
        ],
    }, opts);

    const sourceStatement: PolicyStatement = managed
        ? {
            Sid: "Source",
            Effect: "Allow",
            Action: ["codecommit:GetBranch", "codecommit:GetCommit", "codecommit:GetRepository", "codecommit:UploadArchive",
                "codecommit:GetUploadArchiveStatus", "codecommit:CancelUploadArchive"],
            Resource: codeRepos.map((repo) => repo.arn),
        }
        : { Sid: "Source", Effect: "Allow", Action: ["codestar-connections:UseConnection", "codeconnections:UseConnection"], Resource: [connection!.arn] };
    new aws.iam.RolePolicy(childName(name, "pipeline-policy"), {
        name: "pipeline",
        role: pipelineRole.id,
        policy: policyDocument([
            sourceStatement,
            { Sid: "ArtifactObjects", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"], Resource: [artifactObjects] },
            { Sid: "ArtifactBucket", Effect: "Allow", Action: ["s3:GetBucketVersioning", "s3:GetBucketLocation", "s3:ListBucket"], Resource: [artifactBucket.arn] },
            { Sid: "Builds", Effect: "Allow", Action: ["codebuild:StartBuild", "codebuild:BatchGetBuilds"], Resource: [buildProject.arn, deployProject.arn] },
            { Sid: "DomainKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"], Resource: [args.kmsKeyArn] },
        ]),
    }, opts);

    // CodeCommit changes start the pipeline through EventBridge (no polling).
    if (managed) {
        const eventsRole = new aws.iam.Role(childName(name, "events-role"), {
            name: ctx.naming.physical("aws.iamRole", "pipeline", "events"),
            description: "EventBridge: starts the domain pipeline on a push",
            assumeRolePolicy: serviceTrustPolicy("events.amazonaws.com"),
        }, opts);
        new aws.iam.RolePolicy(childName(name, "events-policy"), {
            name: "start-pipeline",
            role: eventsRole.id,
            policy: policyDocument([{ Sid: "StartPipeline", Effect: "Allow", Action: ["codepipeline:StartPipelineExecution"], Resource: [pipeline.arn] }]),
        }, opts);
        const rule = new aws.cloudwatch.EventRule(childName(name, "on-push"), {
            name: physical("pipeline", "on-push"),
            description: `Push to ${cfg.branch} starts the pipeline`,
            eventPattern: pulumi.jsonStringify({
                source: ["aws.codecommit"],
                "detail-type": ["CodeCommit Repository State Change"],
                resources: codeRepos.map((repo) => repo.arn),
                detail: { event: ["referenceCreated", "referenceUpdated"], referenceType: ["branch"], referenceName: [cfg.branch] },
            }),
        }, opts);
        new aws.cloudwatch.EventTarget(childName(name, "on-push-target"), {
            rule: rule.name,
            arn: pipeline.arn,
            roleArn: eventsRole.arn,
        }, opts);
    }

    return {
        pipeline,
        imageRepository,
        artifactBucket,
        buildProject,
        deployProject,
        buildRole,
        pipelineRole,
        outputs: {
            name: pipeline.name,
            sourceRepository: codeRepos[0] ? codeRepos[0].cloneUrlHttp : pulumi.output(appRepoName),
            imageRepository: imageRepository.repositoryUrl,
            targetNamespace: namespace,
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
