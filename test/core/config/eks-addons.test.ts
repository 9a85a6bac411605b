import { strict as assert } from "node:assert";
import {
    EKS_ADDONS, EKS_ADDON_VERSION, EKS_ADDON_VERSIONS, eksAddonVersions, kubeProxyMatches, unpinnedAddons,
} from "../../../components/core/config/eks-addons";
import { environmentPresets } from "../../../components/core/config/presets";
import { configProblems } from "./problems";

const platform = (extra: { cluster?: Record<string, unknown>; eksAddonVersions?: Record<string, unknown> } = {}, layer = "platform") => ({
    layer, cloud: "aws", environment: "dev", region: "eu-west-1", owner: "platform-team",
    ...(layer === "domain" ? { domain: "orders", pipeline: { repository: "acme/orders-service" } } : {}),
    ...(extra.cluster ? { cluster: extra.cluster } : {}),
    aws: {
        clusterAdminArns: ["arn:aws:iam::123456789012:role/platform-admins"],
        ...(extra.eksAddonVersions ? { eksAddonVersions: extra.eksAddonVersions } : {}),
    },
});

const problems = (raw: Record<string, unknown>) => configProblems(raw);

describe("components/core/config/eks-addons (pinned EKS add-on versions)", () => {
    it("every row pins every add-on to an EKS build; kube-proxy is the row's Kubernetes release", () => {
        for (const [k8s, row] of Object.entries(EKS_ADDON_VERSIONS)) {
            assert.deepEqual(Object.keys(row).sort(), [...EKS_ADDONS].sort(), k8s);
            for (const version of Object.values(row)) assert.match(version, EKS_ADDON_VERSION, `${k8s}: ${version}`);
            assert.ok(kubeProxyMatches(k8s, row["kube-proxy"]), `${k8s}: kube-proxy ${row["kube-proxy"]}`);
        }
    });

    it("covers the Kubernetes version of every environment preset", () => {
        for (const [env, preset] of Object.entries(environmentPresets)) {
            const version = preset.cluster.version;
            assert.deepEqual(unpinnedAddons(version), [], `${env}: ${version}`);
        }
    });

    it("resolves the table's row, an override replacing one add-on only", () => {
        assert.deepEqual(eksAddonVersions("1.34"), { ...EKS_ADDON_VERSIONS["1.34"] });
        const versions = eksAddonVersions("1.34", { coredns: "v1.13.2-eksbuild.4" });
        assert.equal(versions.coredns, "v1.13.2-eksbuild.4");
        assert.equal(versions["vpc-cni"], EKS_ADDON_VERSIONS["1.34"]["vpc-cni"]);
    });

    it("a Kubernetes version outside the table needs every add-on overridden", () => {
        assert.deepEqual(unpinnedAddons("1.99"), [...EKS_ADDONS]);
        assert.deepEqual(unpinnedAddons("1.99", { "vpc-cni": "v1.20.1-eksbuild.3" }), EKS_ADDONS.filter((a) => a !== "vpc-cni"));
        assert.throws(() => eksAddonVersions("1.99", { coredns: "v1.13.2-eksbuild.4" }), /no pinned version of vpc-cni, kube-proxy, aws-ebs-csi-driver, eks-pod-identity-agent for Kubernetes 1\.99/);
        const all = Object.fromEntries(EKS_ADDONS.map((a) => [a, "v1.0.0-eksbuild.1"]));
        assert.deepEqual(eksAddonVersions("1.99", all), all);
    });

    it("kubeProxyMatches compares the minor version, not a prefix of it", () => {
        assert.ok(kubeProxyMatches("1.34", "v1.34.1-eksbuild.2"));
        assert.ok(!kubeProxyMatches("1.3", "v1.34.1-eksbuild.2"));
        assert.ok(!kubeProxyMatches("1.33", "v1.34.1-eksbuild.2"));
    });

    describe("config validation (aws.eksAddonVersions)", () => {
        it("quiet: the table covers the preset's version; overrides of known add-ons", () => {
            assert.deepEqual(problems(platform()), []);
            assert.deepEqual(problems(platform({ eksAddonVersions: { coredns: "v1.13.2-eksbuild.4", "kube-proxy": "v1.34.6-eksbuild.2" } })), []);
        });

        it("fires: a Kubernetes version outside the table, naming the add-ons still unpinned and the table's rows", () => {
            const found = problems(platform({ cluster: { version: "1.99" }, eksAddonVersions: { coredns: "v1.13.2-eksbuild.4" } }));
            assert.deepEqual(found, [
                "landing-zone:aws.eksAddonVersions must set vpc-cni, kube-proxy, aws-ebs-csi-driver, eks-pod-identity-agent: the pinned add-on table has no row " +
                `for Kubernetes 1.99 (rows: ${Object.keys(EKS_ADDON_VERSIONS).join(", ")}; find versions with aws eks describe-addon-versions --kubernetes-version 1.99)`,
            ]);
        });

        it("quiet: a Kubernetes version outside the table with every add-on overridden", () => {
            const all = { "vpc-cni": "v1.21.2-eksbuild.2", "kube-proxy": "v1.99.0-eksbuild.1", coredns: "v1.14.2-eksbuild.4", "aws-ebs-csi-driver": "v1.62.0-eksbuild.1", "eks-pod-identity-agent": "v1.3.10-eksbuild.3" };
            assert.deepEqual(problems(platform({ cluster: { version: "1.99" }, eksAddonVersions: all })), []);
        });

        it("fires: kube-proxy of another Kubernetes release than the cluster's", () => {
            const found = problems(platform({ eksAddonVersions: { "kube-proxy": "v1.33.5-eksbuild.2" } }));
            assert.deepEqual(found, ["landing-zone:aws.eksAddonVersions.kube-proxy must be a build of Kubernetes 1.34 (v1.34.<patch>-eksbuild.<n>; got v1.33.5-eksbuild.2): kube-proxy follows the cluster's minor version"]);
        });

        it("fires: an unknown add-on or a version that is not an EKS build", () => {
            const found = problems(platform({ eksAddonVersions: { "metrics-server": "v0.8.0-eksbuild.1", coredns: "1.12.4" } }));
            assert.ok(found.some((p) => p.startsWith("landing-zone:aws.eksAddonVersions.metrics-server ")), found.join("\n"));
            assert.ok(found.some((p) => p.startsWith("landing-zone:aws.eksAddonVersions.coredns ")), found.join("\n"));
        });

        it("fires: overrides on a domain stack (no cluster there)", () => {
            const found = problems(platform({ eksAddonVersions: { coredns: "v1.13.2-eksbuild.4" } }, "domain"));
            assert.ok(found.includes("landing-zone:aws.eksAddonVersions applies only to a platform stack (the cluster's; layer is domain)"), found.join("\n"));
        });
    });
});
