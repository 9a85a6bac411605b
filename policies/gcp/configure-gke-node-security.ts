import { resourcePolicy } from "../lib/define";

/** Nodes boot only signed components, are integrity-monitored and run Container-Optimized OS. */
export const policy = resourcePolicy({
    name: "configure-gke-node-security",
    description: "GKE node pools must run Container-Optimized OS with Secure Boot and integrity monitoring on.",
    metadata: {
        cloud: "gcp", service: "container", severity: "medium", topic: "security", principle: "cluster-hardening",
        remediation: "set nodeConfig.imageType COS_CONTAINERD and nodeConfig.shieldedInstanceConfig { enableSecureBoot: true, enableIntegrityMonitoring: true }",
        checkov: ["CKV_GCP_22", "CKV_GCP_68", "CKV_GCP_72"],
        resourceTypes: ["gcp:container/nodePool:NodePool"],
    },
    validate: (props, _args, report) => {
        const node = props.nodeConfig ?? {};
        const image = String(node.imageType ?? "COS_CONTAINERD");
        if (!image.startsWith("COS")) report(`nodeConfig.imageType is ${image}, not Container-Optimized OS.`);
        if (node.shieldedInstanceConfig?.enableSecureBoot !== true) report("Secure Boot is off.");
        if (node.shieldedInstanceConfig?.enableIntegrityMonitoring === false) report("integrity monitoring is off.");
    },
});
