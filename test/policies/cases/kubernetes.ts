import { UNKNOWN, res } from "../helpers";
import type { ResourceCase, StackCase } from "./types";

const IMAGE = "111111111111.dkr.ecr.eu-west-1.amazonaws.com/orders/api:1.4.2";
const deployment = {
    metadata: { namespace: "orders" },
    spec: { template: { spec: { containers: [{ name: "api", image: IMAGE, securityContext: { privileged: false, allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } } }] } } },
};

export const kubernetesResourceCases: ResourceCase[] = [
    {
        policy: "disallow-privileged-containers", type: "kubernetes:apps/v1:Deployment", inputs: deployment,
        violations: [
            { set: { "spec.template.spec.containers.0.securityContext.privileged": true }, expect: /container api is privileged/ },
            { set: { "spec.template.spec.containers.0.securityContext.allowPrivilegeEscalation": true }, expect: /privilege escalation/ },
            { set: { "spec.template.spec.containers.0.securityContext.capabilities.add": ["SYS_ADMIN"] }, expect: /SYS_ADMIN/ },
        ],
        unknown: [{ path: "spec.template.spec.containers.0.securityContext", expect: "deferred" }],
    },
    {
        policy: "disallow-host-path-volumes", type: "kubernetes:apps/v1:Deployment", inputs: deployment,
        violations: [{ set: { "spec.template.spec.volumes": [{ name: "docker", hostPath: { path: "/var/run/docker.sock" } }] }, expect: /host path \/var\/run\/docker\.sock/ }],
        unknown: [{ path: "spec.template.spec.volumes", expect: "deferred" }],
    },
    {
        policy: "disallow-host-namespaces", type: "kubernetes:core/v1:Pod", inputs: { spec: { containers: [{ name: "api", image: IMAGE }] } },
        violations: [{ set: { "spec.hostNetwork": true }, expect: /hostNetwork/ }, { set: { "spec.hostPID": true }, expect: /hostPID/ }],
        unknown: [{ path: "spec.hostNetwork", expect: "deferred" }],
    },
    {
        policy: "require-trusted-images", type: "kubernetes:apps/v1:Deployment", inputs: deployment,
        violations: [
            { set: { "spec.template.spec.containers.0.image": "docker.io/library/nginx:1.27" }, expect: /not from the landing zone's registry/ },
            { set: { "spec.template.spec.containers.0.image": "111111111111.dkr.ecr.eu-west-1.amazonaws.com/orders/api:latest" }, expect: /uses :latest/ },
            { set: { "spec.template.spec.containers.0.image": "acme.azurecr.io/orders/api" }, expect: /no tag/ },
        ],
        unknown: [{ path: "spec.template.spec.containers.0.image", expect: "deferred" }],
    },
    {
        policy: "disallow-kubernetes-wildcard-rbac", type: "kubernetes:rbac.authorization.k8s.io/v1:Role",
        inputs: { rules: [{ apiGroups: ["apps"], resources: ["deployments"], verbs: ["get", "list", "patch"] }] },
        violations: [
            { set: { "rules.0.verbs": ["*"] }, expect: /"\*" in verbs/ },
            { set: { "rules.0.resources": ["*"] }, expect: /"\*" in resources/ },
            { type: "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", set: { rules: undefined, roleRef: { kind: "ClusterRole", name: "cluster-admin" } }, expect: /grants cluster-admin/ },
        ],
        unknown: [{ path: "rules.0.verbs", expect: "deferred" }],
    },
];

const ns = () => res("kubernetes:core/v1:Namespace", "orders-namespace", { metadata: { name: "orders" } });
const inNs = (type: string, name: string, spec: Record<string, unknown>, namespace: ReturnType<typeof ns>) =>
    res(type, name, { metadata: { name, namespace: "orders" }, spec }, { dependsOn: [namespace] });
const baseline = (namespace: ReturnType<typeof ns>, skip = "") => [
    inNs("kubernetes:core/v1:ResourceQuota", "quota", { hard: { pods: "50" } }, namespace),
    inNs("kubernetes:core/v1:LimitRange", "limits", { limits: [{ type: "Container" }] }, namespace),
    inNs("kubernetes:networking.k8s.io/v1:NetworkPolicy", "default-deny", { podSelector: {}, policyTypes: ["Ingress", "Egress"] }, namespace),
].filter((r) => r.type !== skip);

export const kubernetesStackCases: StackCase[] = [
    {
        policy: "require-namespace-baseline",
        compliant: () => { const n = ns(); return [n, ...baseline(n)]; },
        violations: [
            { name: "no quota", resources: () => { const n = ns(); return [n, ...baseline(n, "kubernetes:core/v1:ResourceQuota")]; }, expect: /namespace orders has no ResourceQuota/ },
            { name: "no limit range", resources: () => { const n = ns(); return [n, ...baseline(n, "kubernetes:core/v1:LimitRange")]; }, expect: /no LimitRange/ },
            {
                name: "network policy allows ingress", expect: /no default-deny NetworkPolicy/,
                resources: () => { const n = ns(); return [n, ...baseline(n, "kubernetes:networking.k8s.io/v1:NetworkPolicy"), inNs("kubernetes:networking.k8s.io/v1:NetworkPolicy", "allow", { podSelector: {}, policyTypes: ["Ingress"], ingress: [{}] }, n)]; },
            },
        ],
        unknown: [{ name: "spec unknown", resources: () => { const n = ns(); return [n, ...baseline(n, "kubernetes:networking.k8s.io/v1:NetworkPolicy"), res("kubernetes:networking.k8s.io/v1:NetworkPolicy", "np", { metadata: { namespace: "orders" }, spec: UNKNOWN }, { dependsOn: [n] })]; }, expect: "deferred" }],
    },
    {
        policy: "require-network-policy-per-namespace",
        compliant: () => { const n = ns(); return [n, ...baseline(n)]; },
        violations: [{ name: "no network policy", resources: () => { const n = ns(); return [n, ...baseline(n, "kubernetes:networking.k8s.io/v1:NetworkPolicy")]; }, expect: /namespace orders has no NetworkPolicy/ }],
        unknown: [{ name: "namespace name unknown (matched by dependency)", resources: () => { const n = res("kubernetes:core/v1:Namespace", "ns", { metadata: { name: UNKNOWN } }); return [n, ...baseline(n)]; }, expect: "pass" }],
    },
];
