import type {
    AwsConfig, AzureConfig, CacheConfig, Cloud, ClusterConfig, DatabaseConfig, Environment, GcpConfig,
    HierarchyConfig, KeysConfig, Layer, LoggingConfig, NetworkConfig, NodePoolConfig, OrganizationConfig, PipelineConfig,
    QueueConfig, RegistryConfig, StackConfig, StorageConfig, DomainRegistration, Size, WorkerConfig,
} from "./types";

/** The configuration after environment presets are applied: every default is filled in. */
export interface ResolvedConfig {
    layer: Layer;
    cloud: Cloud;
    environment: Environment;
    prefix: string;
    /** Set for domain stacks (validation guarantees it). */
    domain?: string;
    region: string;
    owner: string;
    /** The platform stack a domain stack reads. */
    platformStack: string;
    /** The organization stack a platform stack reads, when it reads one. */
    organizationStack?: string;
    hierarchy: Required<Pick<HierarchyConfig, "mode">> & Omit<HierarchyConfig, "mode">;
    /** Platform layer: the registered domains with their options filled in (empty on a domain stack). */
    domains: Record<string, ResolvedDomainRegistration>;
    /** Principals of the auditor persona (platform layer). */
    auditors: string[];
    /** Organization layer settings (defaults filled in; read by organization stacks only). */
    organization: Required<OrganizationConfig>;
    network: Required<NetworkConfig>;
    cluster: Required<Omit<ClusterConfig, "nodes" | "apiAccess">> & Pick<ClusterConfig, "apiAccess"> & { nodes: Required<NodePoolConfig> };
    database: Required<DatabaseConfig>;
    storage: Required<StorageConfig>;
    queue: Required<QueueConfig>;
    cache: Required<CacheConfig>;
    pipeline: Required<Omit<PipelineConfig, "repository" | "deployRepository">> &
        Pick<PipelineConfig, "repository" | "deployRepository">;
    /** The worker with its defaults; `package` resolved per cloud, `schedule` optional. */
    worker: Required<Omit<WorkerConfig, "schedule" | "artifact">> & Pick<WorkerConfig, "schedule" | "artifact">;
    registry: Required<RegistryConfig>;
    keys: Required<KeysConfig>;
    logging: Required<LoggingConfig>;
    aws: AwsConfig;
    azure: AzureConfig;
    gcp: GcpConfig;
    /** Stateful resources get `protect` and cloud-side deletion protection (prod). */
    protectStateful: boolean;
}

type Blocks = Pick<ResolvedConfig, "hierarchy" | "network" | "cluster" | "database" | "storage" | "queue" |
    "cache" | "pipeline" | "registry" | "keys" | "logging">;

