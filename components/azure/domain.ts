import * as pulumi from "@pulumi/pulumi";
import { type DomainOutputs, type PlatformReference, type StackContext, WORKLOAD_SERVICE_ACCOUNT } from "../core/contracts";
import { childName } from "../core/naming";
import { SessionCache } from "./cache";
import { Database } from "./database";
import { DatabaseBootstrap } from "./database-bootstrap";
import type { AzurePlatformExtras } from "./extras";
import type { AzureDomainHome } from "./home";
import { WorkloadAccess } from "./identity";
import { Pipeline } from "./pipeline";
import { azureProvider } from "./provider";
import { WorkQueue } from "./queue";
import { keyVaultKeyParts, ObjectStore } from "./storage";
import { Worker } from "./worker";

/** The platform's extras as this cloud exported them. */
export function azureExtras(platform: PlatformReference): pulumi.Output<pulumi.Unwrap<AzurePlatformExtras>> {
    return platform.get("extras") as unknown as pulumi.Output<pulumi.Unwrap<AzurePlatformExtras>>;
}

/** The platform's resource group for `domain` (the program checked the domain is registered). */
export function domainResourceGroup(extras: pulumi.Unwrap<AzurePlatformExtras>, domain: string, platformStack: string): string {
    const group = extras.domainResourceGroups?.[domain];
    if (!group) {
        throw new Error(`platform stack ${platformStack} exports no resource group for domain "${domain}"; run its \`pulumi up\` first`);
    }
    return group;
}

/** The home the platform vended `domain` (namespace, workload identity, deploy identity). */
export function azureHome(platform: PlatformReference, domain: string): pulumi.Output<pulumi.Unwrap<AzureDomainHome>> {
    return platform.get("homes").apply((homes) => homes[domain] as pulumi.Unwrap<AzureDomainHome>);
}

/** The platform's VNet integration subnet for workers; a clear error when the platform predates it. */
export function workerSubnet(extras: pulumi.Unwrap<AzurePlatformExtras>, platformStack: string): string {
    const subnet = extras.subnets?.functions;
    if (!subnet) throw new Error(`platform stack ${platformStack} exports no worker subnet (extras.subnets.functions); run pulumi up on the platform stack first`);
    return subnet;
}

/**
 * Composes the azure domain layer on the platform it references, through Azure APIs only:
 * PostgreSQL (per layout), storage, Service Bus, Azure Managed Redis, CI/CD, the queue worker, the
 * grants that tie the workload identity the platform vended (federated to the namespace's
 * ServiceAccount) to exactly these resources, and the database bootstrap that creates the workload's
 * and the worker's own PostgreSQL roles. It needs no access to the cluster's API.
 */
