/**
 * The stack configuration: the one source of truth for the `landing-zone:*` keys of every
 * `config/Pulumi.<stack>.yaml`. The JSON schema in `config/` is generated from `StackConfig`
 * (`npm run schema`); validation uses that schema, so the shape is written once.
 *
 * Words are cloud-neutral; each cloud maps them (sizes in `../sizes.ts`). Blocks a cloud needs and
 * the others do not live under `aws`, `azure` and `gcp`.
 */

export type Layer = "platform" | "domain";
export type Cloud = "aws" | "azure" | "gcp";
export type Environment = "dev" | "staging" | "prod";
export type Size = "small" | "medium" | "large";
export type DataLayout = "single" | "read-replicas" | "per-domain" | "sharded";
/** How an optional dependency is handled: create it, use one that exists, or do without. */
export type Provisioning = "create" | "existing" | "skip";

/**
 * Name of a business domain (orders, payments, ...).
 * @pattern ^[a-z][a-z0-9]{1,11}$
 */
export type DomainName = string;

/**
 * An IPv4 CIDR block.
 * @pattern ^([0-9]{1,3}\.){3}[0-9]{1,3}/([0-9]|[12][0-9]|3[0-2])$
 */
export type Cidr = string;

export interface HierarchyConfig {
    /** create the hierarchy, reference an existing one, or run everything in one account/subscription/project. */
    mode?: Provisioning;
    /**
     * Where the landing zone hangs: GCP `organizations/123` or `folders/456`; AWS the Organizations
     * root or OU id (`r-ab12`, `ou-ab12-cd34ef56`); Azure the parent management group id (the tenant
     * root group's id is the tenant id).
     */
    parentId?: string;
    /** Business domains that get their own account / subscription resource group / project. */
    domains?: DomainName[];
    /** GCP billing account (`ABCDEF-123456-7890AB`) for the projects the landing zone creates. */
    billingAccount?: string;
    /**
     * AWS: e-mail domain for new member accounts (`aws+<prefix>-<domain>-<env>@<emailDomain>`).
     */
    emailDomain?: string;
    /** With mode `existing`: ids of what exists, by role (e.g. `environment`, `platform`, or a domain name). */
    existingIds?: Record<string, string>;
}

/**
 * A business domain registered on a platform stack (`landing-zone:domains`). The platform vends the
 * domain's home: namespace baseline, workload identity, deploy path and persona bindings.
 */
export interface DomainRegistration {
    /** Size of the namespace's ResourceQuota and LimitRange (default medium). */
    quota?: Size;
    /** Principals of the domain-admin persona (AWS IAM role ARNs, Entra group object ids, Google group e-mails). */
    admins?: string[];
    /** Principals of the domain-reader persona (same forms as `admins`). */
    readers?: string[];
}

export interface NetworkConfig {
    /** Address space of the landing zone network in this region. */
    cidr?: Cidr;
    /**
     * Zones the network spans.
     * @minimum 1
     * @maximum 3
     * @asType integer
     */
    zones?: number;
    /** Egress gateways: one shared (cheap) or one per zone (zone failure does not cut egress). */
    natGateways?: "single" | "per-zone";
    /**
     * Days to keep network flow logs.
     * @minimum 1
     * @maximum 3653
     * @asType integer
     */
    flowLogRetentionDays?: number;
}

export interface NodePoolConfig {
    /**
     * @minimum 0
     * @maximum 100
     * @asType integer
     */
    min?: number;
    /**
     * @minimum 1
     * @maximum 1000
     * @asType integer
     */
    max?: number;
    /**
     * @minimum 0
     * @maximum 1000
     * @asType integer
     */
    desired?: number;
    size?: Size;
}

export interface ClusterConfig {
    /**
     * Pinned Kubernetes minor version.
     * @pattern ^1\.[0-9]{2}$
     */
    version?: string;
    /** Nodes of the application (user) pool. */
    nodes?: NodePoolConfig;
    /** CIDRs allowed to reach the API server from outside the network; empty = private endpoint only. */
    apiAllowedCidrs?: Cidr[];
    /** Managed upgrade track where the cloud has one (GKE release channel, AKS upgrade channel). */
    releaseChannel?: "rapid" | "regular" | "stable";
}

export interface DatabaseConfig {
    layout?: DataLayout;
    /**
     * Read replicas per primary.
     * @minimum 0
     * @maximum 5
     * @asType integer
     */
    replicas?: number;
    /**
     * Primaries for the sharded layout.
     * @minimum 1
     * @maximum 16
     * @asType integer
     */
    shards?: number;
    size?: Size;
    /**
     * @minimum 1
     * @maximum 35
     * @asType integer
     */
    backupDays?: number;
    /**
     * PostgreSQL major version.
     * @pattern ^1[4-8]$
     */
    engineVersion?: string;
    /**
     * @minimum 20
     * @maximum 65536
     * @asType integer
     */
    storageGb?: number;
    /** Standby in another zone with automatic failover. */
    highAvailability?: boolean;
    deletionProtection?: boolean;
}

export interface StorageConfig {
    versioning?: boolean;
    /**
     * Days before noncurrent object versions expire.
     * @minimum 1
     * @maximum 3650
     * @asType integer
     */
    noncurrentVersionDays?: number;
    /**
     * zone: survives a zone; geo: also replicated to the paired region where the cloud offers it.
     * Default zone, geo in prod; aws: zone only (geo is rejected until cross-region replication is built).
     */
    redundancy?: "zone" | "geo";
}

