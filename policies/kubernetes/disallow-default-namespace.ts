import { resourcePolicy } from "../lib/define";
import { WORKLOAD_TYPES } from "../lib/workloads";

const NAMESPACED = [
    ...Object.keys(WORKLOAD_TYPES),
    "kubernetes:core/v1:Service", "kubernetes:core/v1:ServiceAccount", "kubernetes:core/v1:ConfigMap", "kubernetes:core/v1:Secret",
    "kubernetes:rbac.authorization.k8s.io/v1:Role", "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "kubernetes:networking.k8s.io/v1:Ingress",
];

/** Everything lives in a domain's namespace, under its quota, limits and default-deny policy; nothing in `default`. */
export const policy = resourcePolicy({
    name: "disallow-default-namespace",
    description: "Namespaced Kubernetes resources must name a namespace other than default (the built-in default ServiceAccount and kubernetes Service excepted).",
    metadata: {
        cloud: "kubernetes", service: "workloads", severity: "medium", topic: "security", principle: "namespace-baseline",
        remediation: "set metadata.namespace to the domain's namespace (it has the quota, limits and default-deny NetworkPolicy the platform vends)",
        checkov: ["CKV_K8S_21"],
        resourceTypes: NAMESPACED,
    },
    validate: (props, args, report) => {
        const metadata = props.metadata ?? {};
        if (metadata.namespace !== undefined && metadata.namespace !== "default") return;
        if (args.type === "kubernetes:core/v1:ServiceAccount" && metadata.name === "default") return;
        if (args.type === "kubernetes:core/v1:Service" && metadata.name === "kubernetes") return;
        report(`${metadata.name ?? args.name} is in the default namespace (metadata.namespace ${metadata.namespace ?? "unset"}).`);
    },
});
