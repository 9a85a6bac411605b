import { resourcePolicy } from "../lib/define";
import { list } from "../lib/props";

const ROLES = ["kubernetes:rbac.authorization.k8s.io/v1:Role", "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole"];
const BINDINGS = ["kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding"];

/** In-cluster grants are as narrow as the cloud ones: no wildcard rules, no cluster-admin bindings. */
export const policy = resourcePolicy({
    name: "disallow-kubernetes-wildcard-rbac",
    description: "Kubernetes Roles must not use \"*\" verbs, resources or API groups, and no binding may grant cluster-admin.",
    metadata: {
        cloud: "kubernetes", service: "rbac", severity: "high", topic: "security", principle: "least-privilege",
        remediation: "list the verbs and resources the subject needs; bind the built-in edit/view ClusterRole in the namespace instead of cluster-admin",
        checkov: ["CKV_K8S_49"],
        resourceTypes: [...ROLES, ...BINDINGS],
    },
    validate: (props, args, report) => {
        if (BINDINGS.includes(args.type)) {
            if (props.roleRef?.name === "cluster-admin") report("the binding grants cluster-admin.");
            return;
        }
        for (const rule of list(props.rules)) {
            for (const field of ["verbs", "resources", "apiGroups"]) {
                if (list<string>(rule[field]).includes("*")) report(`a rule has "*" in ${field}.`);
            }
        }
    },
});