export interface QueueConfig {
    /**
     * @minimum 0
     * @maximum 43200
     * @asType integer
     */
    visibilityTimeoutSeconds?: number;
    /**
     * Deliveries before a message is dead-lettered.
     * @minimum 1
     * @maximum 100
     * @asType integer
     */
    maxReceiveCount?: number;
    /**
     * @minimum 1
     * @maximum 14
     * @asType integer
     */
    retentionDays?: number;
}

export interface CacheConfig {
    enabled?: boolean;
    size?: Size;
    /**
     * Replicas besides the primary.
     * @minimum 0
     * @maximum 5
     * @asType integer
     */
    replicas?: number;
}

export interface PipelineConfig {
    enabled?: boolean;
    /**
     * managed: a repository the cloud hosts; external: a connection to an external Git host
     * (GitHub). Default managed; on aws external (CodeCommit no longer accepts new customers; a new
     * connection waits for a one-time handshake in the console, see the stack output
     * `pipeline.nextStep`).
     */
    source?: "managed" | "external";
    /** Application repository (`owner/name` on the external host, or the managed repository's name). */
    repository?: string;
    /** Repository holding the Kubernetes manifests delivered into the domain namespace (GitOps). */
    deployRepository?: string;
    /**
     * @pattern ^[A-Za-z0-9._/-]+$
     */
    branch?: string;
}

export interface RegistryConfig {
    /**
     * Tagged images kept per repository.
     * @minimum 1
     * @maximum 1000
     * @asType integer
     */
    keepImages?: number;
}

export interface KeysConfig {
    /**
     * @minimum 30
     * @maximum 730
     * @asType integer
     */
    rotationDays?: number;
}

export interface LoggingConfig {
    /**
     * @minimum 1
     * @maximum 3653
     * @asType integer
     */
    retentionDays?: number;
}

export interface AwsConfig {
    /**
     * AWS account id of the platform (management or shared-services) account.
     * @pattern ^[0-9]{12}$
     */
    accountId?: string;
    /** IAM principals (role ARNs) granted cluster-admin through EKS access entries. */
    clusterAdminArns?: string[];
    /**
     * Availability zone names the network uses, in order (default `<region>a`, `b`, `c`). Set it in
     * regions or accounts where those letters are not all offered (e.g. ap-northeast-1: a, c, d).
     */
    availabilityZones?: string[];
}

export interface AzureConfig {
    /**
     * @pattern ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$
     */
    tenantId?: string;
    /**
     * @pattern ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$
     */
    subscriptionId?: string;
    /** Entra ID group object ids made cluster admins (AKS Azure RBAC). */
    adminGroupObjectIds?: string[];
    /**
     * Domain stacks: the Entra group made the PostgreSQL servers' administrator (its members, not
     * the application, administer the databases). Required in prod.
     */
    databaseAdminGroup?: AzureEntraGroup;
}

/** A Microsoft Entra group: its object id and its display name (PostgreSQL knows principals by name). */
export interface AzureEntraGroup {
    /**
     * @pattern ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$
     */
    objectId: string;
    /**
     * @pattern ^[^'"]{1,120}$
     */
    name: string;
}

export interface GcpConfig {
    /**
     * Project id to use when the hierarchy is `skip` or `existing`.
     * @pattern ^[a-z][a-z0-9-]{4,28}[a-z0-9]$
     */
    projectId?: string;
    /**
     * Run the GKE cluster in one zone instead of the region (cheaper control plane and nodes).
     * Allowed outside prod only; default false (regional).
     */
    zonalCluster?: boolean;
    /** Allow SSH to VMs through Identity-Aware Proxy (35.235.240.0/20, tcp:22). Default false. */
    iapSsh?: boolean;
    /**
     * Domain stacks: the GKE cluster of the environment before this one, as
     * `projects/<project>/locations/<location>/clusters/<name>`. The delivery pipeline then deploys
     * there first and promotes to this stack's cluster after approval (dev -> prod).
     * @pattern ^projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/locations/[a-z0-9-]+/clusters/[a-z]([-a-z0-9]*[a-z0-9])?$
     */
    promoteFromCluster?: string;
}

/** Everything under the `landing-zone:` namespace of a stack's config file. */
export interface StackConfig {
    layer: Layer;
    cloud: Cloud;
    environment: Environment;
    /**
     * Short company or landing-zone prefix used in every physical name.
     * @pattern ^[a-z][a-z0-9]{1,7}$
     */
    prefix?: string;
    /** The business domain a `domain` stack serves. */
    domain?: DomainName;
    /**
     * Cloud region (`eu-west-1`, `westeurope`, `europe-west1`).
     * @pattern ^[a-z][a-z0-9-]{2,30}$
     */
    region: string;
    /**
     * Owning team's contact (tag value).
     * @pattern ^[A-Za-z0-9._@+-]{1,63}$
     */
    owner: string;
    /** Domain layer: the platform stack to read (default `platform-<cloud>-<environment>`). */
    platformStack?: string;
    hierarchy?: HierarchyConfig;
    /** Platform layer: the business domains this platform serves, each with its vended home. */
    domains?: Record<DomainName, DomainRegistration>;
    network?: NetworkConfig;
    cluster?: ClusterConfig;
    database?: DatabaseConfig;
    storage?: StorageConfig;
    queue?: QueueConfig;
    cache?: CacheConfig;
    pipeline?: PipelineConfig;
    registry?: RegistryConfig;
    keys?: KeysConfig;
    logging?: LoggingConfig;
    aws?: AwsConfig;
    azure?: AzureConfig;
    gcp?: GcpConfig;
}
