/**
 * A stand-in for the Azure platform stack's outputs, so the domain layer can be proven on its own:
 * the shape of `PlatformExports` with `AzurePlatformExtras`, with documented placeholder ids.
 */
import * as pulumi from "@pulumi/pulumi";
import { domain } from "../../../components/azure/domain";
import type { StackConfig } from "../../../components/core/config/types";
import type { DomainOutputs, PlatformReference } from "../../../components/core/contracts";
import { runComponent, testContext, type Recorded } from "../../harness";

export const SUBSCRIPTION = "00000000-0000-0000-0000-000000000002";
export const TENANT = "00000000-0000-0000-0000-000000000001";
export const DATABASE_ADMINS = { objectId: "00000000-0000-0000-0000-0000000000db", name: "acme-orders-db-admins" };
/** The workload identity the platform vended `orders` (principal and client id). */
export const WORKLOAD_PRINCIPAL_ID = "00000000-0000-0000-0000-0000000000a1";
export const WORKLOAD_CLIENT_ID = "00000000-0000-0000-0000-0000000000c1";
const rg = (name: string) => `/subscriptions/${SUBSCRIPTION}/resourceGroups/${name}`;
const dnsZone = (zone: string) => `${rg("acme-dev-network")}/providers/Microsoft.Network/privateDnsZones/${zone}`;
const subnet = (name: string) => `${rg("acme-dev-network")}/providers/Microsoft.Network/virtualNetworks/acme-dev-vnet/subnets/${name}`;

export const fakeExports: Record<string, unknown> = {
    network: {
        networkId: `${rg("acme-dev-network")}/providers/Microsoft.Network/virtualNetworks/acme-dev-vnet`,
        cidr: "10.30.0.0/16",
        zones: ["1", "2", "3"],
        subnetIds: { public: [], private: [subnet("aks")], data: [subnet("endpoints"), subnet("postgres")] },
        subnetCidrs: { public: [], private: ["10.30.0.0/18"], data: ["10.30.64.0/22", "10.30.68.0/24"] },
        natGatewayCount: 1,
            egressZoneRedundant: false,
    },
    cluster: {
        name: "acme-dev-aks",
        version: "1.34",
        endpoint: "https://acme-dev-aks.privatelink.westeurope.azmk8s.io",
        kubeconfig: "apiVersion: v1\nkind: Config\nclusters: []\n",
        oidcIssuer: `https://westeurope.oic.prod-aks.azure.com/${TENANT}/11111111-1111-1111-1111-111111111111/`,
        nodeZones: ["1", "2", "3"],
    },
    registry: { registryUrl: "acmedevacr.azurecr.io", registryId: `${rg("acme-dev-shared")}/providers/Microsoft.ContainerRegistry/registries/acmedevacr` },
    keys: {
        keyIds: Object.fromEntries(["data", "logs", "cluster", "registry"].map((purpose) =>
            [purpose, `${rg("acme-dev-shared")}/providers/Microsoft.KeyVault/vaults/acme-dev-kv/keys/acme-dev-${purpose}-key`])),
        rotationDays: 365,
    },
    logging: { workspaceId: `${rg("acme-dev-shared")}/providers/Microsoft.OperationalInsights/workspaces/acme-dev-logs`, archiveId: "archive", retentionDays: 30 },
    hierarchy: { mode: "skip", rootId: TENANT, environmentId: TENANT, platformScope: SUBSCRIPTION, domainScopes: {} },
    domains: ["orders"],
    homes: {
        orders: {
            namespace: "orders",
            serviceAccountName: "workload",
            quota: "medium",
            workloadPrincipal: WORKLOAD_PRINCIPAL_ID,
            deployPrincipal: "00000000-0000-0000-0000-00000000d3p1",
            workloadClientId: WORKLOAD_CLIENT_ID,
            workloadIdentityName: "acme-dev-orders-workload",
        },
    },
    extras: {
        location: "westeurope",
        subscriptionId: SUBSCRIPTION,
        tenantId: TENANT,
        resourceGroups: { network: "acme-dev-network", cluster: "acme-dev-cluster", shared: "acme-dev-shared" },
        domainResourceGroups: { orders: "acme-dev-orders" },
        vnetId: `${rg("acme-dev-network")}/providers/Microsoft.Network/virtualNetworks/acme-dev-vnet`,
        subnets: { aksNodes: subnet("aks"), privateEndpoints: subnet("endpoints"), postgres: subnet("postgres"), functions: subnet("functions"), jobs: subnet("jobs") },
        privateDnsZoneIds: {
            postgres: dnsZone("privatelink.postgres.database.azure.com"),
            keyVault: dnsZone("privatelink.vaultcore.azure.net"),
            registry: dnsZone("privatelink.azurecr.io"),
            blob: dnsZone("privatelink.blob.core.windows.net"),
            serviceBus: dnsZone("privatelink.servicebus.windows.net"),
            redis: dnsZone("privatelink.redis.azure.net"),
        },
        logAnalyticsWorkspaceId: `${rg("acme-dev-shared")}/providers/Microsoft.OperationalInsights/workspaces/acme-dev-logs`,
        aksClusterId: `${rg("acme-dev-cluster")}/providers/Microsoft.ContainerService/managedClusters/acme-dev-aks`,
        aksClusterName: "acme-dev-aks",
        acrId: `${rg("acme-dev-shared")}/providers/Microsoft.ContainerRegistry/registries/acmedevacr`,
        acrName: "acmedevacr",
        keyVaultId: `${rg("acme-dev-shared")}/providers/Microsoft.KeyVault/vaults/acme-dev-kv`,
        keyVaultUri: "https://acme-dev-kv.vault.azure.net/",
        keyNames: { data: "acme-dev-data-key", logs: "acme-dev-logs-key", cluster: "acme-dev-cluster-key", registry: "acme-dev-registry-key" },
    },
};

