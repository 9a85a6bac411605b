import { resourcePolicy } from "../lib/define";
import { list } from "../lib/props";
import { WORKLOAD_TYPES, containers, podSpec } from "../lib/workloads";

/** Pods do not share the node's network, process or IPC namespaces, nor bind the node's ports. */
export const policy = resourcePolicy({
    name: "disallow-host-namespaces",
    description: "Pods must not use hostNetwork, hostPID or hostIPC, and containers must not bind a hostPort.",
    metadata: {
        cloud: "kubernetes", service: "workloads", severity: "high", topic: "security", principle: "pod-hardening",
        remediation: "remove hostNetwork, hostPID, hostIPC and hostPort from the pod spec; expose the workload through a Service",
        checkov: ["CKV_K8S_19", "CKV_K8S_17", "CKV_K8S_18", "CKV_K8S_26"],
        resourceTypes: Object.keys(WORKLOAD_TYPES),
    },
    validate: (props, args, report) => {
        const spec = podSpec(args.type, props) ?? {};
        for (const field of ["hostNetwork", "hostPID", "hostIPC"]) {
            if (spec[field] === true) report(`the pod sets ${field}.`);
        }
        for (const c of containers(spec)) {
            for (const port of list(c.ports)) if (port?.hostPort !== undefined) report(`container ${c.name} binds hostPort ${port.hostPort}.`);
        }
    },
});
