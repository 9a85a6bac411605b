import { resourcePolicy } from "../lib/define";
import { isOpenToInternet, list } from "../lib/props";

/** Private nodes; the control plane is private or open only to listed admin CIDRs. */
export const policy = resourcePolicy({
    name: "disallow-public-gke-endpoint",
    description: "GKE clusters must have private nodes and a private endpoint, or master authorized networks that exclude 0.0.0.0/0.",
    metadata: {
        cloud: "gcp", service: "container", severity: "critical", topic: "security", principle: "private-kubernetes-api",
        remediation: "set privateClusterConfig { enablePrivateNodes: true, enablePrivateEndpoint: true } or masterAuthorizedNetworksConfig.cidrBlocks to the admin CIDRs (cluster.apiAllowedCidrs)",
        checkov: ["CKV_GCP_18", "CKV_GCP_25", "CKV_GCP_20", "CKV_GCP_64"],
        resourceTypes: ["gcp:container/cluster:Cluster"],
    },
    validate: (props, _args, report) => {
        const privateConfig = props.privateClusterConfig ?? {};
        if (privateConfig.enablePrivateNodes !== true) report("nodes have public IPs (enablePrivateNodes is not true).");
        if (privateConfig.enablePrivateEndpoint === true) return;
        const blocks = list(props.masterAuthorizedNetworksConfig?.cidrBlocks).map((b) => b.cidrBlock);
        if (blocks.length === 0 || isOpenToInternet(blocks)) report("the public control-plane endpoint is open to 0.0.0.0/0.");
    },
});
