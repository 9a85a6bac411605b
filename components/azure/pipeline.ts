import * as containerregistry from "@pulumi/azure-native/containerregistry";
import * as kubernetesconfiguration from "@pulumi/azure-native/kubernetesconfiguration";
import * as pulumi from "@pulumi/pulumi";
import type { PipelineOutputs, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { FLUX } from "./cluster";

/**
 * Secret config holding the Git host token ACR needs to register the commit webhook
 * (`pulumi config set --secret landing-zone-secrets:gitAccessToken <PAT>`). It is never a plain value.
 */
export const GIT_TOKEN_CONFIG = { namespace: "landing-zone-secrets", key: "gitAccessToken" };

/** Flux GitOps reconciliation settings. */

export interface PipelineArgs {
    ctx: StackContext;
    /** The platform registry and its resource group (the platform's `shared` group): the task runs there. */
    registryName: pulumi.Input<string>;
    registryResourceGroup: pulumi.Input<string>;
    registryUrl: pulumi.Input<string>;
    /** The platform AKS cluster and its resource group (the platform's `cluster` group). */
    clusterName: pulumi.Input<string>;
    clusterResourceGroup: pulumi.Input<string>;
    /** The domain namespace: the only place Flux delivers to. */
    namespace: string;
    /** Resources that must exist before Flux reconciles (the namespace baseline). */
    dependsOn?: pulumi.Input<pulumi.Resource>[];
}

/**
 * A Git repository URL for the configured source: `external` is GitHub (`owner/name`), `managed` is
 * Azure Repos in the Azure DevOps organisation named after the prefix, project named after the domain.
 */
export function repositoryUrl(ctx: StackContext, repository: string): { url: string; sourceControlType: "Github" | "VisualStudioTeamService" } {
    if (/^https:\/\//.test(repository)) {
        return { url: repository, sourceControlType: repository.includes("github.com") ? "Github" : "VisualStudioTeamService" };
    }
    if (ctx.config.pipeline.source === "external") return { url: `https://github.com/${repository}.git`, sourceControlType: "Github" };
    return { url: `https://dev.azure.com/${ctx.config.prefix}/${ctx.config.domain ?? "platform"}/_git/${repository}`, sourceControlType: "VisualStudioTeamService" };
}

/**
 * The domain's CI/CD: an ACR Task that builds the domain image from its repository on every commit
 * to `pipeline.branch` (and when the base image is patched) and pushes it to the platform registry;
 * GitOps delivery with the AKS Flux extension and a namespace-scoped FluxConfiguration that
 * reconciles `pipeline.deployRepository` into the domain namespace only.
 */
export class Pipeline extends pulumi.ComponentResource {
    readonly result: ReturnType<typeof createPipeline>;

    constructor(name: string, args: PipelineArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:azure:Pipeline", name, {}, opts);
        this.result = createPipeline(name, this, args);
        this.registerOutputs({ taskName: this.result.outputs.name });
    }
}

let warnedAboutToken = false;

export function createPipeline(name: string, parent: pulumi.Resource, args: PipelineArgs) {
    const { ctx } = args;
    const cfg = ctx.config.pipeline;
    const domain = ctx.config.domain ?? "app";
    const source = repositoryUrl(ctx, cfg.repository ?? `${domain}-service`);
    const deploy = repositoryUrl(ctx, cfg.deployRepository ?? `${domain}-deploy`);
    const token = new pulumi.Config(GIT_TOKEN_CONFIG.namespace).getSecret(GIT_TOKEN_CONFIG.key);
    if (!token && !warnedAboutToken) {
        warnedAboutToken = true;
        pulumi.log.warn(`pipeline: no ${GIT_TOKEN_CONFIG.namespace}:${GIT_TOKEN_CONFIG.key} secret; ACR cannot register the commit trigger on ${source.url} until it is set`);
    }
    const auth = token ? { token, tokenType: "PAT" } : undefined;
    const taskName = ctx.naming.physical("azure.generic", "build");

    const task = new containerregistry.Task(childName(name, "build"), {
        resourceGroupName: args.registryResourceGroup,
        registryName: args.registryName,
        taskName,
        status: "Enabled",
        platform: { os: "Linux", architecture: "amd64" },
        agentConfiguration: { cpu: 2 },
        timeout: 3600,
        identity: { type: "SystemAssigned" },
        credentials: { sourceRegistry: { loginMode: "Default" } },
        step: {
            type: "Docker",
            dockerFilePath: "Dockerfile",
            contextPath: `${source.url}#${cfg.branch}`,
            contextAccessToken: token,
            imageNames: [`${domain}:{{.Run.ID}}`, `${domain}:{{.Run.Commit}}`],
            isPushEnabled: true,
            noCache: false,
        },
        trigger: {
            sourceTriggers: [{
                name: "commit",
                sourceRepository: {
                    repositoryUrl: source.url,
                    branch: cfg.branch,
                    sourceControlType: source.sourceControlType,
                    sourceControlAuthProperties: auth,
                },
                sourceTriggerEvents: ["commit"],
                status: "Enabled",
            }],
            baseImageTrigger: { name: "base-image", baseImageTriggerType: "Runtime", status: "Enabled" },
        },
        tags: ctx.tags,
    }, { parent });

    const cluster = {
        clusterRp: "Microsoft.ContainerService",
        clusterResourceName: "managedClusters",
        clusterName: args.clusterName,
        resourceGroupName: args.clusterResourceGroup,
    };
    const fluxConfiguration = new kubernetesconfiguration.FluxConfiguration(childName(name, "gitops"), {
        ...cluster,
        fluxConfigurationName: ctx.naming.physical("azure.generic", "gitops"),
        namespace: args.namespace,
        scope: "namespace",
        sourceKind: "GitRepository",
        gitRepository: {
            url: deploy.url,
            repositoryRef: { branch: cfg.branch },
            syncIntervalInSeconds: FLUX.syncSeconds,
            timeoutInSeconds: FLUX.timeoutSeconds,
        },
        kustomizations: {
            [domain]: { path: "./", prune: true, wait: true, syncIntervalInSeconds: FLUX.syncSeconds, timeoutInSeconds: FLUX.timeoutSeconds },
        },
    }, { parent, dependsOn: args.dependsOn });

    const outputs: PipelineOutputs = {
        name: pulumi.output(taskName),
        sourceRepository: pulumi.output(source.url),
        imageRepository: pulumi.interpolate`${args.registryUrl}/${domain}`,
        targetNamespace: args.namespace,
    };
    return { task, fluxConfiguration, outputs };
}
