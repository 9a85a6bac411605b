import { resourcePolicy } from "../lib/define";
import type { Props } from "../lib/define";
import { list } from "../lib/props";
import { WORKLOAD_TYPES, containers, podSpec } from "../lib/workloads";

const SERVICE = "kubernetes:core/v1:Service";

/** Binaries of the control plane and node agent: the managed clusters (EKS, AKS, GKE) run them, never a namespace. */
const CONTROL_PLANE = ["kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd", "kubelet"];

/** Checkov's flag checks of those binaries (each fires only on a container running one of them). */
const CONTROL_PLANE_FLAG_CHECKS = [
    68, 69, 70, 71, 72, 73, 74, 75, 77, 79, 80, 81, 82, 83, 84, 85, 86, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 99, 100, 102,
    104, 105, 106, 107, 108, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 121, 138, 139, 140, 141, 143, 144, 145, 146,
    147, 148, 149, 151,
].map((n) => `CKV_K8S_${n}`);

const labelsOf = (metadata: Props | undefined): Record<string, unknown> => (metadata?.labels ?? {}) as Record<string, unknown>;
const isTillerLabels = (labels: Record<string, unknown>) => labels.app === "helm" || labels.name === "tiller";
const isDashboardLabels = (labels: Record<string, unknown>) => labels.app === "kubernetes-dashboard" || labels["k8s-app"] === "kubernetes-dashboard";

/** What a container runs that a domain namespace must not, if anything. */
export function componentOf(container: Props, labels: Record<string, unknown>): string | undefined {
    const words = [...list<string>(container.command), ...list<string>(container.args)].map((w) => String(w).split("/").pop() ?? "");
    const binary = CONTROL_PLANE.find((b) => words.includes(b));
    if (binary) return `the control-plane binary ${binary}`;
    const image = String(container.image ?? "");
    if (image.includes("tiller") || isTillerLabels(labels)) return "Tiller (Helm v2)";
    if (image.includes("kubernetes-dashboard") || image.includes("kubernetesui") || isDashboardLabels(labels)) return "the Kubernetes dashboard";
    if (list<Props>(container.env).some((e) => e?.name === "GITSYNC_GIT")) return "git-sync with GITSYNC_GIT (command injection)";
    return undefined;
}

/** A domain namespace runs the domain's workloads, never cluster components, Tiller, the dashboard or git-sync hooks. */
export const policy = resourcePolicy({
    name: "disallow-cluster-components-in-namespaces",
    description: "Workloads must not run control-plane binaries (kube-apiserver, etcd, kubelet, ...), Tiller, the Kubernetes dashboard or git-sync's GITSYNC_GIT hook.",
    metadata: {
        cloud: "kubernetes", service: "workloads", severity: "critical", topic: "security", principle: "pod-hardening",
        remediation: "remove the workload: the managed cluster runs the control plane, Helm 3 needs no Tiller, use the cloud console instead of the dashboard, and pass git-sync no GITSYNC_GIT",
        checkov: ["CKV_K8S_33", "CKV_K8S_34", "CKV_K8S_44", "CKV_K8S_45", "CKV_K8S_159", ...CONTROL_PLANE_FLAG_CHECKS],
        resourceTypes: [...Object.keys(WORKLOAD_TYPES), SERVICE],
    },
    validate: (props, args, report) => {
        if (args.type === SERVICE) {
            const selector = (props.spec?.selector ?? {}) as Record<string, unknown>;
            const name = String(props.metadata?.name ?? args.name);
            if (name.includes("tiller") || isTillerLabels(selector) || isTillerLabels(labelsOf(props.metadata))) report(`service ${name} exposes Tiller (Helm v2).`);
            return;
        }
        const spec = podSpec(args.type, props);
        const labels = { ...labelsOf(props.metadata), ...labelsOf(props.spec?.template?.metadata) };
        for (const c of containers(spec)) {
            const component = componentOf(c, labels);
            if (component) report(`container ${c.name} runs ${component}.`);
        }
    },
});
