import * as applicationinsights from "@pulumi/azure-native/applicationinsights";
import * as authorization from "@pulumi/azure-native/authorization";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as storage from "@pulumi/azure-native/storage";
import * as web from "@pulumi/azure-native/web";
import * as pulumi from "@pulumi/pulumi";
import { flexMaximumInstanceCount } from "../core/config/rules/worker";
import type { WorkerRuntime } from "../core/config/types";
import type { StackContext, WorkerOutputs } from "../core/contracts";
import { childName } from "../core/naming";
import { builtInRoleId } from "./identity";
import { afterGrants } from "./propagation";
import { BUILTIN_ROLES, deterministicGuid } from "./rbac";

/** Roles the worker identity needs beyond the domain workload's (same in every tenant). */

/** Flex Consumption runtime names and versions of the worker's runtimes. */
export const FLEX_RUNTIMES: Record<WorkerRuntime, { name: string; version: string }> = {
    nodejs22: { name: "node", version: "22" },
    nodejs24: { name: "node", version: "24" },
    "python3.12": { name: "python", version: "3.12" },
    "python3.13": { name: "python", version: "3.13" },
    java21: { name: "java", version: "21" },
};

/** The function the domain's code package must export (always-ready instances are set per function). */
export const WORKER_FUNCTION = "worker";
/** The app setting naming the Service Bus connection (identity-based: `<name>__fullyQualifiedNamespace`). */
export const SERVICE_BUS_CONNECTION = "ServiceBusConnection";

/**
 * The REST API version of the app's ARM One Deploy extension (`Microsoft.Web/sites/extensions/onedeploy`),
 * the one deployment route that reaches the app while it accepts no inbound traffic.
 */
export const ONE_DEPLOY_API_VERSION = "2024-04-01";

/**
 * How the domain's pipeline ships the worker's code. The app has no public endpoint and no inbound
 * private endpoint (VNet integration is outbound only), so nothing reaches its SCM site: not
 * `az functionapp deployment source config-zip`, the Functions GitHub action or `func publish`,
 * from any runner. ARM One Deploy goes through Azure Resource Manager instead: Azure fetches the
 * zip from `packageUri`, writes it into the deployment container as the app's identity, and
 * restarts the app. `worker.artifact` names the package the pipeline built; the stack does not
 * read it (docs/azure.md, "Shipping the worker's code").
 */
export function workerNextStep(appName: string, artifact: string | undefined): string {
    return `publish the code package ${artifact ?? ""} (a function named "${WORKER_FUNCTION}" with a Service Bus trigger on %WORKER_QUEUE% ` +
        `through connection "${SERVICE_BUS_CONNECTION}") with ARM One Deploy from the pipeline: az rest --method put --url ` +
        `"$(az functionapp list --query "[?name=='${appName}'].id" -o tsv)/extensions/onedeploy?api-version=${ONE_DEPLOY_API_VERSION}" ` +
        `--body '{"properties":{"type":"zip","packageUri":"<https URL of the zip Azure can fetch>"}}' ` +
        `(the app accepts no inbound traffic: config-zip and the Functions action, which push to its SCM site, cannot reach it)`;
}

/** A 5-field cron as the Functions timer trigger's NCRONTAB (seconds first). */
export function ncrontab(cron: string): string {
    return `0 ${cron.trim().split(/\s+/).join(" ")}`;
}

export interface WorkerArgs {
    ctx: StackContext;
    resourceGroupName: pulumi.Input<string>;
    subscriptionId: pulumi.Input<string>;
    /** The domain's Service Bus namespace name and queue (resource id for the grant). */
    serviceBusNamespace: pulumi.Input<string>;
    queueName: pulumi.Input<string>;
    queueId: pulumi.Input<string>;
    /** The queue's dead-letter path (the queue contract's `deadLetterQueueId`). */
    deadLetterQueueId: pulumi.Input<string>;
    /** The domain's storage account (shared keys off, private endpoint): deployment container + host state. */
    storageAccountName: pulumi.Input<string>;
    storageAccountId: pulumi.Input<string>;
    /** The platform's central Log Analytics workspace. */
    workspaceId: pulumi.Input<string>;
    /** The platform's delegated VNet integration subnet. */
    subnetId: pulumi.Input<string>;
}

