import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../../core/contracts";
import { childName } from "../../core/naming";
import { serviceTrustPolicy } from "../iam";
import { policyDocument, type PolicyStatement } from "./policy";

/** Pipeline artifact names of the source stage. */
export const APP_SOURCE = "app_source";
export const DEPLOY_SOURCE = "deploy_source";

export interface PipelineSource {
    /** Source stage actions: the application, and the manifests when they live in their own repository. */
    actions: aws.types.input.codepipeline.PipelineStageAction[];
    /** The artifact holding the Kubernetes manifests. */
    manifests: string;
    /** What the pipeline role needs to read the source. */
    statement: PolicyStatement;
    /** `managed`: the CodeCommit repositories (application first). */
    repositories: aws.codecommit.Repository[];
    /** `external`: the connection to the Git host (PENDING until someone completes the handshake). */
    connection?: aws.codeconnections.Connection;
    /** Where the application source is read from. */
    sourceRepository: pulumi.Output<string>;
    /** The human step the pipeline waits for, if any (the connection handshake). */
    nextStep?: pulumi.Output<string>;
}

/** The console page where a PENDING connection's handshake is completed. */
export function connectionsConsoleUrl(region: string): string {
    return `https://${region}.console.aws.amazon.com/codesuite/settings/connections?region=${region}`;
}

/** The exact next step for a new connection, as a stack output and in the README. */
export function handshakeStep(connectionArn: pulumi.Input<string>, region: string): pulumi.Output<string> {
    const action = "select \"Update pending connection\" and authorize the app on your Git host. Pipeline runs fail at the Source stage " +
        "until then; afterwards push to the branch (or release a change in the pipeline) to start the first good run.";
    return pulumi.interpolate`The Git connection ${connectionArn} is PENDING: open ${connectionsConsoleUrl(region)}, choose it, ${action}`;
}

/**
 * The pipeline's source. `external` (the default): one CodeConnections connection to the Git host,
 * read by CodeStarSourceConnection actions that start the pipeline on a push. `managed`: CodeCommit
 * repositories encrypted with the domain key (only for accounts that already use CodeCommit: AWS
 * closed it to new customers), started through EventBridge (see `createPushTrigger`).
 */
export function createPipelineSource(name: string, parent: pulumi.Resource, args: { ctx: StackContext; kmsKeyArn: pulumi.Input<string> }): PipelineSource {
    const { ctx } = args;
    const cfg = ctx.config.pipeline;
    const physical = (...purpose: string[]) => ctx.naming.physical("aws.generic", ...purpose);
    const appRepository = cfg.repository ?? "app";
    const manifests = cfg.deployRepository ? DEPLOY_SOURCE : APP_SOURCE;
    const wanted: [string, string, string][] = [["App", appRepository, APP_SOURCE]];
    if (cfg.deployRepository) wanted.push(["Manifests", cfg.deployRepository, DEPLOY_SOURCE]);

    if (cfg.source === "managed") {
        const repositories = wanted.map(([, repo], i) => new aws.codecommit.Repository(childName(name, i === 0 ? "source" : "deploy-source"), {
            repositoryName: physical(repo),
            description: i === 0 ? "Application source" : "Kubernetes manifests of the domain",
            defaultBranch: cfg.branch,
            kmsKeyId: args.kmsKeyArn,
            // Source code is never deleted with the stack (e.g. when a stack moves to the external source).
        }, { parent, protect: ctx.config.protectStateful, retainOnDelete: true }));
        return {
            actions: wanted.map(([action, , output], i) => ({
                name: action, category: "Source", owner: "AWS", provider: "CodeCommit", version: "1",
                outputArtifacts: [output],
                configuration: {
                    RepositoryName: repositories[i].repositoryName, BranchName: cfg.branch,
                    PollForSourceChanges: "false", OutputArtifactFormat: "CODE_ZIP",
                },
            })),
            manifests,
            statement: {
                Sid: "Source",
                Effect: "Allow",
                Action: ["codecommit:GetBranch", "codecommit:GetCommit", "codecommit:GetRepository", "codecommit:UploadArchive",
                    "codecommit:GetUploadArchiveStatus", "codecommit:CancelUploadArchive"],
                Resource: repositories.map((repo) => repo.arn),
            },
            repositories,
            sourceRepository: repositories[0].cloneUrlHttp,
        };
    }

    const connection = new aws.codeconnections.Connection(childName(name, "git"), {
        name: physical("git").slice(0, 32),
        providerType: "GitHub",
    }, { parent });
    return {
        actions: wanted.map(([action, repository, output]) => ({
            name: action, category: "Source", owner: "AWS", provider: "CodeStarSourceConnection", version: "1",
            outputArtifacts: [output],
            configuration: {
                ConnectionArn: connection.arn, FullRepositoryId: repository, BranchName: cfg.branch,
                OutputArtifactFormat: "CODE_ZIP", DetectChanges: "true",
            },
        })),
        manifests,
        // A CodeConnections ARN is authorized with codeconnections:UseConnection.
        statement: { Sid: "Source", Effect: "Allow", Action: ["codeconnections:UseConnection"], Resource: [connection.arn] },
        repositories: [],
        connection,
        sourceRepository: pulumi.output(appRepository),
        nextStep: handshakeStep(connection.arn, ctx.config.region),
    };
}

/** `managed` source: a push to the branch starts the pipeline through EventBridge (no polling). */
export function createPushTrigger(name: string, parent: pulumi.Resource, ctx: StackContext,
    repositories: aws.codecommit.Repository[], pipeline: aws.codepipeline.Pipeline): void {
    const branch = ctx.config.pipeline.branch;
    const eventsRole = new aws.iam.Role(childName(name, "events-role"), {
        name: ctx.naming.physical("aws.iamRole", "pipeline", "events"),
        description: "EventBridge: starts the domain pipeline on a push",
        assumeRolePolicy: serviceTrustPolicy("events.amazonaws.com"),
    }, { parent });
    new aws.iam.RolePolicy(childName(name, "events-policy"), {
        name: "start-pipeline",
        role: eventsRole.id,
        policy: policyDocument([{ Sid: "StartPipeline", Effect: "Allow", Action: ["codepipeline:StartPipelineExecution"], Resource: [pipeline.arn] }]),
    }, { parent });
    const rule = new aws.cloudwatch.EventRule(childName(name, "on-push"), {
        name: ctx.naming.physical("aws.generic", "pipeline", "on-push"),
        description: `Push to ${branch} starts the pipeline`,
        eventPattern: pulumi.jsonStringify({
            source: ["aws.codecommit"],
            "detail-type": ["CodeCommit Repository State Change"],
            resources: repositories.map((repo) => repo.arn),
            detail: { event: ["referenceCreated", "referenceUpdated"], referenceType: ["branch"], referenceName: [branch] },
        }),
    }, { parent });
    new aws.cloudwatch.EventTarget(childName(name, "on-push-target"), {
        rule: rule.name,
        arn: pipeline.arn,
        roleArn: eventsRole.arn,
    }, { parent });
}
