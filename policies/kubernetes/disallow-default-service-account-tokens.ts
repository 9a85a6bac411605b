import { resourcePolicy } from "../lib/define";
import { list } from "../lib/props";
import { WORKLOAD_TYPES, podSpec } from "../lib/workloads";

const SERVICE_ACCOUNT = "kubernetes:core/v1:ServiceAccount";
const BINDINGS = ["kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding"];

/** API tokens only where a pod opts in; the `default` ServiceAccount never holds a token or a grant. */
export const policy = resourcePolicy({
    name: "disallow-default-service-account-tokens",
    description: "Pods must not automount API tokens unless they opt in, a `default` ServiceAccount must not automount its token, and no binding may grant to a `default` ServiceAccount.",
    metadata: {
        cloud: "kubernetes", service: "rbac", severity: "medium", topic: "security", principle: "workload-identity",
        remediation: "set automountServiceAccountToken: false on the pod spec (mount a projected token volume where the pod calls the API), on every `default` ServiceAccount, and bind roles to the domain's workload ServiceAccount instead of `default`",
        checkov: ["CKV_K8S_38", "CKV_K8S_41", "CKV_K8S_42"],
        resourceTypes: [...Object.keys(WORKLOAD_TYPES), SERVICE_ACCOUNT, ...BINDINGS],
    },
    validate: (props, args, report) => {
        if (args.type === SERVICE_ACCOUNT) {
            if (props.metadata?.name === "default" && props.automountServiceAccountToken !== false) report("the default ServiceAccount automounts its token.");
            return;
        }
        if (BINDINGS.includes(args.type)) {
            for (const s of list(props.subjects)) if (s?.kind === "ServiceAccount" && s.name === "default") report(`binding ${props.metadata?.name ?? args.name} grants to the default ServiceAccount.`);
            return;
        }
        const spec = podSpec(args.type, props);
        if (spec && spec.automountServiceAccountToken !== false) report(`the pod of ${args.name} automounts a service account token.`);
    },
});
