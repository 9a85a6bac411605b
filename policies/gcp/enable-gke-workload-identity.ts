import { resourcePolicy } from "../lib/define";

/** Pods act as Google service accounts through Workload Identity; nodes hide the metadata server. */
export const policy = resourcePolicy({
    name: "enable-gke-workload-identity",
    description: "GKE clusters must enable Workload Identity and node pools must use the GKE metadata server.",
    metadata: {
        cloud: "gcp", service: "container", severity: "high", topic: "security", principle: "workload-identity",
        remediation: "set workloadIdentityConfig.workloadPool <project>.svc.id.goog and nodeConfig.workloadMetadataConfig.mode GKE_METADATA",
        checkov: ["CKV_GCP_69"],
        resourceTypes: ["gcp:container/cluster:Cluster", "gcp:container/nodePool:NodePool"],
    },
    validate: (props, args, report) => {
        if (args.type === "gcp:container/cluster:Cluster") {
            if (!props.workloadIdentityConfig || !("workloadPool" in props.workloadIdentityConfig)) report("Workload Identity is off (no workloadIdentityConfig.workloadPool).");
            return;
        }
        if (props.nodeConfig?.workloadMetadataConfig?.mode !== "GKE_METADATA") report("the node pool does not use the GKE metadata server.");
    },
});
