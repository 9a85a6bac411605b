import { resourcePolicy } from "../lib/define";
import { WORKLOAD_TYPES, podSpec } from "../lib/workloads";

/** Pods do not share the node's network, process or IPC namespaces. */
export const policy = resourcePolicy({
    name: "disallow-host-namespaces",
    description: "Pods must not use hostNetwork, hostPID or hostIPC.",
    metadata: {
        cloud: "kubernetes", service: "workloads", severity: "high", topic: "security", principle: "pod-hardening",
        remediation: "remove hostNetwork, hostPID and hostIPC from the pod spec; expose the workload through a Service",
        checkov: ["CKV_K8S_19", "CKV_K8S_17", "CKV_K8S_18"],
        resourceTypes: Object.keys(WORKLOAD_TYPES),
    },
    validate: (props, args, report) => {
        const spec = podSpec(args.type, props) ?? {};
        for (const field of ["hostNetwork", "hostPID", "hostIPC"]) {
            if (spec[field] === true) report(`the pod sets ${field}.`);
        }
    },
});
