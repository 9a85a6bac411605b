import { resourcePolicy } from "../lib/define";

/** A regional cluster replicates the control plane across zones. */
export const policy = resourcePolicy({
    name: "require-gke-regional-cluster",
    description: "GKE clusters must be regional (location is a region, not a zone).",
    metadata: {
        cloud: "gcp", service: "container", severity: "high", topic: "availability", principle: "regional-clusters",
        remediation: "set location to the region (europe-west1), not a zone (europe-west1-b)",
        checkov: [],
        resourceTypes: ["gcp:container/cluster:Cluster"],
    },
    validate: (props, _args, report) => {
        const location = props.location;
        if (typeof location !== "string" || !/^[a-z]+-[a-z]+\d+$/.test(location)) report(`location ${location ?? "(unset)"} is not a region.`);
    },
});
