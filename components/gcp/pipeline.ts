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
     * releases deploy there first and are promoted to this stack's cluster after approval. That
     * environment's platform binds this stack's deploy account there (`gcp.promotion.nextDeployers`)
     * and this one's lets its nodes pull (`gcp.promotion.previousNodeServiceAccount`).
     */
    promoteFromCluster?: string;
}

export interface GcpPipelineResult {
    outputs: PipelineOutputs;
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

/**
 * The build step that clones the manifests repository (which may be private) into `deploy/`: it
 * fetches the connection's short-lived read token for the linked repository
 * (`repositories.accessReadToken`, as the build account) and hands it to git as a header through
 * git's environment config, never in the URL or the arguments. `$$` is a literal `$` in Cloud Build.
 */
export function manifestsCloneStep(deployRepository: string, linkedRepository: pulumi.Input<string>) {
    const script = [
        "set -euo pipefail",
        "access=$$(gcloud auth print-access-token)",
        "token=$$(curl -fsS -X POST -H \"Authorization: Bearer $$access\" -H 'Content-Type: application/json' -d '{}' " +
            "\"https://cloudbuild.googleapis.com/v2/$${LINKED_REPOSITORY}:accessReadToken\" | python3 -c 'import json, sys; print(json.load(sys.stdin)[\"token\"])')",
        "export GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=http.https://github.com/.extraheader",
        "export GIT_CONFIG_VALUE_0=\"Authorization: basic $$(printf 'x-access-token:%s' \"$$token\" | base64 -w0)\"",
        `git clone --depth=1 https://github.com/${deployRepository}.git deploy`,
    ].join("\n");
    return {
        id: "manifests",
        name: "gcr.io/google.com/cloudsdktool/cloud-sdk:slim",
        entrypoint: "bash",
        args: ["-c", script],
        envs: [pulumi.interpolate`LINKED_REPOSITORY=${linkedRepository}`],
    };
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

    // Dedicated identities, both vended by the platform: the build (push to the platform's
    // repository, granted there) creates releases; the deploy identity (`edit` in the domain
    // namespace and cluster viewer, nothing else in the cluster) renders and applies manifests.
    // This stack grants them its own resources only.
    const buildMember = pulumi.interpolate`serviceAccount:${platform.buildServiceAccountEmail}`;
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

    // Build identity: write logs, create releases (the platform granted the push).
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
    // Promotion: the previous environment's platform binds the deploy identity in its cluster
    // (`gcp.promotion.nextDeployers`); this stack grants nothing on another environment.
    const imageRepository = pulumi.interpolate`${platform.registryUrl}/${namespace}`;
    // Tagged by build id: tags are immutable, and a rebuild of the same commit is a new build.
    const image = pulumi.interpolate`${imageRepository}:$BUILD_ID`;
    const deployRepository = pipeline.deployRepository;

    const source = createSourceConnection(name, parent, {
        ...args,
        repository: sourceRepository,
        token: new pulumi.Config(GIT_TOKEN_CONFIG.namespace).getSecret(GIT_TOKEN_CONFIG.key),
        installationId: ctx.config.gcp.githubAppInstallationId,
        deployRepository,
        reader: buildMember,
    });
    const cloneDeploy = deployRepository && source.deployRepository
        ? [manifestsCloneStep(deployRepository, source.deployRepository.id)]
        : [];
    const nextStep = nextStepText(source.nextSteps);
    // A trigger only on a linked repository: one on an incomplete connection would never fire.
    const trigger = source.repository && new gcp.cloudbuild.Trigger(childName(name, "trigger"), {
        project,
        location: region,
        name: ctx.naming.physical("gcp.generic", "build"),
        description: `Build ${sourceRepository} (${pipeline.branch}), push to Artifact Registry, release to Cloud Deploy`,
        serviceAccount: platform.buildServiceAccountName,
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
    }, { parent, dependsOn: [deliveryPipeline, ...staging.grants, ...(source.readAccess ? [source.readAccess] : [])] });

    return {
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