export function fakePlatform(exports: Record<string, unknown> = fakeExports): PlatformReference {
    return {
        name: "platform-azure-test",
        get: ((key: string) => pulumi.output(exports[key])) as PlatformReference["get"],
    };
}

export { fabricatedId } from "../../../tools/mock-engine";

/** A domain stack config for the tests (presets apply on top). */
export function domainConfig(config: Partial<StackConfig> = {}): Partial<StackConfig> & Pick<StackConfig, "cloud"> {
    return {
        layer: "domain",
        cloud: "azure",
        environment: "dev",
        region: "westeurope",
        owner: "orders-team",
        prefix: "acme",
        domain: "orders",
        network: { cidr: "10.30.0.0/16" },
        pipeline: { source: "external", repository: "acme/orders-service", deployRepository: "acme/orders-deploy" },
        azure: { tenantId: TENANT, subscriptionId: SUBSCRIPTION, databaseAdminGroup: DATABASE_ADMINS },
        ...config,
    };
}

type DomainRun = Recorded & { outputs?: DomainOutputs };
const runs = new Map<string, Promise<DomainRun>>();

/**
 * Runs the azure domain layer with `config` on the fake platform; returns what it registered.
 * Memoised per config and mode (tests only read the record); `fresh` forces a new run.
 */
export function runDomain(config: Partial<StackConfig> = {}, options: { preview?: boolean; fresh?: boolean } = {}): Promise<DomainRun> {
    const key = JSON.stringify([config, options.preview ?? true]);
    if (options.fresh || !runs.has(key)) {
        runs.set(key, (async () => {
            let outputs: DomainOutputs | undefined;
            const recorded = await runComponent(() => {
                outputs = domain(testContext(domainConfig(config)), fakePlatform());
            }, { preview: options.preview });
            return Object.assign(recorded, { outputs });
        })());
    }
    return runs.get(key)!;
}
