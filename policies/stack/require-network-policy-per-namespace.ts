import { stackPolicy } from "../lib/define";
import { NAMESPACE, NETWORK_POLICY, inNamespace, namespaceName } from "../lib/namespaces";

/** No namespace is left with Kubernetes' allow-all default. */
export const policy = stackPolicy({
    name: "require-network-policy-per-namespace",
    description: "Every namespace in the stack must have at least one NetworkPolicy.",
    metadata: {
        cloud: "stack", service: "kubernetes", severity: "high", topic: "security", principle: "namespace-baseline",
        remediation: "add NetworkPolicies to the namespace (default deny plus explicit allows), e.g. through NamespaceBaseline",
        checkov: [],
        resourceTypes: [NAMESPACE, NETWORK_POLICY],
    },
    validate: (resources, _args, report) => {
        for (const ns of resources.filter((r) => r.type === NAMESPACE)) {
            if (!resources.some((r) => r.type === NETWORK_POLICY && inNamespace(r, ns))) {
                report(`namespace ${namespaceName(ns)} has no NetworkPolicy.`, ns.urn);
            }
        }
    },
});
