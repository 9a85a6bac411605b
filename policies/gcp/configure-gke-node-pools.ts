import { resourcePolicy } from "../lib/define";
import { list } from "../lib/props";

const isRegion = (location: unknown) => typeof location === "string" && /^[a-z]+-[a-z]+\d+$/.test(location);

/** Worker nodes survive the loss of a node and of a zone; repairs and upgrades are automatic. */
export const policy = resourcePolicy({
    name: "configure-gke-node-pools",
    description: "GKE node pools must span >= 2 zones, keep >= 2 nodes in total and auto-repair/auto-upgrade.",
    metadata: {
        cloud: "gcp", service: "container", severity: "high", topic: "availability", principle: "node-pools-multi-zone",
        remediation: "create the pool in a regional cluster (or set nodeLocations to >= 2 zones), autoscaling.totalMinNodeCount >= 2 (cluster.nodes.min) and management { autoRepair: true, autoUpgrade: true }",
        checkov: ["CKV_GCP_9", "CKV_GCP_10"],
        resourceTypes: ["gcp:container/nodePool:NodePool"],
    },
    validate: (props, _args, report) => {
        const explicit = list(props.nodeLocations).length;
        const zones = explicit > 0 ? explicit : isRegion(props.location) ? 3 : 1;
        if (zones < 2) report(`the node pool spans ${zones} zone(s), needs >= 2.`);
        const scaling = props.autoscaling;
        const total = typeof scaling?.totalMinNodeCount === "number" ? scaling.totalMinNodeCount
            : typeof scaling?.minNodeCount === "number" ? scaling.minNodeCount * zones
            : typeof props.nodeCount === "number" ? props.nodeCount * zones : undefined;
        if (total === undefined || total < 2) report(`the node pool keeps ${total ?? "an unknown number of"} node(s) at minimum, needs >= 2.`);
        if (props.management?.autoRepair === false || props.management?.autoUpgrade === false) report("auto-repair or auto-upgrade is off.");
    },
});
