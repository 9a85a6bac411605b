import { resourcePolicy } from "../lib/define";
import { list } from "../lib/props";
import { podSpec } from "../lib/workloads";

/** Long-running workloads (Jobs and CronJobs run to completion and need none). */
const LONG_RUNNING = ["kubernetes:core/v1:Pod", "kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet", "kubernetes:apps/v1:DaemonSet", "kubernetes:apps/v1:ReplicaSet"];

/** Kubernetes restarts what hangs and routes traffic only to what is ready. */
export const policy = resourcePolicy({
    name: "require-container-probes",
    description: "Containers of long-running workloads must define liveness and readiness probes.",
    metadata: {
        cloud: "kubernetes", service: "workloads", severity: "medium", topic: "availability", principle: "workload-availability",
        remediation: "add livenessProbe and readinessProbe (httpGet, tcpSocket, grpc or exec) to each container",
        checkov: ["CKV_K8S_8", "CKV_K8S_9"],
        resourceTypes: LONG_RUNNING,
    },
    validate: (props, args, report) => {
        // init containers run to completion: only regular containers need probes (as in Checkov)
        for (const c of list(podSpec(args.type, props)?.containers)) {
            if (!c.livenessProbe) report(`container ${c.name} has no livenessProbe.`);
            if (!c.readinessProbe) report(`container ${c.name} has no readinessProbe.`);
        }
    },
});
