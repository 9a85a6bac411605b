import * as authorization from "@pulumi/azure-native/authorization";
import * as containerregistry from "@pulumi/azure-native/containerregistry";
import * as kubernetesconfiguration from "@pulumi/azure-native/kubernetesconfiguration";
import * as pulumi from "@pulumi/pulumi";
import type { PipelineOutputs, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { FLUX } from "./cluster";
import { builtInRoleId } from "./identity";
import { BUILTIN_ROLES, deterministicGuid } from "./rbac";

/**
 * Secret config holding the Git host token ACR needs to register the commit webhook
 * (`pulumi config set --secret landing-zone-secrets:gitAccessToken <PAT>`). It is never a plain value.
 */
export const GIT_TOKEN_CONFIG = { namespace: "landing-zone-secrets", key: "gitAccessToken" };


/** The user Flux sends with the token over HTTPS (GitHub and Azure Repos accept any name with a PAT). */
export const GIT_HTTPS_USER = "git";

/** Flux's protected setting carrying the HTTPS password (base64, per the AKS GitOps extension). */
export function fluxProtectedSettings(token: pulumi.Output<string> | undefined) {
    return token ? pulumi.secret(token.apply((t) => ({ httpsKey: Buffer.from(t, "utf8").toString("base64") }))) : undefined;
}

export interface PipelineArgs {
    ctx: StackContext;
    /** The platform registry and its resource group (the platform's `shared` group): the task runs there. */
    registryName: pulumi.Input<string>;
    /** The registry's resource id: the task's identity gets AcrPush there. */
    registryId: pulumi.Input<string>;
    /** The subscription of the registry (where the AcrPush role is defined). */
    registrySubscriptionId: pulumi.Input<string>;
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
        pulumi.log.warn(`pipeline: no ${GIT_TOKEN_CONFIG.namespace}:${GIT_TOKEN_CONFIG.key} secret; ACR cannot register the commit trigger on ${source.url} until it is set, and the application and deploy repositories must be public`);
    }
    const auth = token ? { token, tokenType: "PAT" } : undefined;
    const taskName = ctx.naming.physical("azure.generic", "build");
    const registryHost = pulumi.output(args.registryUrl).apply((url) => url.replace(/^https?:\/\//, "").replace(/\/.*$/, ""));

    const task = new containerregistry.Task(childName(name, "build"), {
        resourceGroupName: args.registryResourceGroup,
        registryName: args.registryName,
        taskName,
        status: "Enabled",
        platform: { os: "Linux", architecture: "amd64" },
        agentConfiguration: { cpu: 2 },
        timeout: 3600,
        identity: { type: "SystemAssigned" },
        // The registry has public access off: the task (an Azure-hosted agent) comes in as a trusted
        // service with its own identity, never with the registry's or the caller's credentials.
        credentials: {
            sourceRegistry: { loginMode: "None" },
            customRegistries: registryHost.apply((host) => ({ [host]: { identity: "[system]" } })),
        },
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

    // The task pushes as its own identity: AcrPush on the platform registry (ACR roles cannot be
    // narrowed to a repository without ABAC repository permissions, which the registry does not use).
    const push = new authorization.RoleAssignment(childName(name, "build-push"), {
        roleAssignmentName: deterministicGuid(...ctx.naming.scope, ctx.config.region, childName(name, "build-push")),
        principalId: task.identity.apply((identity) => identity?.principalId ?? ""),
        principalType: "ServicePrincipal",
        roleDefinitionId: builtInRoleId(args.registrySubscriptionId, BUILTIN_ROLES.acrPush),
        scope: args.registryId,
        description: `Domain ${domain}: the build task pushes its image`,
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
            // A private deploy repository: Flux authenticates with the same secret token over HTTPS.
            httpsUser: token ? GIT_HTTPS_USER : undefined,
            repositoryRef: { branch: cfg.branch },
            syncIntervalInSeconds: FLUX.syncSeconds,
            timeoutInSeconds: FLUX.timeoutSeconds,
        },
        configurationProtectedSettings: fluxProtectedSettings(token),
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
    return { task, push, fluxConfiguration, outputs };
}
