import * as pulumi from "@pulumi/pulumi";
import type { KeyPurpose, OrganizationReference, PlatformOutputs, StackContext } from "../core/contracts";
import { Cluster } from "./cluster";
import type { AzurePlatformExtras } from "./extras";
import { PersonaAccess } from "./access";
import { type AzureDomainHome, DomainHome } from "./home";
import { Hierarchy } from "./hierarchy";
import { Keys } from "./keys";
import { Logging } from "./logging";
import { Network } from "./network";
import { azureProvider } from "./provider";
import { Registry } from "./registry";

/**
 * Composes the azure platform layer: hierarchy (management groups, resource groups), central
 * logging, network, Key Vault + keys, container registry, AKS and the home of every registered
 * domain on AKS, on one explicit provider.
 */
export function platform(ctx: StackContext, organization?: OrganizationReference): PlatformOutputs {
    const cfg = ctx.config;
    const provider = azureProvider(ctx);
    const opts = { providers: [provider] };
    const tenantId = cfg.azure.tenantId ?? "";

    const hierarchy = new Hierarchy("hierarchy", { ctx, organization }, opts).result;
    const rg = hierarchy.resourceGroups;

    // Keys first: the log archive is encrypted with the `logs` key. The vault's private endpoint and
    // audit logs follow once the network and the workspace exist.
    const keysComponent = new Keys("keys", { ctx, resourceGroupName: rg.shared, tenantId }, opts);
    const keys = keysComponent.result;

    const logging = new Logging("logging", {
        ctx,
        resourceGroupName: rg.shared,
        encryptionKey: { keyId: keys.keys.logs.id, keyName: keys.keyNames.logs, vaultUri: keys.vaultUri },
        resourceGroupScope: `/subscriptions/${cfg.azure.subscriptionId ?? ""}/resourceGroups/${hierarchy.names.resourceGroups.shared}`,
    }, opts).result;
    const workspaceId = logging.workspace.id;

    const network = new Network("network", {
        ctx,
        resourceGroupName: rg.network,
        workspaceId,
        archiveStorageId: logging.archive.id,
    }, opts).result;

    keysComponent.connect({
        ctx,
        resourceGroupName: rg.shared,
        privateEndpointSubnetId: network.subnets.privateEndpoints.id,
        privateDnsZoneId: network.privateDnsZoneIds.keyVault,
        workspaceId,
    });

    const registry = new Registry("registry", {
        ctx,
        resourceGroupName: rg.shared,
        privateEndpointSubnetId: network.subnets.privateEndpoints.id,
        privateDnsZoneId: network.privateDnsZoneIds.registry,
        workspaceId,
    }, opts).result;

    const cluster = new Cluster("cluster", {
        ctx,
        resourceGroupName: rg.cluster,
        nodeSubnetId: network.subnets.aksNodes.id,
        egressIp: network.natPublicIp.ipAddress.apply((ip) => ip ?? ""),
        workspaceId,
        registryId: registry.registry.id,
    }, opts).result;

    // One vended home per registered domain: namespace baseline, workload identity, deploy access, personas.
    const homes: Record<string, AzureDomainHome> = {};
    for (const [domain, registration] of Object.entries(cfg.domains)) {
        homes[domain] = new DomainHome(`home-${domain}`, {
            ctx, domain, registration,
            resourceGroupName: hierarchy.domainResourceGroups[domain],
            clusterId: cluster.cluster.id,
            oidcIssuer: cluster.outputs.oidcIssuer,
            vnetCidr: network.outputs.cidr,
            k8sProvider: cluster.outputs.provider,
        }, opts).result.outputs;
    }

    new PersonaAccess("personas", { ctx, clusterId: cluster.cluster.id, workspaceId }, opts);

    // Names the stack knows before deploying are exported as such (a domain stack reads them after
    // the platform exists); ids stay outputs.
    const known = (value: string) => pulumi.output(value);
    const extras: AzurePlatformExtras = {
        location: cfg.region,
        subscriptionId: pulumi.output(cfg.azure.subscriptionId ?? ""),
        tenantId: pulumi.output(tenantId),
        resourceGroups: {
            network: known(hierarchy.names.resourceGroups.network),
            cluster: known(hierarchy.names.resourceGroups.cluster),
            shared: known(hierarchy.names.resourceGroups.shared),
        },
        domainResourceGroups: Object.fromEntries(Object.entries(hierarchy.names.domainResourceGroups).map(([d, n]) => [d, known(n)])),
        vnetId: network.vnet.id,
        subnets: {
            aksNodes: network.subnets.aksNodes.id,
            privateEndpoints: network.subnets.privateEndpoints.id,
            postgres: network.subnets.postgres.id,
            functions: network.subnets.functions.id,
            jobs: network.subnets.jobs.id,
        },
        privateDnsZoneIds: network.privateDnsZoneIds,
        logAnalyticsWorkspaceId: workspaceId,
        aksClusterId: cluster.cluster.id,
        aksClusterName: known(cluster.clusterName),
        acrId: registry.registry.id,
        acrName: known(registry.registryName),
        keyVaultId: keys.vault.id,
        keyVaultUri: known(keys.vaultUri),
        keyNames: Object.fromEntries(Object.entries(keys.keyNames).map(([purpose, keyName]) => [purpose, known(keyName)])) as Record<KeyPurpose, pulumi.Output<string>>,
    };

    return {
        hierarchy: hierarchy.outputs,
        network: network.outputs,
        cluster: cluster.outputs,
        registry: registry.outputs,
        keys: keys.outputs,
        logging: logging.outputs,
        domains: Object.keys(homes),
        homes,
        extras: { ...extras },
    };
}
