import { strict as assert } from "node:assert";
import { gkeKubeconfig } from "../../../components/gcp/cluster";
import { sizeFor } from "../../../components/core/sizes";
import { isSecret } from "../../../tools/mock-engine";
import { planSample } from "../../harness";
import { sample, T, variant } from "./helpers";

describe("components/gcp/cluster", () => {
    it("prod: regional, private nodes, authorized networks from config, Workload Identity, shielded, Dataplane V2", async () => {
        const rec = await sample("platform-gcp-prod");
        const host = rec.inputs(rec.one(T.project, "platform")).projectId;
        const c = rec.inputs(rec.one(T.cluster));
        assert.equal(c.location, "europe-west1");
        assert.deepEqual(c.nodeLocations, ["europe-west1-b", "europe-west1-c", "europe-west1-d"]);
        assert.equal(c.privateClusterConfig.enablePrivateNodes, true);
        const cidrs = c.masterAuthorizedNetworksConfig.cidrBlocks.map((b: { cidrBlock: string }) => b.cidrBlock);
        assert.ok(cidrs.includes("203.0.113.0/24"));
        assert.ok(!cidrs.includes("0.0.0.0/0"));
        assert.equal(c.workloadIdentityConfig.workloadPool, `${host}.svc.id.goog`);
        assert.equal(c.enableShieldedNodes, true);
        assert.equal(c.datapathProvider, "ADVANCED_DATAPATH");
        assert.equal(c.releaseChannel.channel, "STABLE");
        assert.equal(c.removeDefaultNodePool, true);
        assert.equal(c.masterAuth.clientCertificateConfig.issueClientCertificate, false);
        assert.equal(c.databaseEncryption.state, "ENCRYPTED");
        assert.ok(c.loggingConfig.enableComponents.includes("WORKLOADS"));
        assert.ok(c.loggingConfig.enableComponents.includes("APISERVER"));
        assert.ok(c.monitoringConfig.enableComponents.includes("SYSTEM_COMPONENTS"));
        assert.equal(c.deletionProtection, true);
        // The DNS endpoint the domains' Cloud Deploy targets reach the private control plane through.
        assert.equal(c.controlPlaneEndpointsConfig.dnsEndpointConfig.allowExternalTraffic, true);
        assert.equal(c.controlPlaneEndpointsConfig.dnsEndpointConfig.enableK8sCertsViaDns, false);
    });

    it("the temporary default pool runs as the node account (granted first), its nodeConfig ignored after create", async () => {
        const rec = await sample("platform-gcp-prod");
        const cluster = rec.one(T.cluster);
        const c = rec.inputs(cluster);
        const sa = rec.inputs(rec.one(T.account, "cluster-nodes"));
        const host = rec.inputs(rec.one(T.project, "platform")).projectId;
        assert.equal(c.removeDefaultNodePool, true);
        assert.equal(c.nodeConfig.serviceAccount, `${sa.accountId}@${host}.iam.gserviceaccount.com`);
        assert.equal(c.nodeConfig.workloadMetadataConfig.mode, "GKE_METADATA");
        assert.equal(c.nodeConfig.shieldedInstanceConfig.enableSecureBoot, true);
        const role = rec.one(T.projectIam, "container.defaultNodeServiceAccount");
        assert.ok(cluster.dependencies.includes(role.urn), "the node account's role is granted before the default pool starts");
        assert.deepEqual(cluster.ignoreChanges, ["nodeConfig"]);
    });

    it("security posture: configuration auditing on, GKE workload vulnerability scanning off (removed by GKE; Artifact Registry scans)", async () => {
        const rec = await sample("platform-gcp-prod");
        assert.deepEqual(rec.inputs(rec.one(T.cluster)).securityPostureConfig, { mode: "BASIC", vulnerabilityMode: "VULNERABILITY_DISABLED" });
        assert.equal(rec.inputs(rec.one(T.repository)).vulnerabilityScanningConfig.enablementConfig, "INHERITED");
    });

    it("no allowed CIDRs: the control plane has a private endpoint only", async () => {
        const rec = await variant("platform-gcp-dev", { cluster: { apiAllowedCidrs: [] } });
        const c = rec.inputs(rec.one(T.cluster));
        assert.equal(c.privateClusterConfig.enablePrivateEndpoint, true);
    });

    it("node pool: autoscaling from cluster.nodes, size-mapped machine, secure boot, GKE metadata, auto repair/upgrade", async () => {
        const rec = await sample("platform-gcp-prod");
        const pool = rec.inputs(rec.one(T.nodePool));
        assert.deepEqual([pool.autoscaling.totalMinNodeCount, pool.autoscaling.totalMaxNodeCount], [3, 12]);
        assert.equal(pool.nodeConfig.machineType, sizeFor("gcp", "medium").node);
        assert.equal(pool.nodeConfig.shieldedInstanceConfig.enableSecureBoot, true);
        assert.equal(pool.nodeConfig.workloadMetadataConfig.mode, "GKE_METADATA");
        assert.deepEqual(pool.management, { autoRepair: true, autoUpgrade: true });
        // Nodes run as a dedicated service account, not the Compute Engine default one.
        const sa = rec.one(T.account, "cluster-nodes");
        assert.ok(rec.one(T.nodePool).dependencies.includes(sa.urn));
    });

    it("dev: regional like prod by default, but without deletion protection", async () => {
        const rec = await sample("platform-gcp-dev");
        const c = rec.inputs(rec.one(T.cluster));
        assert.equal(c.location, "europe-west1");
        assert.equal(c.deletionProtection, false);
        assert.equal(c.releaseChannel.channel, "REGULAR");
    });

    it("a dev config that asks for a zonal cluster gets one zone, no deletion protection", async () => {
        const rec = await variant("platform-gcp-dev", { gcp: { zonalCluster: true } });
        const c = rec.inputs(rec.one(T.cluster));
        assert.equal(c.location, "europe-west1-b");
        assert.equal(c.nodeLocations, undefined);
        assert.equal(c.deletionProtection, false);
        assert.equal(c.privateClusterConfig.enablePrivateNodes, true);
        assert.equal(rec.inputs(rec.one(T.nodePool)).nodeConfig.machineType, sizeFor("gcp", "small").node);
    });

    it("exports a Kubernetes provider and an exec-plugin kubeconfig as a secret (fabricated outputs)", async () => {
        const result = await planSample("platform-gcp-prod", { preview: false });
        const cluster = result.outputs.cluster as Record<string, unknown>;
        assert.ok(isSecret(cluster.kubeconfig), "kubeconfig must be a secret output");
        const kubeconfig = JSON.parse(String((cluster.kubeconfig as { value: unknown }).value));
        assert.equal(kubeconfig.users[0].user.exec.command, "gke-gcloud-auth-plugin");
        assert.equal(kubeconfig.users[0].user.token, undefined);
        assert.ok(result.resources.some((r) => r.type === T.k8sProvider));
    });

    it("kubeconfig has no static credentials", async () => {
        const text = await new Promise<string>((resolve) => gkeKubeconfig("c", "10.0.0.2", "Q0E=").apply(resolve));
        const config = JSON.parse(text);
        assert.equal(config.clusters[0].cluster.server, "https://10.0.0.2");
        assert.deepEqual(Object.keys(config.users[0].user), ["exec"]);
        assert.equal(config.users[0].user.exec.command, "gke-gcloud-auth-plugin");
    });
});
