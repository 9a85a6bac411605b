/**
 * What the parity tests compare across clouds (test/stacks/parity.test.ts, worker-parity.test.ts),
 * in one place so the plan report shows the same data the tests assert on. Each shape reads a
 * stack's outputs (plain or display form) or its recorded resources.
 */
import { plainValue } from "../mock-engine";

export const CLOUDS = ["aws", "azure", "gcp"] as const;
export type Cloud = (typeof CLOUDS)[number];
/** A stack's outputs: JSON without a schema here (each cloud's stack exports its own extras). */
export type Outputs = Record<string, unknown>;

/** The object at a property; throws, like a property access on undefined would, when there is none. */
function obj(value: unknown, what = "value"): Outputs {
    if (typeof value !== "object" || value === null) throw new TypeError(`${what} is not an object`);
    return value as Outputs;
}
const opt = (value: unknown): Outputs | undefined => (value === undefined || value === null ? undefined : obj(value));
const arr = (value: unknown, what = "value"): unknown[] => {
    if (!Array.isArray(value)) throw new TypeError(`${what} is not a list`);
    return value;
};

/** The cloud-neutral shape of a platform stack: what must be equal on every cloud. */
export function platformShape(o: Outputs) {
    const network = obj(o.network, "network");
    const cluster = obj(o.cluster, "cluster");
    return {
        zones: arr(network.zones).length,
        subnetTiers: Object.keys(obj(network.subnetIds)).sort(),
        clusterVersion: cluster.version,
        nodeZones: arr(cluster.nodeZones).length,
        keyPurposes: Object.keys(obj(obj(o.keys, "keys").keyIds)).sort(),
        logRetention: obj(o.logging, "logging").retentionDays,
    };
}

/** The home each registered domain gets, as the platform exports it: the same on every cloud. */
export function homeShape(o: Outputs) {
    return {
        domains: o.domains,
        homes: Object.fromEntries(Object.entries(obj(o.homes, "homes") as Record<string, Outputs>).map(([d, h]) => [d, {
            namespace: h.namespace, serviceAccountName: h.serviceAccountName, quota: h.quota,
            // Principals differ in form per cloud (role ARN, principal id, principal://); each is vended.
            principals: ["workloadPrincipal", "deployPrincipal"].filter((k) => k in h),
        }])),
    };
}

/** What the platform plan puts in the cluster per namespace: the vended home's Kubernetes objects. */
export function homeObjects(resources: { type: string; inputs: Record<string, unknown> }[]) {
    const perNamespace: Record<string, string[]> = {};
    for (const r of resources.filter((x) => x.type.startsWith("kubernetes:") && x.type !== "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding")) {
        const meta = obj((plainValue(r.inputs) as Outputs).metadata, "metadata");
        const ns = String(r.type === "kubernetes:core/v1:Namespace" ? meta.name : meta.namespace);
        (perNamespace[ns] ??= []).push(`${r.type.split(":").pop()}/${meta.name}`);
    }
    return Object.fromEntries(Object.entries(perNamespace).map(([ns, objects]) => [ns, objects.sort()]));
}

/** The cloud-neutral shape of a domain stack. */
export function domainShape(o: Outputs) {
    const database = obj(o.database, "database");
    const queue = obj(o.queue, "queue");
    return {
        namespace: o.namespace,
        layout: database.layout,
        primaries: arr(database.shards).length,
        readersPerPrimary: arr(database.shards).map((s) => arr(obj(s).readers).length),
        readerEndpoints: arr(database.readerEndpoints).length,
        databaseZones: new Set(arr(database.zones)).size,
        engineVersion: database.engineVersion,
        dlq: "deadLetterQueueId" in queue,
        maxReceiveCount: queue.maxReceiveCount,
        cacheReplicas: opt(o.cache)?.replicas,
        versioning: obj(o.objectStore, "objectStore").versioning,
        pipelineNamespace: opt(o.pipeline)?.targetNamespace,
    };
}

/** The worker's outputs without what names a cloud's own objects: the same on every cloud. */
export function workerShape(o: Outputs) {
    if (!o.worker) return undefined;
    const { name: _name, principal: _principal, deadLetterQueueId: _dlq, identityScope: _scope, nextStep: _next, ...rest } = obj(o.worker);
    return rest;
}

/**
 * Where a cloud cannot yet give what the config asks, with the reason. The parity test fails when a
 * gap closes (remove the entry) as well as when a new one opens.
 */
export interface KnownGap {
    cloud: Cloud;
    env: string;
    capability: string;
    property: string;
    /** The data layouts the gap shows in (a domain stack's `database.layout`); every layout when absent. */
    layouts?: string[];
    reason: string;
}

export const KNOWN_GAPS: KnownGap[] = [
    ...["dev", "prod"].map((env) => ({
        cloud: "azure" as const, env, capability: "network", property: "egressZoneRedundant",
        reason: "a Standard NAT gateway is zonal; zone-redundant egress needs per-zone subnets and node pools or the StandardV2 SKU (docs/azure.md)",
    })),
    {
        cloud: "azure", env: "prod", capability: "cache", property: "cacheReplicas",
        reason: "Azure Managed Redis has no replica count: high availability is one replica per shard, in another zone (docs/azure.md)",
    },
    {
        cloud: "aws", env: "prod", capability: "database", property: "databaseZones", layouts: ["single", "per-domain"],
        reason: "an RDS Multi-AZ primary takes no zone (CreateDBInstance rejects AvailabilityZone with MultiAZ): RDS picks the primary's and the standby's zones from the subnet group, so AWS exports every zone of it (3) where Azure and GCP place a primary and a standby (2) (docs/aws.md)",
    },
];

/** Whether a known gap applies to a stack of this environment (and, for a domain stack, data layout). */
export function gapApplies(gap: KnownGap, env: string | undefined, layout?: unknown): boolean {
    return (env === undefined || gap.env === env) && (gap.layouts === undefined || gap.layouts.includes(String(layout)));
}

/** Where a cloud's worker identity differs, and why (the worker parity test fails when the difference goes away). */
export const SCOPE_GAPS: Partial<Record<Cloud, { missing: string[]; reason: string }>> = {};
