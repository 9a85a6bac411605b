import * as containerservice from "@pulumi/azure-native/containerservice";
import * as kubernetesconfiguration from "@pulumi/azure-native/kubernetesconfiguration";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as pulumi from "@pulumi/pulumi";
import { AKS_OVERLAY } from "../core/config/rules/azure";
import type { ResolvedConfig } from "../core/config/presets";
import type { ClusterOutputs, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { sizeFor } from "../core/sizes";
import { clusterProvider } from "../kubernetes/provider";
import { createContainerInsights } from "./container-insights";
import { diagnosticSetting } from "./diagnostics";
import { aksKubeconfig, aksServer } from "./kubeconfig";
import { azureZones } from "./network";
import { afterGrants } from "./propagation";
import { roleAssignment } from "./rbac";

/**
 * `cluster.releaseChannel` to the AKS auto-upgrade channel. `stable` keeps the pinned minor
 * version and takes its patches; `regular` follows AKS `stable` (latest patch of minor N-1) and
 * `rapid` AKS `rapid` (latest minor): there the pinned version is the version the cluster starts on.
 */
export const UPGRADE_CHANNELS: Record<ResolvedConfig["cluster"]["releaseChannel"], "patch" | "stable" | "rapid"> = {
    stable: "patch",
    regular: "stable",
    rapid: "rapid",
};

/** The taint `--nodepool-taints CriticalAddonsOnly=true:NoSchedule` (az `--only-critical-addons`). */
export const CRITICAL_ADDONS_ONLY_TAINT = "CriticalAddonsOnly=true:NoSchedule";

/** The AKS Flux (GitOps) extension: one per cluster, shared by every domain's FluxConfiguration. */
export const FLUX = { extensionName: "flux", extensionType: "microsoft.flux", syncSeconds: 120, timeoutSeconds: 600 };

/** Control-plane log categories sent to Log Analytics (resource-specific tables). */
export const AKS_LOG_CATEGORIES = [
    "kube-apiserver", "kube-audit-admin", "kube-controller-manager", "kube-scheduler", "cluster-autoscaler", "guard", "cloud-controller-manager",
];

export interface ClusterArgs {
    ctx: StackContext;
    /** The cluster resource group. */
    resourceGroupName: pulumi.Input<string>;
    nodeSubnetId: pulumi.Input<string>;
    /** The NAT gateway's public IP: nodes reach a public API server from it (authorized ranges). */
    egressIp: pulumi.Input<string>;
    workspaceId: pulumi.Input<string>;
    /** The registry the nodes pull from (AcrPull for the kubelet identity). */
    registryId: pulumi.Input<string>;
}

export interface ClusterResult {
    outputs: ClusterOutputs;
    cluster: containerservice.ManagedCluster;
    /** The cluster's physical name. */
    clusterName: string;
    userPool: containerservice.AgentPool;
    controlPlaneIdentity: managedidentity.UserAssignedIdentity;
    kubeletIdentity: managedidentity.UserAssignedIdentity;
    /** The cluster-wide Flux extension the domains' FluxConfigurations run on. */
    flux: kubernetesconfiguration.Extension;
}

/**
 * AKS: Entra ID integration with Azure RBAC and no local accounts, private API server (or
 * authorized ranges from `cluster.apiAllowedCidrs`), OIDC issuer + workload identity, Azure CNI
 * overlay with Cilium network policy, a system pool for critical add-ons across zones, an
 * autoscaled user pool, Container Insights to Log Analytics, auto-upgrade channel, pinned version,
 * user-assigned control-plane and kubelet identities; plus a Kubernetes provider using kubelogin.
 */
export class Cluster extends pulumi.ComponentResource {
    readonly result: ClusterResult;

    constructor(name: string, args: ClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:azure:Cluster", name, {}, opts);
        this.result = createCluster(name, this, args);
        this.registerOutputs({ name: this.result.outputs.name, endpoint: this.result.outputs.endpoint });
    }
}

export function createCluster(name: string, parent: pulumi.Resource, args: ClusterArgs): ClusterResult {
    const { ctx } = args;
    const cfg = ctx.config;
    const prod = cfg.environment === "prod";
    const common = { resourceGroupName: args.resourceGroupName, location: cfg.region, tags: ctx.tags };
    const zones = azureZones(ctx);
    const clusterName = ctx.naming.physical("azure.aksCluster", "aks");
    const privateApi = cfg.cluster.apiAllowedCidrs.length === 0;

    const controlPlaneIdentity = new managedidentity.UserAssignedIdentity(childName(name, "control-plane"), {
        ...common,
        resourceName: ctx.naming.physical("azure.generic", "aks", "control", "plane", "id"),
    }, { parent });
    const kubeletIdentity = new managedidentity.UserAssignedIdentity(childName(name, "kubelet"), {
        ...common,
        resourceName: ctx.naming.physical("azure.generic", "aks", "kubelet", "id"),
    }, { parent });

    // What the control plane needs before the cluster exists: join/manage the node subnet, and
    // assign the kubelet identity to the nodes. The kubelet identity pulls images, nothing more.
    const grants = [
        roleAssignment(childName(name, "control-plane-subnet"), parent, ctx, {
            scope: args.nodeSubnetId, role: "networkContributor", principalId: controlPlaneIdentity.principalId,
        }),
        roleAssignment(childName(name, "control-plane-kubelet"), parent, ctx, {
            scope: kubeletIdentity.id, role: "managedIdentityOperator", principalId: controlPlaneIdentity.principalId,
        }),
    ];
    roleAssignment(childName(name, "kubelet-acr"), parent, ctx, {
        scope: args.registryId, role: "acrPull", principalId: kubeletIdentity.principalId,
    });

    const channel = UPGRADE_CHANNELS[cfg.cluster.releaseChannel];
    const systemSize = sizeFor("azure", prod ? "medium" : "small");
    const systemCount = prod ? 3 : 1;
    const cluster = new containerservice.ManagedCluster(childName(name, "aks"), {
        ...common,
        resourceName: clusterName,
        dnsPrefix: clusterName,
        kubernetesVersion: cfg.cluster.version,
        sku: { name: "Base", tier: prod ? "Standard" : "Free" },
        supportPlan: "KubernetesOfficial",
        identity: { type: containerservice.ResourceIdentityType.UserAssigned, userAssignedIdentities: [controlPlaneIdentity.id] },
        identityProfile: {
            kubeletidentity: { resourceId: kubeletIdentity.id, clientId: kubeletIdentity.clientId, objectId: kubeletIdentity.principalId },
        },
        nodeResourceGroup: ctx.naming.physical("azure.resourceGroup", "aks", "nodes", "rg"),
        nodeResourceGroupProfile: { restrictionLevel: "ReadOnly" },
        // Entra ID only: Azure RBAC for Kubernetes authorization, no static (local) credentials.
        enableRBAC: true,
        disableLocalAccounts: true,
        aadProfile: {
            managed: true,
            enableAzureRBAC: true,
            adminGroupObjectIDs: cfg.azure.adminGroupObjectIds ?? [],
            tenantID: cfg.azure.tenantId,
        },
        apiServerAccessProfile: privateApi
            ? { enablePrivateCluster: true, privateDNSZone: "system", enablePrivateClusterPublicFQDN: false }
            : { enablePrivateCluster: false, authorizedIPRanges: [...cfg.cluster.apiAllowedCidrs, pulumi.interpolate`${args.egressIp}/32`] },
        oidcIssuerProfile: { enabled: true },
        securityProfile: {
            workloadIdentity: { enabled: true },
            imageCleaner: { enabled: true, intervalHours: 168 },
        },
        networkProfile: {
            networkPlugin: "azure",
            networkPluginMode: "overlay",
            networkDataplane: "cilium",
            networkPolicy: "cilium",
            podCidr: AKS_OVERLAY.podCidr,
            serviceCidr: AKS_OVERLAY.serviceCidr,
            dnsServiceIP: AKS_OVERLAY.dnsServiceIP,
            outboundType: "userAssignedNATGateway",
            loadBalancerSku: "standard",
        },
        agentPoolProfiles: [{
            name: "system",
            mode: "System",
            type: "VirtualMachineScaleSets",
            vmSize: systemSize.node,
            osType: "Linux",
            osSKU: "AzureLinux",
            count: systemCount,
            enableAutoScaling: true,
            minCount: systemCount,
            maxCount: prod ? 5 : 3,
            availabilityZones: zones,
            // Only critical add-ons (CoreDNS, metrics-server, CNI...) run here; workloads go to the user pool.
            nodeTaints: [CRITICAL_ADDONS_ONLY_TAINT],
            enableNodePublicIP: false,
            vnetSubnetID: args.nodeSubnetId,
            orchestratorVersion: cfg.cluster.version,
            upgradeSettings: { maxSurge: "33%" },
            tags: ctx.tags,
        }],
        addonProfiles: {
            omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: args.workspaceId, useAADAuth: "true" } },
            azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: "true", rotationPollInterval: "2m" } },
            azurepolicy: { enabled: true, config: { version: "v2" } },
        },
        autoUpgradeProfile: { upgradeChannel: channel, nodeOSUpgradeChannel: "NodeImage" },
    }, {
        parent,
        // AKS checks both grants when it creates the cluster: wait for them to propagate.
        dependsOn: [afterGrants(childName(name, "aks"), parent, grants)],
        // The autoscaler owns node counts; under a minor-upgrading channel AKS owns the version.
        ignoreChanges: ["agentPoolProfiles[0].count", ...(channel === "patch" ? [] : ["kubernetesVersion", "agentPoolProfiles[0].orchestratorVersion"])],
    });

    const nodes = cfg.cluster.nodes;
    const userPool = new containerservice.AgentPool(childName(name, "apps"), {
        resourceGroupName: args.resourceGroupName,
        resourceName: cluster.name,
        agentPoolName: "apps",
        mode: "User",
        type: "VirtualMachineScaleSets",
        vmSize: sizeFor("azure", nodes.size).node,
        osType: "Linux",
        osSKU: "AzureLinux",
        count: nodes.desired,
        enableAutoScaling: true,
        minCount: nodes.min,
        maxCount: nodes.max,
        availabilityZones: zones,
        enableNodePublicIP: false,
        vnetSubnetID: args.nodeSubnetId,
        orchestratorVersion: cfg.cluster.version,
        nodeLabels: { "landing-zone/pool": "apps" },
        upgradeSettings: { maxSurge: "33%" },
        tags: ctx.tags,
    }, { parent, ignoreChanges: ["count", ...(channel === "patch" ? [] : ["orchestratorVersion"])] });

    // Upgrades happen in a weekly window, not whenever AKS schedules them: the cluster (patch or
    // minor, per channel) early Sunday, node images early Saturday (UTC).
    for (const [suffix, configName, dayOfWeek] of [
        ["upgrade-window", "aksManagedAutoUpgradeSchedule", "Sunday"],
        ["node-os-window", "aksManagedNodeOSUpgradeSchedule", "Saturday"],
    ] as const) {
        new containerservice.MaintenanceConfiguration(childName(name, suffix), {
            resourceGroupName: args.resourceGroupName,
            resourceName: cluster.name,
            configName,
            maintenanceWindow: {
                schedule: { weekly: { dayOfWeek, intervalWeeks: 1 } },
                startTime: "02:00",
                durationHours: 4,
                utcOffset: "+00:00",
            },
        }, { parent });
    }

    // GitOps for the domains: the cluster-wide Flux extension lives here (a cluster takes one);
    // each domain stack adds only its namespace-scoped FluxConfiguration. Multi-tenancy is
    // enforced so a domain's kustomizations cannot reach outside its namespace.
    const flux = new kubernetesconfiguration.Extension(childName(name, "flux"), {
        clusterRp: "Microsoft.ContainerService",
        clusterResourceName: "managedClusters",
        clusterName: cluster.name,
        resourceGroupName: args.resourceGroupName,
        extensionName: FLUX.extensionName,
        extensionType: FLUX.extensionType,
        autoUpgradeMinorVersion: true,
        releaseTrain: "Stable",
        scope: { cluster: { releaseNamespace: "flux-system" } },
        configurationSettings: { "multiTenancy.enforce": "true" },
    }, { parent, dependsOn: [userPool] });

    createContainerInsights(name, parent, { ctx, resourceGroupName: args.resourceGroupName, clusterId: cluster.id, workspaceId: args.workspaceId });

    diagnosticSetting(childName(name, "aks"), parent, ctx, {
        resourceUri: cluster.id,
        workspaceId: args.workspaceId,
        logs: AKS_LOG_CATEGORIES.map((category) => ({ category })),
        destinationType: "Dedicated",
    });

    // The cluster user credential (never the admin one; local accounts are off anyway), rewritten to
    // authenticate with kubelogin. Read only once the cluster exists (unknown during a preview).
    const credentials = containerservice.listManagedClusterUserCredentialsOutput({
        resourceGroupName: args.resourceGroupName,
        resourceName: cluster.name,
        format: "exec",
    }, { parent });
    const userCredential = pulumi.all([credentials.kubeconfigs, cluster.name]).apply(([configs, clusterResourceName]) => {
        const user = configs.find((c) => c.name === "clusterUser") ?? configs[0];
        if (!user) throw new Error(`AKS cluster ${clusterResourceName} returned no user credential`);
        return { value: user.value, clusterResourceName };
    });
    const kubeconfig = pulumi.secret(userCredential.apply((c) => aksKubeconfig(c.value, c.clusterResourceName)));
    const provider = clusterProvider(childName(name, "k8s"), kubeconfig, { parent, dependsOn: [userPool] });

    const outputs: ClusterOutputs = {
        name: cluster.name,
        version: cfg.cluster.version,
        // The server the credential points at: the private FQDN for a private cluster.
        endpoint: userCredential.apply((c) => aksServer(c.value, c.clusterResourceName)),
        kubeconfig,
        // Tied to the cluster id so it stays unknown until the cluster exists (a preview knows only inputs).
        oidcIssuer: pulumi.all([cluster.id, cluster.oidcIssuerProfile]).apply(([, profile]) => profile?.issuerURL ?? ""),
        nodeZones: zones,
        provider,
    };
    return { outputs, cluster, clusterName, userPool, controlPlaneIdentity, kubeletIdentity, flux };
}
