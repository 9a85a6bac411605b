import { UNKNOWN, res } from "../helpers";
import type { ResourceCase, StackCase } from "./types";

const DIGEST = `sha256:${"ab".repeat(32)}`;
const IMAGE = `111111111111.dkr.ecr.eu-west-1.amazonaws.com/orders/api:1.4.2@${DIGEST}`;
const deployment = {
    metadata: { namespace: "orders" },
    spec: { template: { spec: { containers: [{ name: "api", image: IMAGE, securityContext: { privileged: false, allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } } }] } } },
};

/** A workload as the pack wants it: every rule of the pack passes on it. */
const hardened = {
    metadata: { name: "api", namespace: "orders", labels: { app: "api" } },
    spec: {
        template: {
            metadata: { labels: { app: "api" } },
            spec: {
                automountServiceAccountToken: false,
                serviceAccountName: "orders-workload",
                securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: "RuntimeDefault" } },
                containers: [{
                    name: "api", image: IMAGE, command: ["/app/server"], args: ["--port=8080"],
                    env: [{ name: "MODE", value: "prod" }], ports: [{ containerPort: 8080 }],
                    resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
                    livenessProbe: { httpGet: { path: "/healthz", port: 8080 } }, readinessProbe: { httpGet: { path: "/ready", port: 8080 } },
                    securityContext: { privileged: false, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
                }],
            },
        },
    },
};
const C = "spec.template.spec.containers.0";
const POD_SC = "spec.template.spec.securityContext";

