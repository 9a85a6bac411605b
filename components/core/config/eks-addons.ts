/**
 * The EKS managed add-ons of a platform cluster and the version each one is pinned to, per
 * Kubernetes minor version. Pinned in code (reviewed in a diff), not looked up at preview time:
 * `aws.eks.getAddonVersion` needs credentials in a preview and its answer (the default or the most
 * recent build) changes as AWS publishes builds, so two previews of the same commit could differ.
 *
 * Where the versions come from: the Amazon EKS User Guide's "latest version of the Amazon EKS add-on
 * type for each Kubernetes version" tables (vpc-cni, coredns, kube-proxy), and builds published for
 * the same Kubernetes versions (aws-ebs-csi-driver, eks-pod-identity-agent). Refresh a row with
 *
 *     aws eks describe-addon-versions --kubernetes-version 1.34 --addon-name coredns \
 *       --query 'addons[].addonVersions[].addonVersion'
 *
 * and override one add-on of one stack with `aws.eksAddonVersions.<add-on>`.
 */

/** Managed add-ons, in install order (coredns and the EBS CSI driver need nodes). */
export const EKS_ADDONS = ["vpc-cni", "kube-proxy", "coredns", "aws-ebs-csi-driver", "eks-pod-identity-agent"] as const;
export type EksAddon = (typeof EKS_ADDONS)[number];

/** An add-on version as EKS names it (`v1.12.4-eksbuild.1`). */
export const EKS_ADDON_VERSION = /^v[0-9]+\.[0-9]+\.[0-9]+-eksbuild\.[0-9]+$/;

/** The pinned version of every add-on, per Kubernetes minor version the table covers. */
export const EKS_ADDON_VERSIONS: Readonly<Record<string, Readonly<Record<EksAddon, string>>>> = {
    "1.32": {
        "vpc-cni": "v1.20.1-eksbuild.3",
        "kube-proxy": "v1.32.9-eksbuild.2",
        "coredns": "v1.11.4-eksbuild.24",
        "aws-ebs-csi-driver": "v1.53.0-eksbuild.1",
        "eks-pod-identity-agent": "v1.3.10-eksbuild.2",
    },
    "1.33": {
        "vpc-cni": "v1.20.1-eksbuild.3",
        "kube-proxy": "v1.33.5-eksbuild.2",
        "coredns": "v1.12.4-eksbuild.1",
        "aws-ebs-csi-driver": "v1.53.0-eksbuild.1",
        "eks-pod-identity-agent": "v1.3.10-eksbuild.2",
    },
    "1.34": {
        "vpc-cni": "v1.20.1-eksbuild.3",
        "kube-proxy": "v1.34.1-eksbuild.2",
        "coredns": "v1.12.4-eksbuild.1",
        "aws-ebs-csi-driver": "v1.53.0-eksbuild.1",
        "eks-pod-identity-agent": "v1.3.10-eksbuild.2",
    },
};

/**
 * kube-proxy is built per Kubernetes release: its minor version is the cluster's
 * (`v1.34.x-eksbuild.n` on 1.34). The other add-ons are versioned on their own.
 */
export function kubeProxyMatches(kubernetesVersion: string, addonVersion: string): boolean {
    return addonVersion.startsWith(`v${kubernetesVersion}.`);
}

/** Add-ons the table has no version for at this Kubernetes version and the overrides do not name. */
export function unpinnedAddons(kubernetesVersion: string, overrides: Partial<Record<EksAddon, string>> = {}): EksAddon[] {
    const row = EKS_ADDON_VERSIONS[kubernetesVersion];
    return EKS_ADDONS.filter((addon) => overrides[addon] === undefined && row?.[addon] === undefined);
}

/**
 * The version of every add-on: the override where one is set, else the table's row. Config
 * validation rejects a Kubernetes version the table lacks unless every add-on is overridden, so
 * this throws only on unvalidated input.
 */
export function eksAddonVersions(kubernetesVersion: string, overrides: Partial<Record<EksAddon, string>> = {}): Record<EksAddon, string> {
    const missing = unpinnedAddons(kubernetesVersion, overrides);
    if (missing.length > 0) {
        throw new Error(`no pinned version of ${missing.join(", ")} for Kubernetes ${kubernetesVersion}; set aws.eksAddonVersions`);
    }
    const row = EKS_ADDON_VERSIONS[kubernetesVersion] ?? {};
    return Object.fromEntries(EKS_ADDONS.map((addon) => [addon, overrides[addon] ?? row[addon as keyof typeof row]])) as Record<EksAddon, string>;
}
