import { strict as assert } from "node:assert";
import { AKS_OVERLAY } from "../../../components/core/config/rules/azure";
import { sizeFor } from "../../../components/core/sizes";
import { CRITICAL_ADDONS_ONLY_TAINT, FLUX } from "../../../components/azure/cluster";
import { AKS_ENTRA_SERVER_APP_ID } from "../../../components/azure/kubeconfig";
import { isSecret } from "../../../tools/mock-engine";
import { assertWaitsForGrant } from "../propagation";
import { ADMIN_GROUP, fabricatedId, runPlatform, TENANT } from "./run-platform";

const AKS = "azure-native:containerservice:ManagedCluster";
const POOL = "azure-native:containerservice:AgentPool";
const ROLE = "azure-native:authorization:RoleAssignment";
const DIAG = "azure-native:monitor:DiagnosticSetting";
const IDENTITY = "azure-native:managedidentity:UserAssignedIdentity";

describe("components/azure/cluster", () => {
    it("installs the one cluster-wide Flux extension the domains' GitOps configurations use, multi-tenant", async () => {
        const { rec } = await runPlatform("dev");
        const extension = rec.one("azure-native:kubernetesconfiguration:Extension");
        const inputs = rec.inputs(extension);
        assert.equal(inputs.extensionType, FLUX.extensionType);
        assert.equal(inputs.clusterResourceName, "managedClusters");
        assert.equal(inputs.configurationSettings["multiTenancy.enforce"], "true");
        assert.equal(inputs.scope.cluster.releaseNamespace, "flux-system");
    });

    it("uses Entra ID with Azure RBAC, admin groups from config, and no local accounts", async () => {
        const { rec } = await runPlatform("prod");
        const aks = rec.inputs(rec.one(AKS));
        assert.equal(aks.disableLocalAccounts, true);
        assert.equal(aks.enableRBAC, true);
        assert.equal(aks.aadProfile.managed, true);
        assert.equal(aks.aadProfile.enableAzureRBAC, true);
        assert.deepEqual(aks.aadProfile.adminGroupObjectIDs, [ADMIN_GROUP]);
        assert.equal(aks.aadProfile.tenantID, TENANT);
    });

    it("keeps the API server private by default (no public FQDN)", async () => {
        const { rec } = await runPlatform("dev");
        const api = rec.inputs(rec.one(AKS)).apiServerAccessProfile;
        assert.equal(api.enablePrivateCluster, true);
        assert.equal(api.enablePrivateClusterPublicFQDN, false);
        assert.equal(api.authorizedIPRanges, undefined);
    });

    it("limits a public API server to cluster.apiAllowedCidrs plus the nodes' NAT egress IP", async () => {
        const { rec } = await runPlatform("dev", { cluster: { apiAllowedCidrs: ["203.0.113.0/24"] } }, { preview: false });
        const api = rec.inputs(rec.one(AKS)).apiServerAccessProfile;
        assert.equal(api.enablePrivateCluster, false);
        assert.equal(api.authorizedIPRanges[0], "203.0.113.0/24");
        assert.equal(api.authorizedIPRanges.length, 2);
        assert.ok(!api.authorizedIPRanges.includes("0.0.0.0/0"));
    });

    it("enables the OIDC issuer and workload identity", async () => {
        const { rec } = await runPlatform("dev");
        const aks = rec.inputs(rec.one(AKS));
        assert.equal(aks.oidcIssuerProfile.enabled, true);
        assert.equal(aks.securityProfile.workloadIdentity.enabled, true);
    });

    it("uses Azure CNI overlay with Cilium network policy and NAT gateway egress", async () => {
        const { rec } = await runPlatform("dev");
        const net = rec.inputs(rec.one(AKS)).networkProfile;
        assert.equal(net.networkPlugin, "azure");
        assert.equal(net.networkPluginMode, "overlay");
        assert.equal(net.networkPolicy, "cilium");
        assert.equal(net.networkDataplane, "cilium");
        assert.equal(net.podCidr, AKS_OVERLAY.podCidr);
        assert.equal(net.outboundType, "userAssignedNATGateway");
    });

    it("runs only critical add-ons on the system pool, across zones 1-3 with 3 nodes in prod", async () => {
        const { rec } = await runPlatform("prod");
        const [system] = rec.inputs(rec.one(AKS)).agentPoolProfiles;
        assert.equal(system.mode, "System");
        assert.deepEqual(system.nodeTaints, [CRITICAL_ADDONS_ONLY_TAINT]);
        assert.deepEqual(system.availabilityZones, ["1", "2", "3"]);
        assert.ok(system.minCount >= 3);
        assert.equal(system.enableNodePublicIP, false);
    });

    it("autoscales the user pool within cluster.nodes, on the size table's VM size, across zones", async () => {
        const { rec } = await runPlatform("prod", { cluster: { apiAccess: "in-network", nodes: { min: 3, max: 12, desired: 4, size: "large" } } });
        const pool = rec.inputs(rec.one(POOL));
        assert.equal(pool.mode, "User");
        assert.equal(pool.enableAutoScaling, true);
        assert.equal(pool.minCount, 3);
        assert.equal(pool.maxCount, 12);
        assert.equal(pool.vmSize, sizeFor("azure", "large").node);
        assert.deepEqual(pool.availabilityZones, ["1", "2", "3"]);
        assert.ok(rec.one(POOL).ignoreChanges.includes("count"), "the autoscaler owns the node count");
    });

    it("pins the Kubernetes version and maps the release channel to the auto-upgrade channel", async () => {
        const prod = await runPlatform("prod");
        const aks = prod.rec.inputs(prod.rec.one(AKS));
        assert.equal(aks.kubernetesVersion, "1.34");
        assert.equal(aks.agentPoolProfiles[0].orchestratorVersion, "1.34");
        assert.equal(aks.autoUpgradeProfile.upgradeChannel, "patch", "stable keeps the pinned minor version");
        assert.equal(aks.autoUpgradeProfile.nodeOSUpgradeChannel, "NodeImage");
        const rapid = await runPlatform("dev", { cluster: { releaseChannel: "rapid", version: "1.33" } });
        const rapidAks = rapid.rec.inputs(rapid.rec.one(AKS));
        assert.equal(rapidAks.autoUpgradeProfile.upgradeChannel, "rapid");
        assert.equal(rapidAks.kubernetesVersion, "1.33");
    });

    it("sends Container Insights (Entra auth) and control-plane logs to Log Analytics", async () => {
        const { rec } = await runPlatform("dev", {}, { preview: false });
        const aks = rec.inputs(rec.one(AKS));
        const workspace = rec.one("azure-native:operationalinsights:Workspace");
        assert.equal(aks.addonProfiles.omsagent.enabled, true);
        assert.equal(aks.addonProfiles.omsagent.config.useAADAuth, "true");
        assert.equal(aks.addonProfiles.omsagent.config.logAnalyticsWorkspaceResourceID, fabricatedId(workspace));
        // useAADAuth: AKS creates no data collection rule; the platform does, associated with the cluster.
        const dcr = rec.one("azure-native:monitor:DataCollectionRule");
        const rule = rec.inputs(dcr);
        assert.deepEqual(rule.destinations.logAnalytics, [{ name: "workspace", workspaceResourceId: fabricatedId(workspace) }]);
        assert.deepEqual(rule.dataFlows, [{ streams: ["Microsoft-ContainerInsights-Group-Default"], destinations: ["workspace"] }]);
        assert.equal(rule.dataSources.extensions[0].extensionName, "ContainerInsights");
        const association = rec.inputs(rec.one("azure-native:monitor:DataCollectionRuleAssociation"));
        assert.equal(association.resourceUri, fabricatedId(rec.one(AKS)));
        assert.equal(association.dataCollectionRuleId, fabricatedId(dcr));
        const diag = rec.inputs(rec.one(DIAG, "cluster-aks"));
        assert.equal(diag.resourceUri, fabricatedId(rec.one(AKS)));
        const categories = diag.logs.map((l: { category: string }) => l.category);
        assert.ok(categories.includes("kube-audit-admin") && categories.includes("kube-apiserver"));
    });

    it("runs the control plane and kubelet as user-assigned identities with narrow grants", async () => {
        const { rec } = await runPlatform("dev", {}, { preview: false });
        const aks = rec.inputs(rec.one(AKS));
        assert.equal(aks.identity.type, "UserAssigned");
        assert.deepEqual(aks.identity.userAssignedIdentities, [fabricatedId(rec.one(IDENTITY, "control-plane"))]);
        assert.equal(aks.identityProfile.kubeletidentity.resourceId, fabricatedId(rec.one(IDENTITY, "kubelet")));
        const acrPull = rec.inputs(rec.one(ROLE, "kubelet-acr"));
        assert.match(acrPull.roleDefinitionId, /7f951dda-4ed3-4680-a7ca-43fe172d538d$/);
        assert.equal(acrPull.scope, fabricatedId(rec.one("azure-native:containerregistry:Registry")), "AcrPull on the registry only");
        const subnet = rec.inputs(rec.one(ROLE, "control-plane-subnet"));
        assert.equal(subnet.scope, fabricatedId(rec.one("azure-native:network:Subnet", "aks-nodes")), "Network Contributor on the node subnet only");
        // AKS checks Managed Identity Operator (kubelet) and Network Contributor (subnet) at create: it waits for both.
        assertWaitsForGrant(rec, rec.one(AKS), rec.one(ROLE, "control-plane-kubelet"));
        assertWaitsForGrant(rec, rec.one(AKS), rec.one(ROLE, "control-plane-subnet"));
        for (const role of rec.ofType(ROLE)) {
            assert.match(rec.inputs(role).roleAssignmentName, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        }
    });

    it("exports a kubelogin kubeconfig (no token, no admin credential) as a secret, and a provider using it", async () => {
        const { rec, result, outputs } = await runPlatform("dev", {}, { preview: false });
        const wire = result.outputs.cluster as Record<string, unknown>;
        assert.ok(isSecret(wire.kubeconfig), "kubeconfig is exported as a secret");
        const kubeconfig = JSON.parse(outputs.cluster.kubeconfig);
        const exec = kubeconfig.users[0].user.exec;
        assert.equal(exec.command, "kubelogin");
        assert.ok(exec.args.includes(AKS_ENTRA_SERVER_APP_ID));
        assert.equal(kubeconfig.users[0].user.token, undefined);
        assert.equal(kubeconfig.users[0].user["client-key-data"], undefined);
        assert.match(outputs.cluster.endpoint, /^https:\/\//);
        const provider = rec.one("pulumi:providers:kubernetes");
        assert.equal(rec.inputs(provider).kubeconfig, outputs.cluster.kubeconfig);
    });

    it("leaves computed cluster outputs unknown in a preview", async () => {
        const { outputs } = await runPlatform("dev");
        assert.equal(outputs.cluster.endpoint, undefined);
        assert.equal(outputs.cluster.oidcIssuer, undefined);
        assert.equal(outputs.cluster.version, "1.34");
        assert.deepEqual(outputs.cluster.nodeZones, ["1", "2", "3"]);
    });

    it("is the paid (SLA) tier with 3 system nodes in prod, free with 1 in dev", async () => {
        const prod = await runPlatform("prod");
        const dev = await runPlatform("dev");
        assert.equal(prod.rec.inputs(prod.rec.one(AKS)).sku.tier, "Standard");
        assert.equal(dev.rec.inputs(dev.rec.one(AKS)).sku.tier, "Free");
        assert.equal(dev.rec.inputs(dev.rec.one(AKS)).agentPoolProfiles[0].count, 1);
    });

    it("upgrades the cluster and node images only in weekly maintenance windows", async () => {
        const { rec } = await runPlatform("prod");
        const windows = rec.ofType("azure-native:containerservice:MaintenanceConfiguration").map((m) => rec.inputs(m));
        assert.deepEqual(windows.map((w) => w.configName).sort(), ["aksManagedAutoUpgradeSchedule", "aksManagedNodeOSUpgradeSchedule"]);
        for (const w of windows) assert.equal(w.maintenanceWindow.schedule.weekly.intervalWeeks, 1);
    });
});