export const kubernetesResourceCases: ResourceCase[] = [
    {
        policy: "disallow-default-namespace", type: "kubernetes:apps/v1:Deployment", inputs: hardened,
        violations: [
            { set: { "metadata.namespace": "default" }, expect: /api is in the default namespace \(metadata\.namespace default\)/ },
            { set: { "metadata.namespace": undefined }, expect: /metadata\.namespace unset/ },
            { type: "kubernetes:core/v1:ServiceAccount", set: { spec: undefined, metadata: { name: "app" } }, expect: /app is in the default namespace/ },
            { type: "kubernetes:core/v1:Service", set: { spec: undefined, metadata: { name: "api", namespace: "default" } }, expect: /default namespace/ },
        ],
        unknown: [{ path: "metadata.namespace", expect: "deferred" }],
    },
    {
        policy: "require-restricted-security-context", type: "kubernetes:apps/v1:Deployment", inputs: hardened,
        violations: [
            { set: { [POD_SC]: undefined }, expect: /the pod of subject has no securityContext/ },
            { set: { [`${C}.securityContext`]: undefined }, expect: /container api has no securityContext/ },
            { set: { [`${C}.securityContext.readOnlyRootFilesystem`]: false }, expect: /readOnlyRootFilesystem/ },
            { set: { [`${C}.securityContext.readOnlyRootFilesystem`]: undefined }, expect: /readOnlyRootFilesystem/ },
            { set: { [`${POD_SC}.runAsNonRoot`]: undefined }, expect: /runAsNonRoot/ },
            { set: { [`${C}.securityContext.runAsNonRoot`]: false }, expect: /runAsNonRoot/ },
            { set: { [`${POD_SC}.runAsUser`]: 1000 }, expect: /runs as UID 1000, needs runAsUser >= 10000/ },
            { set: { [`${C}.securityContext.runAsUser`]: 0 }, expect: /runs as UID 0/ },
            { set: { [`${POD_SC}.runAsUser`]: undefined }, expect: /runs as UID of the image/ },
            { set: { [`${POD_SC}.seccompProfile`]: undefined }, expect: /seccomp profile unset/ },
            { set: { [`${POD_SC}.seccompProfile.type`]: "Unconfined" }, expect: /seccomp profile Unconfined/ },
            { set: { [`${C}.securityContext.capabilities.drop`]: ["NET_RAW"] }, expect: /does not drop ALL capabilities/ },
            { set: { [`${C}.securityContext.capabilities`]: undefined }, expect: /does not drop ALL capabilities/ },
            { set: { [`${C}.securityContext.capabilities.add`]: ["NET_BIND_SERVICE"] }, expect: /adds capabilities NET_BIND_SERVICE/ },
            { type: "kubernetes:core/v1:Pod", set: { spec: { securityContext: hardened.spec.template.spec.securityContext, containers: [{ name: "api", image: IMAGE }] } }, expect: /container api has no securityContext/ },
        ],
        unknown: [{ path: `${C}.securityContext`, expect: "deferred" }, { path: `${POD_SC}.runAsUser`, expect: "deferred" }],
    },
    {
        policy: "require-container-resources", type: "kubernetes:apps/v1:Deployment", inputs: hardened,
        violations: [
            { set: { [`${C}.resources.requests.cpu`]: undefined }, expect: /does not set resources requests\.cpu\./ },
            { set: { [`${C}.resources.requests.memory`]: undefined }, expect: /does not set resources requests\.memory\./ },
            { set: { [`${C}.resources.limits.cpu`]: undefined }, expect: /does not set resources limits\.cpu\./ },
            { set: { [`${C}.resources.limits.memory`]: undefined }, expect: /does not set resources limits\.memory\./ },
            { set: { [`${C}.resources`]: undefined }, expect: /requests\.cpu, requests\.memory, limits\.cpu, limits\.memory/ },
            { type: "kubernetes:batch/v1:CronJob", set: { spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: "job", image: IMAGE }] } } } } } }, expect: /container job does not set resources/ },
        ],
        unknown: [{ path: `${C}.resources`, expect: "deferred" }],
    },
    {
        policy: "require-container-probes", type: "kubernetes:apps/v1:Deployment", inputs: hardened,
        violations: [
            { set: { [`${C}.livenessProbe`]: undefined }, expect: /container api has no livenessProbe/ },
            { set: { [`${C}.readinessProbe`]: undefined }, expect: /container api has no readinessProbe/ },
            { type: "kubernetes:apps/v1:StatefulSet", set: { [`${C}.readinessProbe`]: undefined }, expect: /no readinessProbe/ },
        ],
        unknown: [{ path: `${C}.livenessProbe`, expect: "deferred" }, { path: "spec.template.spec.containers", expect: "deferred" }],
    },
    {
        policy: "disallow-secrets-in-env", type: "kubernetes:apps/v1:Deployment", inputs: hardened,
        violations: [
            { set: { [`${C}.env`]: [{ name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } }] }, expect: /reads secret db into env DB_PASSWORD/ },
            { set: { [`${C}.envFrom`]: [{ secretRef: { name: "db" } }] }, expect: /loads secret db into its environment/ },
        ],
        unknown: [{ path: `${C}.env`, expect: "deferred" }],
    },
    {
        policy: "disallow-default-service-account-tokens", type: "kubernetes:apps/v1:Deployment", inputs: hardened,
        violations: [
            { set: { "spec.template.spec.automountServiceAccountToken": undefined }, expect: /automounts a service account token/ },
            { set: { "spec.template.spec.automountServiceAccountToken": true }, expect: /automounts a service account token/ },
            { type: "kubernetes:core/v1:ServiceAccount", set: { spec: undefined, metadata: { name: "default", namespace: "orders" } }, expect: /default ServiceAccount automounts its token/ },
            { type: "kubernetes:core/v1:ServiceAccount", set: { spec: undefined, metadata: { name: "default" }, automountServiceAccountToken: true }, expect: /default ServiceAccount automounts/ },
            { type: "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", set: { spec: undefined, subjects: [{ kind: "ServiceAccount", name: "default", namespace: "orders" }] }, expect: /grants to the default ServiceAccount/ },
        ],
        unknown: [{ path: "spec.template.spec.automountServiceAccountToken", expect: "deferred" }],
    },
    {
        policy: "disallow-kubernetes-rbac-escalation", type: "kubernetes:rbac.authorization.k8s.io/v1:Role",
        inputs: { metadata: { name: "deployer" }, rules: [{ apiGroups: ["apps"], resources: ["deployments"], verbs: ["get", "list", "patch"] }, { apiGroups: ["rbac.authorization.k8s.io"], resources: ["rolebindings"], verbs: ["get", "list"] }] },
        violations: [
            { set: { "rules.1": { apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles"], verbs: ["bind"] } }, expect: /rule 2 grants bind/ },
            { set: { "rules.1": { apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles"], verbs: ["escalate"] } }, expect: /rule 2 grants escalate/ },
            { set: { "rules.1": { apiGroups: ["*"], resources: ["*"], verbs: ["*"] } }, expect: /grants bind/ },
            { set: { "rules.1": { apiGroups: [""], resources: ["serviceaccounts"], verbs: ["impersonate"] } }, expect: /grants impersonate/ },
            { type: "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", set: { "rules.1": { apiGroups: ["admissionregistration.k8s.io"], resources: ["mutatingwebhookconfigurations"], verbs: ["patch"] } }, expect: /control of admission webhooks/ },
            { type: "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", set: { "rules.1": { apiGroups: ["certificates.k8s.io"], resources: ["certificatesigningrequests/approval"], verbs: ["update"] } }, expect: /approval of certificate signing requests/ },
        ],
        unknown: [{ path: "rules.1.verbs", expect: "deferred" }],
    },
    {
        policy: "disallow-ingress-snippets", type: "kubernetes:networking.k8s.io/v1:Ingress",
        inputs: { metadata: { name: "api", annotations: { "nginx.ingress.kubernetes.io/rewrite-target": "/" } }, spec: { rules: [] } },
        violations: [
            { set: { "metadata.annotations": { "nginx.ingress.kubernetes.io/server-snippet": "location /x { alias /etc/; }" } }, expect: /annotation nginx\.ingress\.kubernetes\.io\/server-snippet/ },
            { set: { "metadata.annotations": { "nginx.ingress.kubernetes.io/configuration-snippet": "more_set_headers 'X: y';" } }, expect: /configuration-snippet/ },
        ],
        unknown: [{ path: "metadata.annotations", expect: "deferred" }],
    },
    {
        policy: "disallow-cluster-components-in-namespaces", type: "kubernetes:apps/v1:Deployment", inputs: hardened,
        violations: [
            { set: { [`${C}.command`]: ["kube-apiserver", "--anonymous-auth=true"] }, expect: /runs the control-plane binary kube-apiserver/ },
            { set: { [`${C}.command`]: ["/usr/local/bin/etcd"] }, expect: /control-plane binary etcd/ },
            { set: { [`${C}.command`]: ["/bin/sh"], [`${C}.args`]: ["-c", "kubelet"] }, expect: /control-plane binary kubelet/ },
            { set: { [`${C}.image`]: "ghcr.io/helm/tiller:v2.16.0" }, expect: /Tiller/ },
            { set: { "spec.template.metadata.labels": { app: "helm" } }, expect: /Tiller/ },
            { set: { [`${C}.image`]: "docker.io/kubernetesui/dashboard:v2.7.0" }, expect: /Kubernetes dashboard/ },
            { set: { "metadata.labels": { "k8s-app": "kubernetes-dashboard" } }, expect: /Kubernetes dashboard/ },
            { set: { [`${C}.env`]: [{ name: "GITSYNC_GIT", value: "/tmp/x" }] }, expect: /git-sync/ },
            { type: "kubernetes:core/v1:Service", set: { spec: { selector: { app: "helm", name: "tiller" } } }, expect: /service api exposes Tiller/ },
        ],
        unknown: [{ path: `${C}.command`, expect: "deferred" }],
    },
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
        violations: [
            { set: { "spec.hostNetwork": true }, expect: /hostNetwork/ },
            { set: { "spec.hostPID": true }, expect: /hostPID/ },
            { set: { "spec.hostIPC": true }, expect: /hostIPC/ },
            { set: { "spec.containers.0.ports": [{ containerPort: 8080, hostPort: 8080 }] }, expect: /binds hostPort 8080/ },
        ],
        unknown: [{ path: "spec.hostNetwork", expect: "deferred" }],
    },
    {
        policy: "require-trusted-images", type: "kubernetes:apps/v1:Deployment", inputs: deployment,
        violations: [
            { set: { "spec.template.spec.containers.0.image": "docker.io/library/nginx:1.27" }, expect: /not from the landing zone's registry/ },
            { set: { "spec.template.spec.containers.0.image": "111111111111.dkr.ecr.eu-west-1.amazonaws.com/orders/api:latest" }, expect: /uses :latest/ },
            { set: { "spec.template.spec.containers.0.image": "acme.azurecr.io/orders/api" }, expect: /not pinned by @sha256 digest \(no tag means latest\)/ },
            { set: { "spec.template.spec.containers.0.image": "acme.azurecr.io/orders/api:1.4.2" }, expect: /api:1\.4\.2 is not pinned by @sha256 digest \(container api\)/ },
            { set: { "spec.template.spec.containers.0.image": `acme.azurecr.io/orders/api:latest@${DIGEST}` }, expect: /uses :latest/ },
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
