import { resourcePolicy } from "../lib/define";
import { providerRegion } from "../lib/region";

/** A regional cluster replicates the control plane across zones, in the landing zone's region. */
export const policy = resourcePolicy({
    name: "require-gke-regional-cluster",
    description: "GKE clusters must be regional (location is a region, not a zone), in the region of their provider (the stack's region) when it sets one.",
    metadata: {
        cloud: "gcp", service: "container", severity: "high", topic: "availability", principle: "regional-clusters",
        remediation: "set location to the stack's region (europe-west1), not a zone (europe-west1-b) or another region",
        checkov: [],
        resourceTypes: ["gcp:container/cluster:Cluster"],
    },
    validate: (props, args, report) => {
        const location = props.location;
        if (typeof location !== "string" || !/^[a-z]+-[a-z]+\d+$/.test(location)) {
            report(`location ${location ?? "(unset)"} is not a region.`);
            return;
        }
        const region = providerRegion(args.provider);
        if (region && location !== region) report(`location ${location} is not the provider's region ${region}.`);
    },
});
