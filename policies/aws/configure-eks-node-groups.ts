import { resourcePolicy } from "../lib/define";

/** Worker nodes survive the loss of a node and of a zone. */
export const policy = resourcePolicy({
    name: "configure-eks-node-groups",
    description: "EKS node groups must span at least 2 subnets (zones) and keep at least 2 nodes.",
    metadata: {
        cloud: "aws", service: "eks", severity: "high", topic: "availability", principle: "node-pools-multi-zone",
        remediation: "give the node group one private subnet per zone (>= 2) and scalingConfig.minSize >= 2 (cluster.nodes.min)",
        checkov: [],
        resourceTypes: ["aws:eks/nodeGroup:NodeGroup"],
    },
    validate: (props, _args, report) => {
        const subnets = props.subnetIds;
        if (!Array.isArray(subnets) || subnets.length < 2) report(`the node group spans ${Array.isArray(subnets) ? subnets.length : 0} subnet(s), needs >= 2 zones.`);
        const min = props.scalingConfig?.minSize;
        if (typeof min !== "number" || min < 2) report(`scalingConfig.minSize is ${min ?? "unset"}, needs >= 2.`);
    },
});
