import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { Size } from "../core/config/types";
import { childName } from "../core/naming";
import { kubernetesLabels } from "../core/tags";

/** Egress a domain's pods may use besides DNS and their own namespace. */
export interface EgressRule {
    /** Destination CIDR (e.g. the data subnets, or 0.0.0.0/0 for cloud APIs over HTTPS); may come from the platform stack. */
    cidr: pulumi.Input<string>;
    /** Ports allowed (TCP). */
    ports: number[];
    /** CIDRs carved out of `cidr` (e.g. the cloud's metadata endpoint). */
    except?: string[];
}

export interface NamespaceBaselineArgs {
    /** Namespace name (the domain). */
    namespace: string;
    /** Standard tags, put on every object as labels (values made valid label values here). */
    labels: Record<string, string>;
    /** Namespace-wide resource budget. */
    quota: { requestsCpu: string; requestsMemory: string; limitsCpu: string; limitsMemory: string; pods: number };
    /** The workload ServiceAccount and the annotations/labels that bind it to a cloud identity. */
    serviceAccount: {
        name: string;
        annotations?: pulumi.Input<Record<string, pulumi.Input<string>>>;
        labels?: Record<string, string>;
    };
    egress: EgressRule[];
    /**
     * Namespace-scoped RBAC: each entry binds a built-in ClusterRole (`admin`, `edit`, `view`) in this
     * namespace only (a RoleBinding, never a ClusterRoleBinding) to users or groups.
     */
    roleBindings?: NamespaceRoleBinding[];
}

/** A RoleBinding of a built-in ClusterRole inside the domain namespace. */
export interface NamespaceRoleBinding {
    /** Binding name (`domain-admins`, `deploy`, ...). */
    name: string;
    clusterRole: "admin" | "edit" | "view";
    subjects: { kind: "User" | "Group"; name: pulumi.Input<string> }[];
}

/** A domain namespace's budget per registered quota size (`landing-zone:domains.<d>.quota`): the same on every cloud. */
export const NAMESPACE_QUOTAS: Record<Size, NamespaceBaselineArgs["quota"]> = {
    small: { requestsCpu: "4", requestsMemory: "8Gi", limitsCpu: "8", limitsMemory: "16Gi", pods: 50 },
    medium: { requestsCpu: "8", requestsMemory: "16Gi", limitsCpu: "16", limitsMemory: "32Gi", pods: 100 },
    large: { requestsCpu: "16", requestsMemory: "32Gi", limitsCpu: "32", limitsMemory: "64Gi", pods: 200 },
};

/** Default container requests/limits when a pod states none (LimitRange). */
export const DEFAULT_CONTAINER_LIMITS = {
    defaultRequest: { cpu: "100m", memory: "128Mi" },
    default: { cpu: "500m", memory: "512Mi" },
    max: { cpu: "4", memory: "8Gi" },
};

/**
 * A domain's home on the shared cluster, the same on every cloud: namespace (Pod Security
 * `restricted`), ResourceQuota, LimitRange, default-deny NetworkPolicy with allows for DNS, the
 * namespace itself and the listed egress, the workload ServiceAccount and namespace-scoped RBAC.
 * The platform stack creates one per registered domain; a domain stack never talks to the cluster.
 */
export class NamespaceBaseline extends pulumi.ComponentResource {
    readonly namespaceName: pulumi.Output<string>;
    readonly serviceAccountName: pulumi.Output<string>;

    constructor(name: string, args: NamespaceBaselineArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:kubernetes:NamespaceBaseline", name, {}, opts);
        const result = createNamespaceBaseline(name, this, args);
        this.namespaceName = result.namespace.metadata.name;
        this.serviceAccountName = result.serviceAccount.metadata.name;
        this.registerOutputs({ namespaceName: this.namespaceName, serviceAccountName: this.serviceAccountName });
    }
}

export function createNamespaceBaseline(name: string, parent: pulumi.Resource, input: NamespaceBaselineArgs) {
    const args = { ...input, labels: kubernetesLabels(input.labels) };
    const opts = { parent };
    const namespace = new k8s.core.v1.Namespace(childName(name, "namespace"), {
        metadata: {
            name: args.namespace,
            labels: {
                ...args.labels,
                "pod-security.kubernetes.io/enforce": "restricted",
                "pod-security.kubernetes.io/audit": "restricted",
                "pod-security.kubernetes.io/warn": "restricted",
            },
        },
    }, opts);
    const metadata = (suffix: string) => ({ name: suffix, namespace: namespace.metadata.name, labels: args.labels });

    new k8s.core.v1.ResourceQuota(childName(name, "quota"), {
        metadata: metadata("domain-quota"),
        spec: {
            hard: {
                "requests.cpu": args.quota.requestsCpu,
                "requests.memory": args.quota.requestsMemory,
                "limits.cpu": args.quota.limitsCpu,
                "limits.memory": args.quota.limitsMemory,
                pods: String(args.quota.pods),
                "services.loadbalancers": "0",
                "services.nodeports": "0",
            },
        },
    }, opts);

    new k8s.core.v1.LimitRange(childName(name, "limits"), {
        metadata: metadata("domain-limits"),
        spec: { limits: [{ type: "Container", ...DEFAULT_CONTAINER_LIMITS }] },
    }, opts);

    new k8s.networking.v1.NetworkPolicy(childName(name, "default-deny"), {
        metadata: metadata("default-deny"),
        spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
    }, opts);

    new k8s.networking.v1.NetworkPolicy(childName(name, "allow-dns"), {
        metadata: metadata("allow-dns"),
        spec: {
            podSelector: {},
            policyTypes: ["Egress"],
            egress: [{
                to: [{
                    namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
                    podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
                }],
                ports: [{ protocol: "UDP", port: 53 }, { protocol: "TCP", port: 53 }],
            }],
        },
    }, opts);

    new k8s.networking.v1.NetworkPolicy(childName(name, "allow-same-namespace"), {
        metadata: metadata("allow-same-namespace"),
        spec: {
            podSelector: {},
            policyTypes: ["Ingress", "Egress"],
            ingress: [{ from: [{ podSelector: {} }] }],
            egress: [{ to: [{ podSelector: {} }] }],
        },
    }, opts);

    if (args.egress.length > 0) {
        new k8s.networking.v1.NetworkPolicy(childName(name, "allow-egress"), {
            metadata: metadata("allow-egress"),
            spec: {
                podSelector: {},
                policyTypes: ["Egress"],
                egress: args.egress.map((rule) => ({
                    to: [{ ipBlock: { cidr: rule.cidr, except: rule.except } }],
                    ports: rule.ports.map((port) => ({ protocol: "TCP", port })),
                })),
            },
        }, opts);
    }

    const serviceAccount = new k8s.core.v1.ServiceAccount(childName(name, "workload"), {
        metadata: {
            name: args.serviceAccount.name,
            namespace: namespace.metadata.name,
            labels: { ...args.labels, ...args.serviceAccount.labels },
            annotations: args.serviceAccount.annotations,
        },
        automountServiceAccountToken: false,
    }, opts);

    for (const binding of args.roleBindings ?? []) {
        if (binding.subjects.length === 0) continue;
        new k8s.rbac.v1.RoleBinding(childName(name, "rbac", binding.name), {
            metadata: metadata(binding.name),
            roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: binding.clusterRole },
            subjects: binding.subjects.map((s) => ({ apiGroup: "rbac.authorization.k8s.io", kind: s.kind, name: s.name })),
        }, opts);
    }

    return { namespace, serviceAccount };
}
