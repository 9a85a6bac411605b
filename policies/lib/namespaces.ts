import type { PolicyResource } from "@pulumi/policy";
import type { Props } from "./define";
import { isUnknownAt, list } from "./props";

export const NAMESPACE = "kubernetes:core/v1:Namespace";
export const NETWORK_POLICY = "kubernetes:networking.k8s.io/v1:NetworkPolicy";

/**
 * Whether a namespaced object belongs to `namespace`: it depends on the Namespace resource (its
 * `metadata.namespace` is the namespace's output), or names it when both names are known.
 */
export function inNamespace(resource: PolicyResource, namespace: PolicyResource): boolean {
    if (resource.dependencies.some((d) => d.urn === namespace.urn)) return true;
    const meta = resource.props.metadata;
    const nsMeta = namespace.props.metadata;
    if (!meta || !nsMeta || isUnknownAt(meta, "namespace") || isUnknownAt(nsMeta, "name")) return false;
    return meta.namespace !== undefined && meta.namespace === nsMeta.name;
}

function selectsAllPods(spec: Props): boolean {
    const selector = spec.podSelector ?? {};
    return Object.keys(selector.matchLabels ?? {}).length === 0 && list(selector.matchExpressions).length === 0;
}

/** The directions (Ingress, Egress) a NetworkPolicy denies for every pod of its namespace. */
export function deniedDirections(policy: PolicyResource): string[] {
    const spec = policy.props.spec;
    if (!spec || !selectsAllPods(spec)) return [];
    const types = list<string>(spec.policyTypes);
    const denied: string[] = [];
    if (types.includes("Ingress") && list(spec.ingress).length === 0) denied.push("Ingress");
    if (types.includes("Egress") && list(spec.egress).length === 0) denied.push("Egress");
    return denied;
}

export function namespaceName(namespace: PolicyResource): string {
    const meta = namespace.props.metadata;
    return meta && !isUnknownAt(meta, "name") && meta.name ? String(meta.name) : namespace.name;
}
