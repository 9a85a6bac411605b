import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import type { PipelineOutputs } from "../core/contracts";
import { childName } from "../core/naming";
import { domainLabels, type GcpDomainArgs } from "./domain-platform";
import { createReleaseStaging } from "./release-staging";
import { createSourceConnection, GIT_TOKEN_CONFIG, nextStepText, type SourceConnectionResult } from "./source-connection";

export interface GcpPipelineArgs extends GcpDomainArgs {
    /** The domain namespace deployments go to (and no other). */
    namespace: string;
    /**
     * GKE cluster of the environment before this one (`projects/<p>/locations/<l>/clusters/<n>`):
     * releases deploy there first and are promoted to this stack's cluster after approval.
     */
    promoteFromCluster?: string;
}

export interface GcpPipelineResult {
    outputs: PipelineOutputs;
    buildServiceAccount: gcp.serviceaccount.Account;
    /** Exists once the GitHub connection can be complete (see `outputs.nextStep`). */
    trigger?: gcp.cloudbuild.Trigger;
    source: SourceConnectionResult;
    stagingBucket: gcp.storage.Bucket;
    deliveryPipeline: gcp.clouddeploy.DeliveryPipeline;
    targets: gcp.clouddeploy.Target[];
}

/**
 * CI/CD of a domain: a Cloud Build connection to GitHub and a trigger on `pipeline.repository`
 * (build, push, release), and Cloud Deploy into the domain namespace.
 */
export class GcpPipeline extends pulumi.ComponentResource {
    readonly outputs: PipelineOutputs;

    constructor(name: string, args: GcpPipelineArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:gcp:Pipeline", name, {}, opts);
        const result = createPipeline(name, this, args);
        this.outputs = result.outputs;
        this.registerOutputs({ name: result.outputs.name, imageRepository: result.outputs.imageRepository, nextStep: result.outputs.nextStep });
    }
}

const serviceAccountEmail = (sa: gcp.serviceaccount.Account) =>
    pulumi.interpolate`${sa.accountId}@${sa.project}.iam.gserviceaccount.com`;

/** The project of a cluster id `projects/<p>/locations/<l>/clusters/<n>`. */
export function projectOfCluster(clusterId: string): string {
    const match = /^projects\/([^/]+)\/locations\/[^/]+\/clusters\/[^/]+$/.exec(clusterId);
    if (!match) throw new Error(`pipeline: "${clusterId}" is not a GKE cluster id (projects/<p>/locations/<l>/clusters/<n>)`);
    return match[1];
}