export function domain(ctx: StackContext, platform: PlatformReference): DomainOutputs {
    const domainName = ctx.config.domain ?? "app";
    const provider = azureProvider(ctx);
    const extras = azureExtras(platform);
    const registry = platform.get("registry");
    const resourceGroupName = extras.apply((e) => domainResourceGroup(e, domainName, platform.name));
    const opts = { provider };
    const dataKeyId = platform.get("keys").keyIds.data;
    // Plain when configured, so server inputs stay known in a preview.
    const tenantId = ctx.config.azure.tenantId ?? extras.tenantId;

    // The workload identity is the platform's (vended with the domain's home); read once.
    const home = azureHome(platform, domainName);
    const identityName = home.workloadIdentityName;

    const database = new Database(childName(domainName, "database"), {
        ctx,
        resourceGroupName,
        delegatedSubnetId: extras.subnets.postgres,
        privateDnsZoneId: extras.privateDnsZoneIds.postgres,
        tenantId,
        loginPrincipal: identityName,
    }, opts).result;

    const objectStore = new ObjectStore(childName(domainName, "storage"), {
        ctx,
        resourceGroupName,
        privateEndpointSubnetId: extras.subnets.privateEndpoints,
        blobDnsZoneId: extras.privateDnsZoneIds.blob,
        dataKeyId,
        dataKey: pulumi.all([extras, dataKeyId]).apply(([e, keyId]) => {
            const parsed = keyVaultKeyParts(keyId, e.keyVaultId);
            return { keyVaultUri: e.keyVaultUri ?? parsed.keyVaultUri, keyName: e.keyNames?.data ?? parsed.keyName };
        }),
        keySubscriptionId: extras.subscriptionId,
    }, opts).result;

    const queue = new WorkQueue(childName(domainName, "queue"), {
        ctx,
        resourceGroupName,
        privateEndpointSubnetId: extras.subnets.privateEndpoints,
        serviceBusDnsZoneId: extras.privateDnsZoneIds.serviceBus,
    }, opts).result;

    const cache = ctx.config.cache.enabled
        ? new SessionCache(childName(domainName, "cache"), {
            ctx,
            resourceGroupName,
            privateEndpointSubnetId: extras.subnets.privateEndpoints,
            redisDnsZoneId: extras.privateDnsZoneIds.redis,
            authPrincipal: home.workloadClientId,
            principalId: home.workloadPrincipal,
        }, opts).result
        : undefined;

    new WorkloadAccess(childName(domainName, "access"), {
        ctx,
        principalId: home.workloadPrincipal,
        subscriptionId: ctx.config.azure.subscriptionId ?? extras.subscriptionId,
        storageContainerId: objectStore.container.id,
        queueId: queue.queue.id,
    }, opts);

    const pipeline = ctx.config.pipeline.enabled
        ? new Pipeline(childName(domainName, "pipeline"), {
            ctx,
            registryName: extras.acrName,
            registryId: extras.acrId,
            registrySubscriptionId: extras.subscriptionId,
            registryResourceGroup: extras.resourceGroups.shared,
            registryUrl: registry.registryUrl,
            clusterName: extras.aksClusterName,
            clusterResourceGroup: extras.resourceGroups.cluster,
            namespace: domainName,
        }, opts).result.outputs
        : undefined;

    const worker = ctx.config.worker.enabled ? new Worker(childName(domainName, "worker"), {
        ctx,
        resourceGroupName,
        subscriptionId: ctx.config.azure.subscriptionId ?? extras.subscriptionId,
        serviceBusNamespace: queue.namespace.name,
        queueName: queue.queue.name,
        queueId: queue.queue.id,
        deadLetterQueueId: queue.outputs.deadLetterQueueId,
        storageAccountName: objectStore.account.name,
        storageAccountId: objectStore.account.id,
        workspaceId: extras.logAnalyticsWorkspaceId,
        subnetId: extras.apply((e) => workerSubnet(e, platform.name)),
    }, opts).result : undefined;

    // The servers' administrators (the configured group, a bootstrap identity; never an application)
    // and the one-shot job inside the VNet that creates the workload's own database role, and the
    // worker's when it reaches data (it signs in as its own identity, like the workload).
    new DatabaseBootstrap(childName(domainName, "database-bootstrap"), {
        ctx,
        resourceGroupName,
        tenantId,
        jobsSubnetId: extras.apply((e) => {
            if (!e.subnets.jobs) throw new Error(`platform stack ${platform.name} exports no jobs subnet; update the platform stack first`);
            return e.subnets.jobs;
        }),
        servers: database.primaries.map((p, i) => ({ serverName: database.primaryNames[i], server: p.server, ready: p.ready, settled: p.settled })),
        hosts: database.outputs.shards.map((s) => s.writer),
        databaseName: database.outputs.databaseName,
        adminGroup: ctx.config.azure.databaseAdminGroup,
        apps: [
            { name: identityName, objectId: home.workloadPrincipal },
            ...(worker && ctx.config.worker.reachesData ? [{ name: worker.identityName, objectId: worker.identity.principalId }] : []),
        ],
    }, opts);

    return {
        namespace: domainName,
        identity: { namespace: domainName, serviceAccountName: WORKLOAD_SERVICE_ACCOUNT, principal: home.workloadClientId },
        database: database.outputs,
        objectStore: objectStore.outputs,
        queue: queue.outputs,
        cache: cache?.outputs,
        pipeline,
        ...(worker ? { worker: worker.outputs } : {}),
    };
}
