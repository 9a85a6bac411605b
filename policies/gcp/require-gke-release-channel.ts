import { resourcePolicy } from "../lib/define";

const CHANNELS = ["RAPID", "REGULAR", "STABLE", "EXTENDED"];

/** Google upgrades the cluster along a release channel. */
export const policy = resourcePolicy({
    name: "require-gke-release-channel",
    description: "GKE clusters must be enrolled in a release channel.",
    metadata: {
        cloud: "gcp", service: "container", severity: "medium", topic: "operations", principle: "kubernetes-version",
        remediation: "set releaseChannel.channel STABLE or REGULAR (cluster.releaseChannel)",
        checkov: ["CKV_GCP_70"],
        resourceTypes: ["gcp:container/cluster:Cluster"],
    },
    validate: (props, _args, report) => {
        const channel = props.releaseChannel?.channel;
        if (!CHANNELS.includes(channel)) report(`releaseChannel.channel is ${channel ?? "unset"}.`);
    },
});
