import { stackPolicy } from "../lib/define";
import { NAMESPACE, NETWORK_POLICY, deniedDirections, inNamespace, namespaceName } from "../lib/namespaces";

const QUOTA = "kubernetes:core/v1:ResourceQuota";
const LIMITS = "kubernetes:core/v1:LimitRange";

/** A domain's namespace has a budget, default limits and deny-by-default networking. */
export const policy = stackPolicy({
    name: "require-namespace-baseline",
    description: "Every namespace the stack creates must have a ResourceQuota, a LimitRange and a default-deny NetworkPolicy (ingress and egress).",
    metadata: {
        cloud: "kubernetes", service: "namespaces", severity: "high", topic: "security", principle: "namespace-baseline",
        remediation: "create the namespace with the NamespaceBaseline component (components/kubernetes/namespace-baseline.ts)",
        checkov: [],
        resourceTypes: [NAMESPACE, QUOTA, LIMITS, NETWORK_POLICY],
    },
    validate: (resources, _args, report) => {
        for (const ns of resources.filter((r) => r.type === NAMESPACE)) {
            const inside = resources.filter((r) => r !== ns && inNamespace(r, ns));
            const missing: string[] = [];
            if (!inside.some((r) => r.type === QUOTA)) missing.push("ResourceQuota");
            if (!inside.some((r) => r.type === LIMITS)) missing.push("LimitRange");
            const denied = new Set(inside.filter((r) => r.type === NETWORK_POLICY).flatMap(deniedDirections));
            if (!denied.has("Ingress") || !denied.has("Egress")) missing.push("default-deny NetworkPolicy");
            if (missing.length) report(`namespace ${namespaceName(ns)} has no ${missing.join(", ")}.`, ns.urn);
        }
    },
});
