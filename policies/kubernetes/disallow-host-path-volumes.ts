import { resourcePolicy } from "../lib/define";
import { list } from "../lib/props";
import { WORKLOAD_TYPES, podSpec } from "../lib/workloads";

/** Pods do not mount the node's filesystem. */
export const policy = resourcePolicy({
    name: "disallow-host-path-volumes",
    description: "Pods must not mount hostPath volumes.",
    metadata: {
        cloud: "kubernetes", service: "workloads", severity: "high", topic: "security", principle: "pod-hardening",
        remediation: "use an emptyDir, a ConfigMap/Secret or a PersistentVolumeClaim instead of hostPath",
        checkov: ["CKV_K8S_27"],
        resourceTypes: Object.keys(WORKLOAD_TYPES),
    },
    validate: (props, args, report) => {
        for (const volume of list(podSpec(args.type, props)?.volumes)) {
            if (volume.hostPath) report(`volume ${volume.name} mounts the host path ${volume.hostPath.path}.`);
        }
    },
});
