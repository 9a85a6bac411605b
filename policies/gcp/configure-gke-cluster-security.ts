import { resourcePolicy } from "../lib/define";
import { list } from "../lib/props";

/** The cluster enforces NetworkPolicy, shows pod-to-pod traffic to the VPC, runs shielded nodes and keeps no inline node pools. */
export const policy = resourcePolicy({
    name: "configure-gke-cluster-security",
    description: "GKE clusters must enforce NetworkPolicy (Dataplane V2 or the network policy add-on), use VPC-native alias IPs, enable intranode visibility, shielded nodes and monitoring, carry labels, and define node pools as separate resources.",
    metadata: {
        cloud: "gcp", service: "container", severity: "high", topic: "security", principle: "cluster-hardening",
        remediation: "set datapathProvider ADVANCED_DATAPATH, ipAllocationPolicy, enableIntranodeVisibility true, enableShieldedNodes true, resourceLabels, removeDefaultNodePool true with gcp.container.NodePool resources, and keep monitoringService other than none",
        checkov: ["CKV_GCP_8", "CKV_GCP_12", "CKV_GCP_21", "CKV_GCP_23", "CKV_GCP_61", "CKV_GCP_71", "CKV_GCP_123"],
        resourceTypes: ["gcp:container/cluster:Cluster"],
    },
    validate: (props, _args, report) => {
        if (props.networkPolicy?.enabled !== true && props.datapathProvider !== "ADVANCED_DATAPATH") report("NetworkPolicy is not enforced (neither Dataplane V2 nor networkPolicy.enabled).");
        if (props.ipAllocationPolicy === undefined) report("the cluster is not VPC-native (no ipAllocationPolicy).");
        if (props.enableIntranodeVisibility !== true) report("intranode visibility is off.");
        if (props.enableShieldedNodes === false) report("shielded nodes are off.");
        if (props.monitoringService === "none") report("monitoring is off (monitoringService none).");
        if (Object.keys(props.resourceLabels ?? {}).length === 0) report("the cluster has no resourceLabels.");
        if (list(props.nodePools).length > 0 || props.removeDefaultNodePool !== true) report("node pools are defined inline (set removeDefaultNodePool true and use NodePool resources).");
    },
});
