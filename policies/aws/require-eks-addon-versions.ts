import { resourcePolicy } from "../lib/define";
import { isSet } from "../lib/props";

/**
 * Add-on upgrades are deliberate: without `addonVersion` EKS installs its default build at create
 * time and never moves it, so the add-on falls behind the control plane after an upgrade and two
 * clusters of the same config run different builds.
 */
export const policy = resourcePolicy({
    name: "require-eks-addon-versions",
    description: "EKS add-ons must pin their version (addonVersion), one compatible with the cluster's Kubernetes version.",
    metadata: {
        cloud: "aws", service: "eks", severity: "medium", topic: "operations", principle: "kubernetes-version",
        remediation: "set addonVersion (the pinned table for cluster.version, or aws.eksAddonVersions.<add-on>; list builds with aws eks describe-addon-versions)",
        checkov: [],
        resourceTypes: ["aws:eks/addon:Addon"],
    },
    validate: (props, _args, report) => {
        if (!isSet(props, "addonVersion")) report(`add-on ${String(props.addonName ?? "(unnamed)")} has no addonVersion (EKS picks its default build).`);
    },
});
