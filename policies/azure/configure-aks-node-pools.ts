import type { Props } from "../lib/define";
import { resourcePolicy } from "../lib/define";
import { list } from "../lib/props";

function poolProblems(pool: Props): string[] {
    const problems: string[] = [];
    const label = `node pool${pool.name ?? pool.agentPoolName ? ` ${pool.name ?? pool.agentPoolName}` : ""}`;
    const zones = list(pool.availabilityZones).length;
    if (zones < 2) problems.push(`${label} spans ${zones} zone(s), needs >= 2`);
    const min = pool.enableAutoScaling === true ? pool.minCount : pool.count;
    if (typeof min !== "number" || min < 2) problems.push(`${label} keeps ${min ?? "unset"} node(s) at minimum, needs >= 2`);
    return problems;
}

/** Worker nodes survive the loss of a node and of a zone. */
export const policy = resourcePolicy({
    name: "configure-aks-node-pools",
    description: "AKS node pools must span >= 2 availability zones and keep >= 2 nodes.",
    metadata: {
        cloud: "azure", service: "containerservice", severity: "high", topic: "availability", principle: "node-pools-multi-zone",
        remediation: "set availabilityZones [\"1\",\"2\",\"3\"] and minCount (autoscaling) or count >= 2 (cluster.nodes.min)",
        checkov: [],
        resourceTypes: ["azure-native:containerservice:ManagedCluster", "azure-native:containerservice:AgentPool"],
    },
    validate: (props, args, report) => {
        const pools = args.type === "azure-native:containerservice:AgentPool" ? [props] : list(props.agentPoolProfiles);
        for (const pool of pools) for (const problem of poolProblems(pool)) report(`${problem}.`);
    },
});
