import type {
    AwsConfig, AzureConfig, CacheConfig, Cloud, ClusterConfig, DatabaseConfig, Environment, GcpConfig,
    HierarchyConfig, KeysConfig, Layer, LoggingConfig, NetworkConfig, NodePoolConfig, PipelineConfig,
    QueueConfig, RegistryConfig, StackConfig, StorageConfig,
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
    hierarchy: Required<Pick<HierarchyConfig, "mode" | "domains">> & Omit<HierarchyConfig, "mode" | "domains">;
    network: Required<NetworkConfig>;
    cluster: Required<Omit<ClusterConfig, "nodes">> & { nodes: Required<NodePoolConfig> };
    database: Required<DatabaseConfig>;
    storage: Required<StorageConfig>;
    queue: Required<QueueConfig>;
    cache: Required<CacheConfig>;
    pipeline: Required<Omit<PipelineConfig, "repository" | "deployRepository">> &
        Pick<PipelineConfig, "repository" | "deployRepository">;
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
        hierarchy: { mode: "skip", domains: [] },
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
        hierarchy: { mode: "skip", domains: [] },
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
        hierarchy: { mode: "skip", domains: [] },
        network: { cidr: "10.0.0.0/16", zones: 3, natGateways: "per-zone", flowLogRetentionDays: 90 },
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
 * zones), because geo replication is not built on AWS yet and `geo` is rejected there.
 */
export const cloudPresets: Partial<Record<Cloud, { [K in keyof Blocks]?: Partial<Blocks[K]> }>> = {
    aws: { pipeline: { source: "external" }, storage: { redundancy: "zone" } },
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

/** Applies the environment preset under the explicit keys of a (validated) stack config. */
export function resolveConfig(config: StackConfig): ResolvedConfig {
    // An unknown environment is reported by the schema; resolve against dev so the cross-key rules
    // can still run and every problem is reported at once.
    const preset = environmentPresets[config.environment] ?? environmentPresets.dev;
    const database = merge(preset.database, config.database);
    // A layout implies its minimum shape unless the keys say otherwise.
    if (config.database?.replicas === undefined && database.layout === "read-replicas") database.replicas = 1;
    if (config.database?.shards === undefined && database.layout === "sharded") database.shards = 2;
    return {
        layer: config.layer,
        cloud: config.cloud,
        environment: config.environment,
        prefix: config.prefix ?? "lz",
        domain: config.domain,
        region: config.region,
        owner: config.owner,
        platformStack: config.platformStack ?? `platform-${config.cloud}-${config.environment}`,
        hierarchy: merge(preset.hierarchy, config.hierarchy),
        network: merge(preset.network, config.network),
        cluster: merge(preset.cluster, config.cluster),
        database,
        storage: merge(merge(preset.storage, cloudPresets[config.cloud]?.storage), config.storage),
        queue: merge(preset.queue, config.queue),
        cache: merge(preset.cache, config.cache),
        pipeline: merge(merge(preset.pipeline, cloudPresets[config.cloud]?.pipeline), config.pipeline),
        registry: merge(preset.registry, config.registry),
        keys: merge(preset.keys, config.keys),
        logging: merge(preset.logging, config.logging),
        aws: config.aws ?? {},
        azure: config.azure ?? {},
        gcp: config.gcp ?? {},
        protectStateful: config.environment === "prod",
    };
}