export function createPipeline(name: string, parent: pulumi.Resource, args: GcpPipelineArgs): GcpPipelineResult {
    const { ctx, platform, namespace } = args;
    const pipeline = ctx.config.pipeline;
    const region = ctx.config.region;
    const project = platform.project;
    const labels = domainLabels(ctx);
    const prod = ctx.config.environment === "prod";
    const opts = { parent };
    // Validation guarantees an external GitHub repository `owner/name` on gcp.
    const sourceRepository = pipeline.repository!;

    // Dedicated identities: the build pushes images and creates releases; the deploy identity (the
    // platform vended it: `edit` in the domain namespace and cluster viewer, nothing else in the
    // cluster) renders and applies manifests.
    const buildSa = new gcp.serviceaccount.Account(childName(name, "build-sa"), {
        project,
        accountId: ctx.naming.physical("gcp.serviceAccountId", "build"),
        displayName: `${namespace} Cloud Build`,
    }, opts);
    const buildMember = pulumi.interpolate`serviceAccount:${serviceAccountEmail(buildSa)}`;
    const deployEmail = platform.deployServiceAccountEmail;
    const deployMember = pulumi.interpolate`serviceAccount:${deployEmail}`;

    // Releases are staged in a bucket of the domain's own (never gcloud's `<project>_clouddeploy`).
    const staging = createReleaseStaging(name, parent, { ...args, uploader: buildMember, renderer: deployMember });

    // Targets: the previous environment's cluster (when promoting) and this stack's cluster.
    const gkeTarget = (suffix: string[], cluster: pulumi.Input<string>, requireApproval: boolean) =>
        new gcp.clouddeploy.Target(childName(name, "target", ...suffix), {
            project,
            location: region,
            name: ctx.naming.physical("gcp.generic", "gke", ...suffix),
            description: `GKE cluster, namespace ${namespace}`,
            // The DNS-based control plane endpoint is IAM-authenticated and reachable from Cloud Deploy.
            gke: { cluster, dnsEndpoint: true },
            deployParameters: { namespace },
            requireApproval,
            executionConfigs: [{
                usages: ["RENDER", "DEPLOY"], serviceAccount: deployEmail, executionTimeout: "3600s",
                artifactStorage: staging.artifactDir,
            }],
            labels,
        }, { parent, dependsOn: staging.grants });
    const clusterId = pulumi.interpolate`projects/${platform.hostProject}/locations/${platform.clusterLocation}/clusters/${platform.clusterName}`;
    const targets: gcp.clouddeploy.Target[] = [];
    if (args.promoteFromCluster) targets.push(gkeTarget(["previous"], args.promoteFromCluster, false));
    targets.push(gkeTarget([], clusterId, prod || !!args.promoteFromCluster));

    const deliveryPipeline = new gcp.clouddeploy.DeliveryPipeline(childName(name, "delivery"), {
        project,
        location: region,
        name: ctx.naming.physical("gcp.generic", "delivery"),
        description: `${namespace}: ${targets.length > 1 ? "previous environment, then this one (approval)" : "this environment"}`,
        serialPipeline: { stages: targets.map((t) => ({ targetId: t.name })) },
        labels,
    }, opts);

    // Build identity: push to the platform's repository, write logs, create releases.
    new gcp.artifactregistry.RepositoryIamMember(childName(name, "build-push"), {
        repository: platform.artifactRepositoryId,
        role: "roles/artifactregistry.writer",
        member: buildMember,
    }, opts);
    new gcp.projects.IAMMember(childName(name, "build-logs"), {
        project,
        role: "roles/logging.logWriter",
        member: buildMember,
    }, opts);
    new gcp.clouddeploy.DeliveryPipelineIamMember(childName(name, "build-releaser"), {
        project,
        location: region,
        name: deliveryPipeline.name,
        role: "roles/clouddeploy.releaser",
        member: buildMember,
    }, opts);
    // A release runs as the deploy identity: the build may act as that one account only.
    new gcp.serviceaccount.IAMMember(childName(name, "build-acts-as-deploy"), {
        serviceAccountId: platform.deployServiceAccountName,
        role: "roles/iam.serviceAccountUser",
        member: buildMember,
    }, opts);

    // Deploy identity: run Cloud Deploy jobs, fetch cluster credentials, edit the namespace only.
    new gcp.projects.IAMMember(childName(name, "deploy-job-runner"), {
        project,
        role: "roles/clouddeploy.jobRunner",
        member: deployMember,
    }, opts);
    if (args.promoteFromCluster) {
        new gcp.projects.IAMMember(childName(name, "deploy-previous-cluster-viewer"), {
            project: projectOfCluster(args.promoteFromCluster),
            role: "roles/container.clusterViewer",
            member: deployMember,
        }, opts);
    }
    const imageRepository = pulumi.interpolate`${platform.registryUrl}/${namespace}`;
    // Tagged by build id: tags are immutable, and a rebuild of the same commit is a new build.
    const image = pulumi.interpolate`${imageRepository}:$BUILD_ID`;
    const deployRepository = pipeline.deployRepository;
    const cloneDeploy = deployRepository
        ? [{ id: "manifests", name: "gcr.io/cloud-builders/git", args: ["clone", "--depth=1", `https://github.com/${deployRepository}.git`, "deploy"] }]
        : [];

    const source = createSourceConnection(name, parent, {
        ...args,
        repository: sourceRepository,
        token: new pulumi.Config(GIT_TOKEN_CONFIG.namespace).getSecret(GIT_TOKEN_CONFIG.key),
        installationId: ctx.config.gcp.githubAppInstallationId,
    });
    const nextStep = nextStepText(source.nextSteps);
    // A trigger only on a linked repository: one on an incomplete connection would never fire.
    const trigger = source.repository && new gcp.cloudbuild.Trigger(childName(name, "trigger"), {
        project,
        location: region,
        name: ctx.naming.physical("gcp.generic", "build"),
        description: `Build ${sourceRepository} (${pipeline.branch}), push to Artifact Registry, release to Cloud Deploy`,
        serviceAccount: buildSa.id,
        repositoryEventConfig: { repository: source.repository.id, push: { branch: `^${pipeline.branch}$` } },
        build: {
            steps: [
                { id: "build", name: "gcr.io/cloud-builders/docker", args: ["build", "-t", image, "."] },
                { id: "push", name: "gcr.io/cloud-builders/docker", args: ["push", image] },
                ...cloneDeploy,
                {
                    id: "release",
                    name: "gcr.io/google.com/cloudsdktool/cloud-sdk:slim",
                    entrypoint: "gcloud",
                    args: [
                        // Release names must be unique too: one per build.
                        "deploy", "releases", "create", "rel-$BUILD_ID",
                        pulumi.interpolate`--delivery-pipeline=${deliveryPipeline.name}`,
                        `--region=${region}`,
                        pulumi.interpolate`--images=app=${image}`,
                        `--source=${deployRepository ? "deploy" : "."}`,
                        pulumi.interpolate`--gcs-source-staging-dir=${staging.sourceDir}`,
                    ],
                },
            ],
            images: [image],
            options: { logging: "CLOUD_LOGGING_ONLY", requestedVerifyOption: "VERIFIED" },
            timeout: "1800s",
        },
    }, { parent, dependsOn: [deliveryPipeline, ...staging.grants] });

    return {
        buildServiceAccount: buildSa,
        trigger,
        source,
        stagingBucket: staging.bucket,
        deliveryPipeline,
        targets,
        outputs: {
            name: deliveryPipeline.name,
            sourceRepository: pulumi.output(sourceRepository),
            imageRepository,
            targetNamespace: namespace,
            nextStep: nextStep === undefined ? undefined : pulumi.output(nextStep),
        },
    };
}
