import type { EnforcementLevel, ResourceValidationPolicy, Severity, StackValidationPolicy } from "@pulumi/policy";

export type PolicyCloud = "aws" | "azure" | "gcp" | "kubernetes" | "stack";
export type Topic = "security" | "availability" | "operations";

/**
 * The principles of the cloud guide this pack enforces (the rows of the principles x clouds matrix
 * in `matrix.ts`). A policy names the principle it enforces.
 */
export const PRINCIPLES = {
    "encryption-at-rest": { topic: "security", text: "encryption at rest with customer-managed keys where the landing zone creates them" },
    "encryption-in-transit": { topic: "security", text: "encryption in transit (TLS only, minimum TLS 1.2)" },
    "no-public-data-endpoints": { topic: "security", text: "no public data endpoints (buckets, databases, caches, queues, registries)" },
    "private-kubernetes-api": { topic: "security", text: "private or restricted Kubernetes API endpoint" },
    "kubernetes-rbac-sso": { topic: "security", text: "Kubernetes RBAC with the cloud's SSO on, local accounts off" },
    "workload-identity": { topic: "security", text: "workload identity instead of static keys" },
    "least-privilege": { topic: "security", text: "least privilege: no wildcard actions/resources, no Owner/Editor-type roles" },
    "no-plaintext-secrets": { topic: "security", text: "secrets never as plaintext inputs" },
    "registry-scanning-immutable-tags": { topic: "security", text: "image scanning and immutable tags on registries" },
    "key-rotation": { topic: "security", text: "key rotation" },
    "audit-logging": { topic: "security", text: "control-plane and audit logging on" },
    "no-admin-ingress-from-internet": { topic: "security", text: "no ingress from 0.0.0.0/0 to admin ports" },
    "multi-zone-databases": { topic: "availability", text: "multi-zone databases (prod)" },
    "read-replicas": { topic: "availability", text: "at least one read replica for the read-replicas layout" },
    "node-pools-multi-zone": { topic: "availability", text: "node pools across >= 2 zones with min >= 2 nodes" },
    "regional-clusters": { topic: "availability", text: "regional (multi-zone control plane) clusters" },
    "redundant-storage": { topic: "availability", text: "zone/geo-redundant storage or versioning" },
    "dead-letter-queues": { topic: "availability", text: "dead-letter queue on every queue" },
    "backup-retention": { topic: "availability", text: "backup retention >= 7 days (prod >= 14)" },
    "deletion-protection": { topic: "availability", text: "deletion protection and `protect` on stateful resources" },
    "cache-failover": { topic: "availability", text: "cache failover (replica in another zone)" },
    "standard-tags": { topic: "operations", text: "standard tags/labels present" },
    "naming-convention": { topic: "operations", text: "names follow the naming module" },
    "cluster-hardening": { topic: "security", text: "hardened clusters: shielded nodes without public IPs, IMDSv2, network policy enforcement, no legacy add-ons" },
    "kubernetes-version": { topic: "operations", text: "Kubernetes version pinned or on a release channel" },
    "namespace-baseline": { topic: "security", text: "every domain namespace has ResourceQuota, LimitRange and a default-deny NetworkPolicy" },
    "pod-hardening": { topic: "security", text: "no privileged containers, hostPath or hostNetwork" },
    "workload-availability": { topic: "availability", text: "workloads declare probes, requests and limits so Kubernetes can schedule, restart and route them" },
    "trusted-images": { topic: "security", text: "images from the landing zone's registry, no :latest" },
    "organization-guardrails": { topic: "security", text: "organization guardrails enforced: SCPs deny what they promise, policy assignments and org policies enforced" },
    "private-workers": { topic: "security", text: "serverless workers: no public invocation; inside the network when they reach data" },
    "bounded-workers": { topic: "availability", text: "serverless workers: timeout below the queue's visibility / lock / ack deadline, concurrency capped, supported runtime" },
    "observable-workers": { topic: "operations", text: "serverless workers: tracing and logging on" },
} as const satisfies Record<string, { topic: Topic; text: string }>;

export type Principle = keyof typeof PRINCIPLES;

/** What every policy of the pack states about itself (README, matrix, plan output). */
export interface PolicyMetadata {
    cloud: PolicyCloud;
    /** The cloud service (`s3`, `eks`, `storage`, `container`, `workloads`...). */
    service: string;
    severity: Severity;
    topic: Topic;
    principle: Principle;
    /** One sentence: what to change so that the policy passes (also part of every violation message). */
    remediation: string;
    /** Equivalent Checkov check ids (bridgecrewio/checkov). */
    checkov: string[];
    /** Resource types the policy validates. */
    resourceTypes: string[];
    /** Stack policies spanning clouds: the clouds whose matrix cells they fill. */
    covers?: ("aws" | "azure" | "gcp")[];
}

export type LandingZonePolicy = (ResourceValidationPolicy | StackValidationPolicy) & {
    severity: Severity;
    enforcementLevel: EnforcementLevel;
    metadata: PolicyMetadata;
};

export function isStackPolicy(p: LandingZonePolicy): p is StackValidationPolicy & LandingZonePolicy {
    return "validateStack" in p;
}