/**
 * The domain's queue worker on Azure: a Flex Consumption function app (Linux) with its own
 * user-assigned identity, a Service Bus queue trigger through an identity-based connection (no
 * connection string), outbound VNet integration with all traffic routed into the network, public
 * inbound access off, code packages in a container of the domain's storage account (shared keys
 * off), Application Insights on the central workspace with local auth off, a maximum instance
 * count and optional always-ready instances that together cap it at `worker.maxConcurrency`; a timer trigger reads its schedule from an app setting.
 *
 * Why Flex Consumption: of the Functions plans it alone scales to zero and still has VNet
 * integration, identity-only storage and per-function always-ready instances; the Consumption plan
 * has no VNet integration, Premium (Elastic) bills at least one instance always.
 */
export function createWorker(name: string, parent: pulumi.Resource, args: WorkerArgs) {
    const { ctx } = args;
    const w = ctx.config.worker;
    const opts = { parent };
    const common = { resourceGroupName: args.resourceGroupName, tags: ctx.tags };
    const appName = ctx.naming.physical("azure.generic", "worker", "func");

    // Its display name in Entra ID is its PostgreSQL role (the domain's database bootstrap creates it).
    const identityName = ctx.naming.physical("azure.generic", "worker", "id");
    const identity = new managedidentity.UserAssignedIdentity(childName(name, "identity"), {
        ...common,
        resourceName: identityName,
    }, opts);
    const grant = (purpose: string, scope: pulumi.Input<string>, role: keyof typeof BUILTIN_ROLES) =>
        new authorization.RoleAssignment(childName(name, purpose), {
            roleAssignmentName: deterministicGuid(...ctx.naming.scope, ctx.config.region, name, purpose),
            scope,
            roleDefinitionId: builtInRoleId(args.subscriptionId, BUILTIN_ROLES[role]),
            principalId: identity.principalId,
            principalType: "ServicePrincipal",
        }, opts);

    const deployments = new storage.BlobContainer(childName(name, "deployments"), {
        resourceGroupName: args.resourceGroupName,
        accountName: args.storageAccountName,
        containerName: "worker-deployments",
        publicAccess: "None",
    }, opts);

    const insights = new applicationinsights.Component(childName(name, "insights"), {
        ...common,
        resourceName: ctx.naming.physical("azure.generic", "worker", "appi"),
        kind: "web",
        applicationType: "web",
        workspaceResourceId: args.workspaceId,
        ingestionMode: "LogAnalytics",
        disableLocalAuth: true,
    }, opts);

    const grants = [
        grant("queue-receiver", args.queueId, "serviceBusDataReceiver"),
        grant("host-storage", args.storageAccountId, "storageBlobDataOwner"),
        grant("telemetry", insights.id, "monitoringMetricsPublisher"),
    ];

    const plan = new web.AppServicePlan(childName(name, "plan"), {
        ...common,
        name: ctx.naming.physical("azure.generic", "worker", "plan"),
        kind: "functionapp",
        reserved: true,
        sku: { name: "FC1", tier: "FlexConsumption" },
        zoneRedundant: ctx.config.environment === "prod",
    }, opts);

    const managedIdentity = (prefix: string) => [
        { name: `${prefix}__credential`, value: "managedidentity" },
        { name: `${prefix}__clientId`, value: identity.clientId },
    ];
    const app = new web.WebApp(childName(name, "app"), {
        ...common,
        name: appName,
        kind: "functionapp,linux",
        serverFarmId: plan.id,
        identity: { type: "UserAssigned", userAssignedIdentities: [identity.id] },
        httpsOnly: true,
        publicNetworkAccess: "Disabled",
        // Always in the network: its host storage (the domain account) has no public endpoint in prod.
        virtualNetworkSubnetId: args.subnetId,
        outboundVnetRouting: { allTraffic: true },
        functionAppConfig: {
            deployment: {
                storage: {
                    type: "blobContainer",
                    value: pulumi.interpolate`https://${args.storageAccountName}.blob.core.windows.net/${deployments.name}`,
                    authentication: { type: "UserAssignedIdentity", userAssignedIdentityResourceId: identity.id },
                },
            },
            runtime: FLEX_RUNTIMES[w.runtime],
            scaleAndConcurrency: {
                // Always-ready instances come on top of this on-demand maximum: the two add up to maxConcurrency.
                maximumInstanceCount: flexMaximumInstanceCount(w.maxConcurrency, w.warmInstances),
                instanceMemoryMB: w.memoryMb <= 512 ? 512 : w.memoryMb <= 2048 ? 2048 : 4096,
                alwaysReady: w.warmInstances > 0 ? [{ name: `function:${WORKER_FUNCTION}`, instanceCount: w.warmInstances }] : [],
            },
        },
        siteConfig: {
            minTlsVersion: "1.2",
            ftpsState: "Disabled",
            http20Enabled: true,
            appSettings: [
                { name: "AzureWebJobsStorage__accountName", value: args.storageAccountName },
                ...managedIdentity("AzureWebJobsStorage"),
                { name: `${SERVICE_BUS_CONNECTION}__fullyQualifiedNamespace`, value: pulumi.interpolate`${args.serviceBusNamespace}.servicebus.windows.net` },
                ...managedIdentity(SERVICE_BUS_CONNECTION),
                { name: "WORKER_QUEUE", value: args.queueName },
                { name: "APPLICATIONINSIGHTS_CONNECTION_STRING", value: insights.connectionString },
                { name: "APPLICATIONINSIGHTS_AUTHENTICATION_STRING", value: pulumi.interpolate`ClientId=${identity.clientId};Authorization=AAD` },
                // host.json settings as app settings: one invocation's limit, the batch, one batch per instance.
                { name: "AzureFunctionsJobHost__functionTimeout", value: new Date(w.timeoutSeconds * 1000).toISOString().slice(11, 19) },
                { name: "AzureFunctionsJobHost__extensions__serviceBus__maxMessageBatchSize", value: String(w.batchSize) },
                { name: "AzureFunctionsJobHost__extensions__serviceBus__maxConcurrentCalls", value: "1" },
                ...(w.schedule ? [{ name: "WORKER_SCHEDULE", value: ncrontab(w.schedule) }] : []),
                ...Object.entries(w.environment).map(([key, value]) => ({ name: key, value })),
            ],
        },
        // The host reads its deployment container and the queue as this identity from the start:
        // create it after the grants have propagated, like the other identity-based resources.
    }, { parent, dependsOn: [afterGrants(childName(name, "app"), parent, grants)] });

    const outputs: WorkerOutputs = {
        name: app.name,
        trigger: w.schedule ? "queue+schedule" : "queue",
        batchSize: w.batchSize,
        maxConcurrency: w.maxConcurrency,
        timeoutSeconds: w.timeoutSeconds,
        warmInstances: w.warmInstances,
        deadLetterQueueId: pulumi.output(args.deadLetterQueueId),
        privateEgress: true,
        principal: identity.clientId,
        // The database role: created for this identity by the domain's database bootstrap (reachesData).
        identityScope: ["queue", "dead-letter-queue", "bucket", ...(w.reachesData ? ["database"] : []), "logs"],
        nextStep: workerNextStep(appName, w.artifact),
    };
    return { identity, identityName, plan, app, insights, outputs };
}

/** The domain's serverless queue worker (`landing-zone:azure:Worker`). */
export class Worker extends pulumi.ComponentResource {
    readonly result: ReturnType<typeof createWorker>;

    constructor(name: string, args: WorkerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:azure:Worker", name, {}, opts);
        this.result = createWorker(name, this, args);
        this.registerOutputs({ name: this.result.outputs.name });
    }
}
