import * as pulumi from "@pulumi/pulumi";
import type { DomainOutputs, PlatformReference, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { NamespaceBaseline, type EgressRule, NAMESPACE_QUOTAS } from "../kubernetes/namespace-baseline";
import { clusterProvider } from "../kubernetes/provider";
import { REDIS_TLS_PORT, SessionCache } from "./cache";
import { Database, POSTGRES_PORT } from "./database";
import { DatabaseBootstrap } from "./database-bootstrap";
import type { AzurePlatformExtras } from "./extras";
import { WorkloadAccess, WorkloadIdentity } from "./identity";
import { Pipeline } from "./pipeline";
import { azureProvider } from "./provider";
import { serviceBusTier, WorkQueue } from "./queue";
import { keyVaultKeyParts, ObjectStore } from "./storage";

/** The workload ServiceAccount every domain namespace gets (federated to the domain's managed identity). */
export const WORKLOAD_SERVICE_ACCOUNT = "workload";

/** Service Bus AMQP over TLS. */
export const AMQPS_PORT = 5671;

/** Every address except the instance metadata endpoint and the Azure host IP (168.63.129.16). */
const INTERNET = { cidr: "0.0.0.0/0", except: ["169.254.169.254/32", "168.63.129.16/32"] };

/**
 * Egress a domain's pods need: the VNet (private endpoints: PostgreSQL 5432, Azure Managed Redis
 * 10000, Service Bus AMQP 5671 + HTTPS 443, blob HTTPS) and HTTPS to Microsoft Entra ID for the
 * workload identity token exchange; never the instance metadata endpoint. A Standard Service Bus
 * namespace (dev) has no private endpoint: AMQP then goes to its public address.
 */
export function domainEgress(vnetCidr: pulumi.Input<string>, publicServiceBus = false): EgressRule[] {
    return [
        { cidr: vnetCidr, ports: [POSTGRES_PORT, REDIS_TLS_PORT, AMQPS_PORT, 443] },
        { ...INTERNET, ports: publicServiceBus ? [443, AMQPS_PORT] : [443] },
    ];
}

/** The platform's extras as this cloud exported them. */
export function azureExtras(platform: PlatformReference): pulumi.Output<pulumi.Unwrap<AzurePlatformExtras>> {
    return platform.get("extras") as unknown as pulumi.Output<pulumi.Unwrap<AzurePlatformExtras>>;
}

/** The platform's resource group for `domain`; a clear error when the platform does not serve it. */
export function domainResourceGroup(extras: pulumi.Unwrap<AzurePlatformExtras>, domain: string, platformStack: string): string {
    const group = extras.domainResourceGroups?.[domain];
    if (!group) {
        throw new Error(`platform stack ${platformStack} has no resource group for domain "${domain}"; add it to the platform's landing-zone:hierarchy.domains`);
    }
    return group;
}

/**
 * Composes the azure domain layer on the platform it references: namespace baseline on AKS,
 * workload identity, PostgreSQL (per layout), storage, Service Bus, Redis, CI/CD, then the grants
 * that tie the identity to exactly these resources.
 */
export function domain(ctx: StackContext, platform: PlatformReference): DomainOutputs {
    const domainName = ctx.config.domain ?? "app";
    const provider = azureProvider(ctx);
    const extras = azureExtras(platform);
    const cluster = platform.get("cluster");
    const registry = platform.get("registry");
    const resourceGroupName = extras.apply((e) => domainResourceGroup(e, domainName, platform.name));
    const opts = { provider };
    const dataKeyId = platform.get("keys").keyIds.data;
    // Plain when configured, so server inputs stay known in a preview.
    const tenantId = ctx.config.azure.tenantId ?? extras.tenantId;

    // The workload identity first: the grants, the ServiceAccount and the credentials reference use it.
    const identity = new WorkloadIdentity(childName(domainName, "identity"), {
        ctx,
        resourceGroupName,
        oidcIssuer: cluster.oidcIssuer,
        namespace: domainName,
        serviceAccountName: WORKLOAD_SERVICE_ACCOUNT,
    }, opts).result;

    // Kubernetes: the domain's namespace and workload ServiceAccount on the platform cluster.
    const k8sProvider = clusterProvider(childName(domainName, "aks"), cluster.kubeconfig);
    const baseline = new NamespaceBaseline(childName(domainName, "baseline"), {
        namespace: domainName,
        labels: { ...ctx.tags },
        quota: NAMESPACE_QUOTAS[ctx.config.environment],
        serviceAccount: {
            name: WORKLOAD_SERVICE_ACCOUNT,
            annotations: identity.serviceAccountAnnotations,
            labels: { "azure.workload.identity/use": "true" },
        },
        egress: domainEgress(platform.get("network").cidr, serviceBusTier(ctx) === "Standard"),
    }, { provider: k8sProvider });

    const database = new Database(childName(domainName, "database"), {
        ctx,
        resourceGroupName,
        delegatedSubnetId: extras.subnets.postgres,
        privateDnsZoneId: extras.privateDnsZoneIds.postgres,
        tenantId,
        loginPrincipal: identity.identityName,
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
            authPrincipal: identity.identity.clientId,
            principalId: identity.identity.principalId,
        }, opts).result
        : undefined;

    new WorkloadAccess(childName(domainName, "access"), {
        ctx,
        principalId: identity.identity.principalId,
        principalName: identity.identityName,
        subscriptionId: ctx.config.azure.subscriptionId ?? extras.subscriptionId,
        tenantId,
        storageContainerId: objectStore.container.id,
        queueId: queue.queue.id,
    }, opts);

    // The servers' administrators (the configured group, a bootstrap identity; never the workload)
    // and the one-shot job inside the VNet that creates the workload's own database role.
    new DatabaseBootstrap(childName(domainName, "database-bootstrap"), {
        ctx,
        resourceGroupName,
        tenantId,
        jobsSubnetId: extras.apply((e) => {
            if (!e.subnets.jobs) throw new Error(`platform stack ${platform.name} exports no jobs subnet; update the platform stack first`);
            return e.subnets.jobs;
        }),
        servers: database.primaries.map((p, i) => ({ serverName: database.primaryNames[i], server: p.server, ready: p.ready })),
        hosts: database.outputs.shards.map((s) => s.writer),
        databaseName: database.outputs.databaseName,
        adminGroup: ctx.config.azure.databaseAdminGroup,
        app: { name: identity.identityName, objectId: identity.identity.principalId },
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
            dependsOn: [baseline],
        }, opts).result.outputs
        : undefined;

    return {
        namespace: domainName,
        identity: identity.outputs,
        database: database.outputs,
        objectStore: objectStore.outputs,
        queue: queue.outputs,
        cache: cache?.outputs,
        pipeline,
    };
}