/** Environments differ by data, not code: these are the only differences between dev and prod. */
export const environmentPresets: Record<Environment, Blocks> = {
    dev: {
        hierarchy: { mode: "skip" },
        network: { cidr: "10.0.0.0/16", zones: 3, natGateways: "single", flowLogRetentionDays: 14 },
        cluster: {
            version: "1.34", apiAllowedCidrs: [], releaseChannel: "regular",
            nodes: { min: 1, max: 3, desired: 2, size: "small" },
        },
        database: {
            layout: "single", replicas: 0, shards: 1, size: "small", backupDays: 7, engineVersion: "17",
            storageGb: 20, highAvailability: false, deletionProtection: false,
        },
        storage: { versioning: true, noncurrentVersionDays: 30, redundancy: "zone" },
        queue: { visibilityTimeoutSeconds: 30, maxReceiveCount: 5, retentionDays: 4 },
        cache: { enabled: true, size: "small", replicas: 0 },
        pipeline: { enabled: true, source: "managed", branch: "main" },
        registry: { keepImages: 30 },
        keys: { rotationDays: 365 },
        logging: { retentionDays: 30 },
    },
    staging: {
        hierarchy: { mode: "skip" },
        network: { cidr: "10.0.0.0/16", zones: 3, natGateways: "per-zone", flowLogRetentionDays: 30 },
        cluster: {
            version: "1.34", apiAllowedCidrs: [], releaseChannel: "regular",
            nodes: { min: 2, max: 6, desired: 3, size: "medium" },
        },
        database: {
            layout: "single", replicas: 0, shards: 1, size: "medium", backupDays: 14, engineVersion: "17",
            storageGb: 50, highAvailability: true, deletionProtection: false,
        },
        storage: { versioning: true, noncurrentVersionDays: 60, redundancy: "zone" },
        queue: { visibilityTimeoutSeconds: 30, maxReceiveCount: 5, retentionDays: 4 },
        cache: { enabled: true, size: "medium", replicas: 1 },
        pipeline: { enabled: true, source: "managed", branch: "main" },
        registry: { keepImages: 50 },
        keys: { rotationDays: 365 },
        logging: { retentionDays: 90 },
    },
    prod: {
        hierarchy: { mode: "skip" },
        network: { cidr: "10.0.0.0/16", zones: 3, natGateways: "per-zone", flowLogRetentionDays: 365 },
        cluster: {
            version: "1.34", apiAllowedCidrs: [], releaseChannel: "stable",
            nodes: { min: 3, max: 10, desired: 3, size: "medium" },
        },
        database: {
            layout: "single", replicas: 0, shards: 1, size: "medium", backupDays: 14, engineVersion: "17",
            storageGb: 100, highAvailability: true, deletionProtection: true,
        },
        storage: { versioning: true, noncurrentVersionDays: 90, redundancy: "geo" },
        queue: { visibilityTimeoutSeconds: 30, maxReceiveCount: 5, retentionDays: 4 },
        cache: { enabled: true, size: "medium", replicas: 2 },
        pipeline: { enabled: true, source: "managed", branch: "main" },
        registry: { keepImages: 100 },
        keys: { rotationDays: 365 },
        logging: { retentionDays: 365 },
    },
};

/**
 * Defaults that differ by cloud (applied over the environment preset, under explicit keys). AWS:
 * the pipeline reads an external Git host through a connection, because CodeCommit (`managed`)
 * no longer accepts new customers; storage is `zone` (S3 keeps every object across the region's
 * zones), because geo replication is not built on AWS yet and `geo` is rejected there. GCP: the
 * pipeline reads GitHub through a Cloud Build connection.
 */
export const cloudPresets: Partial<Record<Cloud, { [K in keyof Blocks]?: Partial<Blocks[K]> }>> = {
    aws: { pipeline: { source: "external" }, storage: { redundancy: "zone" } },
    // Cloud Source Repositories (`managed`) is closed to new organizations; it is rejected on gcp.
    gcp: { pipeline: { source: "external" } },
};

