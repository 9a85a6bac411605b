import { resourcePolicy } from "../lib/define";
import { isSet } from "../lib/props";

/** Upgrades are deliberate: the control plane and node groups name their Kubernetes version. */
export const policy = resourcePolicy({
    name: "require-eks-version",
    description: "EKS clusters must pin their Kubernetes version (cluster.version); upgrades follow the standard support policy.",
    metadata: {
        cloud: "aws", service: "eks", severity: "medium", topic: "operations", principle: "kubernetes-version",
        remediation: "set version to the pinned minor version (cluster.version) and upgradePolicy.supportType STANDARD",
        checkov: ["CKV_AWS_339"],
        resourceTypes: ["aws:eks/cluster:Cluster"],
    },
    validate: (props, _args, report) => {
        if (!isSet(props, "version")) report("version is not pinned.");
        if (props.upgradePolicy?.supportType === "EXTENDED") report("upgradePolicy.supportType is EXTENDED (version left behind).");
    },
});
