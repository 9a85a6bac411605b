import { strict as assert } from "node:assert";
import { EKS_ADDONS, EKS_ADDON_VERSIONS, type EksAddon } from "../../../components/core/config/eks-addons";
import { sizeFor } from "../../../components/core/sizes";
import { plainValue } from "../../harness";
import { sample, sampleConfig, standalone, variant } from "./helpers";

const CLUSTER = "aws:eks/cluster:Cluster";
const NODES = "aws:eks/nodeGroup:NodeGroup";

describe("aws/cluster.ts", () => {
    it("EKS in the private subnets, API endpoint private by default, all control-plane log types, pinned version", async () => {
        for (const stack of ["platform-aws-prod", "platform-aws-dev"] as const) {
            const rec = await sample(stack, false);
            const eks = rec.inputs(rec.one(CLUSTER));
            assert.equal(eks.vpcConfig.endpointPublicAccess, false, `${stack}: public endpoint`);
            assert.equal(eks.vpcConfig.endpointPrivateAccess, true);
            assert.equal(eks.vpcConfig.publicAccessCidrs, undefined);
            assert.deepEqual([...eks.vpcConfig.subnetIds].sort(), ["a", "b", "c"].map((z) => `network-private-eu-west-1${z}-id`));
            assert.deepEqual([...eks.enabledClusterLogTypes].sort(), ["api", "audit", "authenticator", "controllerManager", "scheduler"]);
            assert.equal(eks.version, "1.34");
        }
    });

    it("a public endpoint only for cluster.apiAllowedCidrs", async () => {
        const rec = await variant("platform-aws-dev", { cluster: { apiAllowedCidrs: ["203.0.113.0/24"] } });
        const vpc = rec.inputs(rec.one(CLUSTER)).vpcConfig;
        assert.equal(vpc.endpointPublicAccess, true);
        assert.deepEqual(vpc.publicAccessCidrs, ["203.0.113.0/24"]);
        assert.equal(vpc.endpointPrivateAccess, true);
    });

    it("secrets envelope-encrypted with the cluster key; control-plane logs KMS-encrypted with retention", async () => {
        const rec = await sample("platform-aws-prod", false);
        const eks = rec.inputs(rec.one(CLUSTER));
        assert.deepEqual(eks.encryptionConfig.resources, ["secrets"]);
        assert.match(eks.encryptionConfig.provider.keyArn, /:kms:.*keys-cluster$/);
        const logs = rec.inputs(rec.one("aws:cloudwatch/logGroup:LogGroup", "control-plane-logs"));
        assert.equal(logs.name, `/aws/eks/${eks.name}/cluster`);
        assert.equal(logs.retentionInDays, 365);
        assert.match(logs.kmsKeyId, /keys-logs$/);
        assert.equal(eks.deletionProtection, true);
        assert.equal((await sample("platform-aws-dev")).inputs((await sample("platform-aws-dev")).one(CLUSTER)).deletionProtection, false);
    });

    it("API authentication mode; aws.clusterAdminArns get cluster-admin access entries and the creator no implicit admin", async () => {
        const rec = await sample("platform-aws-prod");
        const eks = rec.inputs(rec.one(CLUSTER));
        assert.equal(eks.accessConfig.authenticationMode, "API");
        assert.equal(eks.accessConfig.bootstrapClusterCreatorAdminPermissions, false);
        const entry = rec.inputs(rec.one("aws:eks/accessEntry:AccessEntry", "cluster-admin"));
        assert.equal(entry.principalArn, "arn:aws:iam::111111111111:role/platform-admins");
        const association = rec.inputs(rec.one("aws:eks/accessPolicyAssociation:AccessPolicyAssociation", "cluster-admin"));
        assert.equal(association.policyArn, "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy");
        assert.deepEqual(association.accessScope, { type: "cluster" });
    });

    it("bootstrapClusterCreatorAdminPermissions (ForceNew) is false whatever the admin list, so adding an admin never replaces the cluster", async () => {
        const one = await sample("platform-aws-dev");
        const two = await variant("platform-aws-dev", {
            aws: { accountId: "222222222222", clusterAdminArns: ["arn:aws:iam::222222222222:role/platform-admins", "arn:aws:iam::222222222222:role/break-glass"] },
        });
        for (const rec of [one, two]) assert.equal(rec.inputs(rec.one(CLUSTER)).accessConfig.bootstrapClusterCreatorAdminPermissions, false);
        assert.deepEqual(two.inputs(two.one(CLUSTER)).accessConfig, one.inputs(one.one(CLUSTER)).accessConfig);
        assert.equal(two.ofType("aws:eks/accessEntry:AccessEntry").filter((x) => x.name.includes("cluster-admin")).length, 2);
    });

    it("IRSA: an OIDC provider for sts.amazonaws.com; CNI and EBS CSI roles trust only their service accounts", async () => {
        const rec = await sample("platform-aws-prod", false);
        assert.deepEqual(rec.inputs(rec.one("aws:iam/openIdConnectProvider:OpenIdConnectProvider")).clientIdLists, ["sts.amazonaws.com"]);
        for (const [role, sa] of [["vpc-cni-role", "kube-system:aws-node"], ["ebs-csi-role", "kube-system:ebs-csi-controller-sa"]]) {
            const trust = JSON.parse(rec.inputs(rec.one("aws:iam/role:Role", role)).assumeRolePolicy);
            const [statement] = trust.Statement;
            assert.equal(statement.Action, "sts:AssumeRoleWithWebIdentity");
            const subjects = Object.entries(statement.Condition.StringEquals).filter(([k]) => k.endsWith(":sub")).map(([, v]) => v);
            assert.deepEqual(subjects, [`system:serviceaccount:${sa}`]);
        }
    });

    it("managed node group across the private subnets, sized from cluster.nodes and the size table", async () => {
        for (const [stack, min, max, desired, size] of [["platform-aws-prod", 3, 12, 3, "medium"], ["platform-aws-dev", 1, 3, 2, "small"]] as const) {
            const rec = await sample(stack, false);
            const nodes = rec.inputs(rec.one(NODES));
            assert.deepEqual(nodes.scalingConfig, { minSize: min, maxSize: max, desiredSize: desired });
            assert.deepEqual(nodes.instanceTypes, [sizeFor("aws", size).node]);
            assert.equal(new Set(nodes.subnetIds).size, 3, `${stack}: nodes not spread over 3 zones`);
            assert.ok(nodes.subnetIds.every((id: string) => id.startsWith("network-private-")));
            assert.equal(nodes.version, "1.34");
            assert.equal(nodes.launchTemplate.id, "cluster-node-template-id");
        }
    });

    it("launch template: IMDSv2 required, one hop, root volume encrypted with the cluster key, node and cluster security groups", async () => {
        const rec = await sample("platform-aws-prod", false);
        const template = rec.inputs(rec.one("aws:ec2/launchTemplate:LaunchTemplate"));
        assert.equal(template.metadataOptions.httpTokens, "required");
        assert.equal(template.metadataOptions.httpPutResponseHopLimit, 1);
        assert.equal(template.blockDeviceMappings[0].ebs.encrypted, "true");
        assert.match(template.blockDeviceMappings[0].ebs.kmsKeyId, /:kms:.*keys-cluster$/, "node volumes on the platform's cluster key");
        assert.ok(template.vpcSecurityGroupIds.includes("cluster-node-sg-id"));
    });

    it("managed add-ons vpc-cni (network policies on), kube-proxy, coredns, EBS CSI, Pod Identity agent", async () => {
        const rec = await sample("platform-aws-prod", false);
        const addons = rec.ofType("aws:eks/addon:Addon").map((a) => rec.inputs(a));
        assert.deepEqual(addons.map((a) => a.addonName).sort(), ["aws-ebs-csi-driver", "coredns", "eks-pod-identity-agent", "kube-proxy", "vpc-cni"]);
        const cni = addons.find((a) => a.addonName === "vpc-cni")!;
        assert.equal(JSON.parse(cni.configurationValues).enableNetworkPolicy, "true");
        assert.match(cni.serviceAccountRoleArn, /vpc-cni-role$/);
        assert.match(addons.find((a) => a.addonName === "aws-ebs-csi-driver")!.serviceAccountRoleArn, /ebs-csi-role$/);
    });

    it("every add-on pinned to the table's version for the cluster's Kubernetes version; updates overwrite in-cluster edits", async () => {
        const rec = await sample("platform-aws-prod", false);
        const addons = rec.ofType("aws:eks/addon:Addon").map((a) => rec.inputs(a));
        assert.equal(addons.length, EKS_ADDONS.length);
        for (const a of addons) {
            assert.equal(a.addonVersion, EKS_ADDON_VERSIONS["1.34"][a.addonName as EksAddon], a.addonName);
            assert.equal(a.resolveConflictsOnCreate, "OVERWRITE", a.addonName);
            assert.equal(a.resolveConflictsOnUpdate, "OVERWRITE", a.addonName);
        }
    });

    it("aws.eksAddonVersions replaces one add-on's version; cluster.version picks another row", async () => {
        const base = sampleConfig("platform-aws-dev");
        const rec = await variant("platform-aws-dev", {
            cluster: { ...base.cluster, version: "1.33" },
            aws: { ...base.aws, eksAddonVersions: { coredns: "v1.13.2-eksbuild.4" } },
        });
        const versions = Object.fromEntries(rec.ofType("aws:eks/addon:Addon").map((a) => [rec.inputs(a).addonName, rec.inputs(a).addonVersion]));
        assert.deepEqual(versions, { ...EKS_ADDON_VERSIONS["1.33"], coredns: "v1.13.2-eksbuild.4" });
    });

    it("exports a secret kubeconfig that uses the aws eks get-token exec plugin, and a Kubernetes provider", async () => {
        const plan = await standalone("platform-aws-prod", false);
        const wire = plan.outputs.cluster as Record<string, unknown>;
        assert.match(JSON.stringify(wire.kubeconfig), /4dabf18193072939515e22adb298388d/, "kubeconfig is not a secret");
        const kubeconfig = JSON.parse((plainValue(plan.outputs) as any).cluster.kubeconfig);
        const { exec } = kubeconfig.users[0].user;
        assert.equal(exec.command, "aws");
        assert.deepEqual(exec.args.slice(0, 4), ["eks", "get-token", "--cluster-name", "acme-prod"]);
        assert.equal(kubeconfig.users[0].user.token, undefined);
        assert.equal(plan.resources.filter((r) => r.type === "pulumi:providers:kubernetes").length, 1);
    });
});
