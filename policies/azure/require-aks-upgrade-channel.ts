import { resourcePolicy } from "../lib/define";
import { isSet } from "../lib/props";

/** The control plane follows a pinned version and a managed upgrade channel. */
export const policy = resourcePolicy({
    name: "require-aks-upgrade-channel",
    description: "AKS clusters must pin kubernetesVersion and use an automatic upgrade channel (not none).",
    metadata: {
        cloud: "azure", service: "containerservice", severity: "medium", topic: "operations", principle: "kubernetes-version",
        remediation: "set kubernetesVersion (cluster.version) and autoUpgradeProfile.upgradeChannel patch or stable (cluster.releaseChannel)",
        checkov: ["CKV_AZURE_171"],
        resourceTypes: ["azure-native:containerservice:ManagedCluster"],
    },
    validate: (props, _args, report) => {
        if (!isSet(props, "kubernetesVersion")) report("kubernetesVersion is not pinned.");
        const channel = props.autoUpgradeProfile?.upgradeChannel;
        if (!channel || channel === "none") report(`autoUpgradeProfile.upgradeChannel is ${channel ?? "unset"}.`);
    },
});
