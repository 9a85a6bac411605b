import { resourcePolicy } from "../lib/define";
import type { Props } from "../lib/define";
import { list } from "../lib/props";

const ROLE = "kubernetes:rbac.authorization.k8s.io/v1:Role";
const CLUSTER_ROLE = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole";

/** Verbs and resources that let a holder grant itself more than it has (Checkov CKV_K8S_155-158). */
export function escalations(rule: Props): string[] {
    const groups = list<string>(rule.apiGroups);
    const resources = list<string>(rule.resources);
    const verbs = list<string>(rule.verbs);
    const any = (values: string[], wanted: string[]) => values.some((v) => v === "*" || wanted.includes(v));
    const found: string[] = [];
    if (any(verbs, ["bind"]) && any(groups, ["rbac.authorization.k8s.io"]) && any(resources, ["roles", "clusterroles"])) found.push("bind");
    if (any(verbs, ["escalate"]) && any(groups, ["rbac.authorization.k8s.io"]) && any(resources, ["roles", "clusterroles"])) found.push("escalate");
    if (any(verbs, ["impersonate"])) found.push("impersonate");
    if (any(groups, ["admissionregistration.k8s.io"]) && any(resources, ["validatingwebhookconfigurations", "mutatingwebhookconfigurations"])
        && any(verbs, ["create", "update", "patch", "delete"])) found.push("control of admission webhooks");
    if (any(groups, ["certificates.k8s.io"]) && any(resources, ["certificatesigningrequests/approval", "signers"]) && any(verbs, ["update", "patch", "approve"])) {
        found.push("approval of certificate signing requests");
    }
    return found;
}

/** Roles never grant the verbs that grant more: bind, escalate, impersonate, webhook control, CSR approval. */
export const policy = resourcePolicy({
    name: "disallow-kubernetes-rbac-escalation",
    description: "Roles and ClusterRoles must not grant bind, escalate or impersonate, control of admission webhooks, or approval of certificate signing requests.",
    metadata: {
        cloud: "kubernetes", service: "rbac", severity: "high", topic: "security", principle: "least-privilege",
        remediation: "remove the rule; a domain's deployer binds only the roles the platform vends, and webhooks and certificates belong to the platform team",
        checkov: ["CKV_K8S_155", "CKV_K8S_156", "CKV_K8S_157", "CKV_K8S_158"],
        resourceTypes: [ROLE, CLUSTER_ROLE],
    },
    validate: (props, args, report) => {
        const name = props.metadata?.name ?? args.name;
        list(props.rules).forEach((rule, i) => {
            for (const e of escalations(rule)) report(`role ${name} rule ${i + 1} grants ${e}.`);
        });
    },
});