function merge<T extends object>(base: T, override: object | undefined): T {
    const out = { ...base } as Record<string, unknown>;
    for (const [key, value] of Object.entries(override ?? {})) {
        if (value === undefined) continue;
        const current = out[key];
        out[key] = isPlainObject(current) && isPlainObject(value) ? merge(current, value) : value;
    }
    return out as T;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * How the platform's `pulumi up` reaches the API server when the config does not say: GKE's DNS
 * endpoint; the allowed CIDRs when there are some; inside the network outside prod. In prod on AWS
 * and Azure without allowed CIDRs there is no default (validation asks for `cluster.apiAccess`).
 */
function defaultApiAccess(config: StackConfig, allowed: unknown): ClusterConfig["apiAccess"] {
    if (config.cloud === "gcp") return "dns-endpoint";
    if (Array.isArray(allowed) && allowed.length > 0) return "allowed-cidrs";
    return config.environment === "prod" ? undefined : "in-network";
}

/** A registered domain with its defaults: a medium quota, no persona principals. */
export interface ResolvedDomainRegistration {
    quota: Size;
    admins: string[];
    readers: string[];
}

function resolveDomains(domains: StackConfig["domains"]): Record<string, ResolvedDomainRegistration> {
    const entries = isPlainObject(domains) ? Object.entries(domains) : [];
    return Object.fromEntries(entries.map(([name, registration]) => {
        const r: DomainRegistration = isPlainObject(registration) ? registration : {};
        return [name, { quota: r.quota ?? "medium", admins: r.admins ?? [], readers: r.readers ?? [] }];
    }));
}

/** Worker defaults (the same in every environment; a worker is off until a domain enables it). */
export const WORKER_DEFAULTS: Omit<ResolvedConfig["worker"], "package"> = {
    enabled: false, runtime: "nodejs22", handler: "index.handler", memoryMb: 512,
    timeoutSeconds: 30, batchSize: 10, batchWindowSeconds: 0, maxConcurrency: 10, warmInstances: 0,
    reachesData: true, tracing: true, environment: {},
};

/** How each cloud runs a worker by default: Flex Consumption runs code packages, Cloud Run images. */
export const DEFAULT_WORKER_PACKAGE: Record<Cloud, "image" | "zip"> = { aws: "image", azure: "zip", gcp: "image" };

/** Applies the environment preset under the explicit keys of a (validated) stack config. */
/** The database block of a stack: its environment's preset, the stack's keys, and the shape its layout implies. */
export function resolveDatabase(config: Pick<StackConfig, "environment" | "database">): ResolvedConfig["database"] {
    const preset = environmentPresets[config.environment] ?? environmentPresets.dev;
    const database = merge(preset.database, config.database);
    // A layout implies its minimum shape unless the keys say otherwise.
    if (config.database?.replicas === undefined && database.layout === "read-replicas") database.replicas = 1;
    if (config.database?.shards === undefined && database.layout === "sharded") database.shards = 2;
    return database;
}

/** The storage block: the environment's preset, then the cloud's, then the stack's own keys. */
export function resolveStorage(config: Pick<StackConfig, "environment" | "cloud" | "storage">): ResolvedConfig["storage"] {
    const preset = environmentPresets[config.environment] ?? environmentPresets.dev;
    return merge(merge(preset.storage, cloudPresets[config.cloud]?.storage), config.storage);
}

export function resolveConfig(config: StackConfig): ResolvedConfig {
    // An unknown environment is reported by the schema; resolve against dev so the cross-key rules
    // can still run and every problem is reported at once.
    const preset = environmentPresets[config.environment] ?? environmentPresets.dev;
    const database = resolveDatabase(config);
    const cluster = merge(preset.cluster, config.cluster);
    if (config.layer === "platform" && cluster.apiAccess === undefined) cluster.apiAccess = defaultApiAccess(config, cluster.apiAllowedCidrs);
    return {
        layer: config.layer,
        cloud: config.cloud,
        environment: config.environment,
        prefix: config.prefix ?? "lz",
        domain: config.domain,
        region: config.region,
        owner: config.owner,
        platformStack: config.platformStack ?? `platform-${config.cloud}-${config.environment}`,
        organizationStack: config.organizationStack,
        hierarchy: merge(preset.hierarchy, config.hierarchy),
        domains: resolveDomains(config.domains),
        auditors: Array.isArray(config.auditors) ? config.auditors : [],
        organization: resolveOrganization(config),
        network: merge(preset.network, config.network),
        cluster,
        database,
        storage: resolveStorage(config),
        queue: merge(preset.queue, config.queue),
        cache: merge(preset.cache, config.cache),
        pipeline: merge(merge(preset.pipeline, cloudPresets[config.cloud]?.pipeline), config.pipeline),
        worker: merge({ ...WORKER_DEFAULTS, package: DEFAULT_WORKER_PACKAGE[config.cloud] ?? "image" }, config.worker),
        registry: merge(preset.registry, config.registry),
        keys: merge(preset.keys, config.keys),
        logging: merge(preset.logging, config.logging),
        aws: config.aws ?? {},
        azure: config.azure ?? {},
        gcp: config.gcp ?? {},
        protectStateful: config.environment === "prod",
    };
}

/** Organization defaults: dev and prod environments, the stack's region allowed, nothing existing. */
function resolveOrganization(config: StackConfig): Required<OrganizationConfig> {
    const org = config.organization ?? {};
    const regions = Array.isArray(org.allowedRegions) ? org.allowedRegions : [];
    return {
        environments: org.environments ?? ["dev", "prod"],
        domains: org.domains ?? [],
        allowedRegions: [...new Set([config.region, ...regions])],
        securityContacts: org.securityContacts ?? [],
        existingAccounts: org.existingAccounts ?? {},
        allowedCustomerIds: org.allowedCustomerIds ?? [],
        subscriptions: org.subscriptions ?? [],
        // No CI identities unless a repository is named.
        ciRepository: org.ciRepository ?? "",
        ciPolicies: org.ciPolicies ?? [],
    };
}
