import * as gcp from "@pulumi/gcp";
import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { ClusterOutputs, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { gcpLabels } from "../core/tags";
import { sizeFor } from "../core/sizes";
import { execKubeconfig } from "../kubernetes/kubeconfig";
import { clusterProvider } from "../kubernetes/provider";
import type { AddressPlan } from "./addressing";
import { PODS_RANGE_NAME, SERVICES_RANGE_NAME } from "./network";

/** The one role GKE nodes need (logs, metrics, metadata): no primitive roles, no default compute SA. */
export const NODE_ROLES = ["roles/container.defaultNodeServiceAccount"];

export interface ClusterArgs {
    ctx: StackContext;
    projectId: pulumi.Output<string>;
    networkSelfLink: pulumi.Input<string>;
    subnetSelfLink: pulumi.Input<string>;
    plan: AddressPlan;
    /** Zones the network spans (the first is the zonal cluster's location). */
    zones: string[];
    /** KMS key for application-layer Secrets encryption (the GKE agent must hold encrypt/decrypt). */
    secretsKeyId: pulumi.Input<string>;
    /** Resources the cluster waits for: enabled APIs, the key grant, the subnet's NAT. */
    dependsOn: pulumi.Resource[];
}

export interface ClusterResult extends ClusterOutputs {
    cluster: gcp.container.Cluster;
    nodePool: gcp.container.NodePool;
    nodeServiceAccount: gcp.serviceaccount.Account;
    /** `regionName` or, for a zonal cluster, the zone. */
    location: string;
    workloadPool: pulumi.Output<string>;
}

/** GKE Standard: private nodes, Workload Identity, Dataplane V2, shielded nodes, a separate autoscaled pool. */
export class GcpCluster extends pulumi.ComponentResource {
    readonly result: ClusterResult;

    constructor(name: string, args: ClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:gcp:Cluster", name, {}, opts);
        this.result = createCluster(name, this, args);
        this.registerOutputs({ name: this.result.name, endpoint: this.result.endpoint });
    }
}

/** The temporary default pool's nodes: the landing zone's node account, shielded, GKE metadata server. */
export function defaultPoolNodeConfig(serviceAccount: pulumi.Input<string>) {
    return {
        serviceAccount,
        oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"],
        shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
        workloadMetadataConfig: { mode: "GKE_METADATA" },
    };
}

/** Whether this stack runs a zonal cluster (dev opt-in; validation rejects it in prod). */
export function isZonal(ctx: StackContext): boolean {
    return ctx.config.environment !== "prod" && ctx.config.gcp.zonalCluster === true;
}

export function createCluster(name: string, parent: pulumi.Resource, args: ClusterArgs): ClusterResult {
    const { config, naming } = args.ctx;
    const prod = config.environment === "prod";
    const project = args.projectId;
    const zonal = isZonal(args.ctx);
    const location = zonal ? args.zones[0] : config.region;
    const nodeZones = zonal ? [args.zones[0]] : args.zones;
    const nodes = config.cluster.nodes;

    const nodeServiceAccount = new gcp.serviceaccount.Account(childName(name, "nodes"), {
        project,
        accountId: naming.physical("gcp.serviceAccountId", "gke-nodes"),
        displayName: "GKE nodes (least privilege)",
    }, { parent, dependsOn: args.dependsOn });
    const roles = NODE_ROLES.map((role) => new gcp.projects.IAMMember(childName(name, "nodes", role.split("/")[1]), {
        project,
        role,
        member: nodeServiceAccount.member,
    }, { parent }));

    const allowed = config.cluster.apiAllowedCidrs;
    const cluster = new gcp.container.Cluster(childName(name, "gke"), {
        project,
        name: naming.physical("gcp.gkeCluster", "gke"),
        location,
        nodeLocations: zonal ? undefined : nodeZones,
        network: args.networkSelfLink,
        subnetwork: args.subnetSelfLink,
        networkingMode: "VPC_NATIVE",
        ipAllocationPolicy: { clusterSecondaryRangeName: PODS_RANGE_NAME, servicesSecondaryRangeName: SERVICES_RANGE_NAME },
        // The default pool cannot be configured well; the pool below replaces it. GKE still creates
        // it first, so it runs as the node account too: the Compute Engine default account may be
        // disabled or deleted (cluster creation then fails) and is an editor where it exists.
        removeDefaultNodePool: true,
        initialNodeCount: 1,
        // (The e-mail from its inputs: known in a preview, and it still waits for the account.)
        nodeConfig: defaultPoolNodeConfig(pulumi.interpolate`${nodeServiceAccount.accountId}@${nodeServiceAccount.project}.iam.gserviceaccount.com`),
        minMasterVersion: config.cluster.version,
        releaseChannel: { channel: config.cluster.releaseChannel.toUpperCase() },
        privateClusterConfig: {
            enablePrivateNodes: true,
            // No allowed external CIDRs: the control plane has no public endpoint at all.
            enablePrivateEndpoint: allowed.length === 0,
            masterIpv4CidrBlock: args.plan.master,
            masterGlobalAccessConfig: { enabled: false },
        },
        // The DNS endpoint: IAM-authorised (container.clusters.connect) access to the private
        // control plane for Google-managed delivery (the domains' Cloud Deploy targets use it);
        // no certificate or static-token auth through it.
        controlPlaneEndpointsConfig: {
            dnsEndpointConfig: { allowExternalTraffic: true, enableK8sCertsViaDns: false },
        },
        masterAuthorizedNetworksConfig: {
            cidrBlocks: [
                { cidrBlock: args.plan.nodes, displayName: "landing-zone-subnet" },
                ...allowed.map((cidrBlock, i) => ({ cidrBlock, displayName: `allowed-${i}` })),
            ],
            gcpPublicCidrsAccessEnabled: false,
        },
        masterAuth: { clientCertificateConfig: { issueClientCertificate: false } },
        // Google Groups for RBAC: the persona groups in the domains' RoleBindings are matched through it.
        authenticatorGroupsConfig: config.gcp.rbacSecurityGroup ? { securityGroup: config.gcp.rbacSecurityGroup } : undefined,
        enableLegacyAbac: false,
        workloadIdentityConfig: { workloadPool: pulumi.interpolate`${project}.svc.id.goog` },
        enableShieldedNodes: true,
        // Pod-to-pod traffic on one node passes the VPC too: flow logs and firewall rules see it.
        enableIntranodeVisibility: true,
        // GKE takes provider default labels for resourceLabels too; set them here so the cluster carries them itself.
        resourceLabels: gcpLabels(args.ctx.tags),
        // Dataplane V2: eBPF dataplane with Kubernetes NetworkPolicy enforcement built in.
        datapathProvider: "ADVANCED_DATAPATH",
        databaseEncryption: { state: "ENCRYPTED", keyName: args.secretsKeyId },
        // Workload configuration auditing stays on. GKE no longer offers workload vulnerability
        // scanning (VULNERABILITY_BASIC / _ENTERPRISE are deprecated and removed): images are
        // scanned in Artifact Registry instead (the registry's vulnerability scanning).
        securityPostureConfig: { mode: "BASIC", vulnerabilityMode: "VULNERABILITY_DISABLED" },
        // Control plane (API server) logs too: who did what on the cluster.
        loggingConfig: { enableComponents: ["SYSTEM_COMPONENTS", "WORKLOADS", "APISERVER"] },
        monitoringConfig: { enableComponents: ["SYSTEM_COMPONENTS"], managedPrometheus: { enabled: true } },
        maintenancePolicy: { dailyMaintenanceWindow: { startTime: "03:00" } },
        deletionProtection: prod,
    }, {
        parent,
        // The default pool's nodes use the node account: its role first.
        dependsOn: [...args.dependsOn, ...roles],
        // The default pool is gone after create and its nodeConfig does not read back the same; a
        // diff on it would replace the cluster (cloud-foundation-fabric ignores it likewise).
        ignoreChanges: ["nodeConfig"],
    });

    const perZone = (n: number) => Math.ceil(n / nodeZones.length);
    const nodePool = new gcp.container.NodePool(childName(name, "pool"), {
        project,
        cluster: cluster.name,
        location,
        name: "apps",
        initialNodeCount: perZone(nodes.desired),
        autoscaling: { totalMinNodeCount: nodes.min, totalMaxNodeCount: nodes.max, locationPolicy: "BALANCED" },
        management: { autoRepair: true, autoUpgrade: true },
        upgradeSettings: { maxSurge: 1, maxUnavailable: 0 },
        nodeConfig: {
            machineType: sizeFor("gcp", nodes.size).node,
            imageType: "COS_CONTAINERD",
            diskType: "pd-balanced",
            diskSizeGb: 100,
            serviceAccount: nodeServiceAccount.email,
            oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"],
            shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
            workloadMetadataConfig: { mode: "GKE_METADATA" },
            metadata: { "disable-legacy-endpoints": "true" },
        },
    }, { parent, dependsOn: roles, ignoreChanges: ["initialNodeCount"] });

    // masterAuth is read defensively: a provider may omit it until the control plane is up.
    // The platform's pulumi up reaches the private control plane through the DNS endpoint (IAM
    // authorised, a publicly trusted certificate) unless it runs from the allowed CIDRs or the network.
    const kubeconfig = pulumi.secret(config.cluster.apiAccess === "dns-endpoint"
        ? gkeKubeconfig(cluster.name, cluster.controlPlaneEndpointsConfig.apply((c) => c?.dnsEndpointConfig?.endpoint ?? ""), undefined)
        : gkeKubeconfig(cluster.name, cluster.endpoint, cluster.masterAuth.apply((auth) => auth?.clusterCaCertificate ?? "")));
    const provider: k8s.Provider = clusterProvider(childName(name, "k8s"), kubeconfig, { parent, dependsOn: [nodePool] });
    return {
        name: cluster.name,
        version: config.cluster.version,
        endpoint: cluster.endpoint,
        kubeconfig,
        oidcIssuer: pulumi.interpolate`https://container.googleapis.com/v1/projects/${project}/locations/${location}/clusters/${cluster.name}`,
        nodeZones,
        provider,
        cluster,
        nodePool,
        nodeServiceAccount,
        location,
        workloadPool: pulumi.interpolate`${project}.svc.id.goog`,
    };
}

/** A kubeconfig that authenticates with `gke-gcloud-auth-plugin` (short-lived tokens, nothing static). */
export function gkeKubeconfig(clusterName: pulumi.Input<string>, endpoint: pulumi.Input<string>, caCertificate: pulumi.Input<string> | undefined): pulumi.Output<string> {
    return execKubeconfig(clusterName, pulumi.interpolate`https://${endpoint}`, caCertificate, {
        command: "gke-gcloud-auth-plugin",
        installHint: "Install gke-gcloud-auth-plugin: https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl",
        provideClusterInfo: true,
    });
}
