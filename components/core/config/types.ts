/**
 * The stack configuration: the one source of truth for the `landing-zone:*` keys of every
 * `config/Pulumi.<stack>.yaml`. The JSON schema in `config/` is generated from `StackConfig`
 * (`npm run schema`); validation uses that schema, so the shape is written once.
 *
 * Words are cloud-neutral; each cloud maps them (sizes in `../sizes.ts`). Blocks a cloud needs and
 * the others do not live under `aws`, `azure` and `gcp`.
 */

export type Layer = "organization" | "platform" | "domain";
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
    /** GCP billing account (`ABCDEF-123456-7890AB`) for the projects the landing zone creates. */
    billingAccount?: string;
    /**
     * AWS: e-mail domain for new member accounts (`aws+<prefix>-<domain>-<env>@<emailDomain>`).
     */
    emailDomain?: string;
    /**
     * With mode `existing`: ids of what exists, by role (e.g. `environment`, `platform`, or a domain
     * name of `landing-zone:domains`).
     */
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

/** Azure Landing Zones management groups a subscription can be placed in (`organization.azure.subscriptions`). */
export type AzureGroupRole = "management" | "connectivity" | "identity" | "corp" | "online" | "sandbox" | "decommissioned";

/**
 * An e-mail address.
 * @pattern ^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$
 */
export type Email = string;

/** A subscription placed in the management group tree by the organization stack. */
export interface AzureSubscriptionPlacement {
    /**
     * @pattern ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$
     */
    id: string;
    group: AzureGroupRole;
    /** The environment whose platform stack runs in this subscription (a landing-zone group only). */
    environment?: Environment;
}

/**
 * The organization layer (`layer: organization`, one stack per cloud, run by the cloud foundation
 * team): the hierarchy root, preventive guardrails and detective security services. Where the
 * tree hangs comes from `hierarchy.parentId` (GCP organization), `azure.tenantId` (Azure tenant
 * root group) or the Organizations root the stack manages (AWS).
 */
export interface OrganizationConfig {
    /** Environments that get their own folder / OU / shared-services account (default dev, prod). */
    environments?: Environment[];
    /** AWS: business domains that get a member account per environment. */
    domains?: DomainName[];
    /** Regions (locations) where resources may be created; the stack's region is always allowed. */
    allowedRegions?: string[];
    /** The security team's e-mail addresses (Defender for Cloud, essential contacts, account contacts). */
    securityContacts?: Email[];
    /**
     * AWS: accounts that exist already, by role (`log-archive`, `security`, `shared-<env>`,
     * `<domain>-<env>`): they are placed in the tree instead of created.
     */
    existingAccounts?: Record<string, string>;
    /** GCP: Cloud Identity / Workspace customer ids (`C0abc123`) whose principals may hold IAM roles. */
    allowedCustomerIds?: string[];
    /** Azure: subscriptions placed in the management group tree. */
    subscriptions?: AzureSubscriptionPlacement[];
    /**
     * AWS: the GitHub repository (`owner/name`) whose Actions deploy the platform and domain stacks.
     * Each shared-services and domain account then gets GitHub's OIDC provider and one CI role per
     * stack, assumable only by that repository's jobs in the stack's GitHub environment
     * (`platform-<env>`, `domain-<domain>-<env>`, as docs/ci.md names them).
     * @pattern ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$
     */
    ciRepository?: string;
    /**
     * AWS: the deploy permissions attached to every CI role: AWS-managed policy ARNs
     * (`arn:aws:iam::aws:policy/...`) or names (`path/name`) of customer-managed policies that exist
     * in each account (a policy attaches only within its account).
     */
    ciPolicies?: string[];
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
    /**
     * Platform layer: how the platform's own `pulumi up` (which creates each domain's namespace)
     * reaches the API server. `allowed-cidrs`: a runner whose egress IPs are in `apiAllowedCidrs`;
     * `in-network`: a runner inside the landing-zone VPC / VNet (EKS private endpoint; AKS private
     * cluster, whose system private DNS zone is linked to that VNet); `dns-endpoint` (GCP, the
     * default there): GKE's IAM-authenticated DNS endpoint, in the kubeconfig. Default on AWS and
     * Azure: `allowed-cidrs` when `apiAllowedCidrs` is set; otherwise it must be set.
     */
    apiAccess?: "allowed-cidrs" | "in-network" | "dns-endpoint";
    /** Managed upgrade track where the cloud has one (GKE release channel, AKS upgrade channel). */
    releaseChannel?: "rapid" | "regular" | "stable";
}

export interface DatabaseConfig {
    layout?: DataLayout;
    /**
     * Read replicas per primary, for layouts read-replicas (default 1) and sharded only; single and
     * per-domain have no readers (setting it > 0 with them is a config error).
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
     * (GitHub). Default managed; on aws and gcp external (CodeCommit no longer accepts new
     * customers, Cloud Source Repositories is closed to new organizations and `managed` is
     * rejected on gcp; a new connection waits for a human step, see the stack output
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

/** A language runtime of a code-package (zip) worker; an image worker brings its own. */
export type WorkerRuntime = "nodejs22" | "nodejs24" | "python3.12" | "python3.13" | "java21";

/**
 * The domain's serverless queue worker: a function triggered by the domain's queue (and optionally a
 * timer) on every cloud: AWS Lambda + SQS event source mapping, Azure Functions (Flex Consumption)
 * with a Service Bus trigger, GCP Cloud Run with a Pub/Sub push subscription.
 */
export interface WorkerConfig {
    enabled?: boolean;
    /**
     * How the domain ships its code: `image` (a container image the pipeline pushes to the
     * registry; AWS and GCP) or `zip` (a code package in the domain's bucket / the worker's
     * deployment container; AWS and Azure). Default: image on aws and gcp, zip on azure.
     */
    package?: "image" | "zip";
    /**
     * The image tag or digest (`1.4.2`, `sha256:...`) or the zip's object key (`worker/1.4.2.zip`).
     * On azure the name of the package the pipeline deploys with ARM One Deploy: recorded in
     * `worker.nextStep`, not read by the stack (the app is created empty).
     * @pattern ^[A-Za-z0-9._:/@-]{1,200}$
     */
    artifact?: string;
    /** Language runtime of a zip package (default nodejs22). */
    runtime?: WorkerRuntime;
    /**
     * Entry point of a zip package on aws (`index.handler`).
     * @pattern ^[A-Za-z0-9._:$-]{1,128}$
     */
    handler?: string;
    /**
     * @minimum 128
     * @maximum 4096
     * @asType integer
     */
    memoryMb?: number;
    /**
     * Longest run of one invocation. Must fit the queue: visibility timeout >= 6 x this on aws,
     * the Service Bus lock duration on azure, the Pub/Sub ack deadline on gcp.
     * @minimum 1
     * @maximum 900
     * @asType integer
     */
    timeoutSeconds?: number;
    /**
     * Messages per invocation (aws, azure) or per instance at once (gcp push delivers one per request).
     * @minimum 1
     * @maximum 100
     * @asType integer
     */
    batchSize?: number;
    /**
     * How long to gather a batch before invoking (aws batching window; ignored where the cloud has none).
     * @minimum 0
     * @maximum 300
     * @asType integer
     */
    batchWindowSeconds?: number;
    /**
     * The cap on batches processed at once: SQS maximum concurrency + Lambda reserved concurrency,
     * Flex Consumption always-ready instances + maximum instance count, Cloud Run max instances.
     * @minimum 2
     * @maximum 1000
     * @asType integer
     */
    maxConcurrency?: number;
    /**
     * Cold-start mitigation, billed while idle: Lambda provisioned concurrency, Flex Consumption
     * always-ready instances, Cloud Run min instances. 0 = scale to zero (default).
     * @minimum 0
     * @maximum 100
     * @asType integer
     */
    warmInstances?: number;
    /** Runs inside the network to reach the domain's database and cache (default true). */
    reachesData?: boolean;
    /** Distributed tracing (X-Ray active tracing, Application Insights, Cloud Trace). Default true. */
    tracing?: boolean;
    /**
     * A timer job as a 5-field cron expression in UTC (`minute hour day-of-month month day-of-week`),
     * e.g. `0 2 * * *`: EventBridge Scheduler, a timer trigger, Cloud Scheduler.
     * @pattern ^(\S+\s+){4}\S+$
     */
    schedule?: string;
    /** Plain (non-secret) environment variables; secrets come from the cloud's secret store. */
    environment?: Record<string, string>;
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
    /**
     * Platform layer: EKS add-on versions that replace the pinned table's (per Kubernetes version, in
     * `components/core/config/eks-addons.ts`) for this stack. Required for every add-on when
     * `cluster.version` is not in the table; kube-proxy's minor version must be the cluster's.
     */
    eksAddonVersions?: EksAddonVersions;
}

/** One `v<major>.<minor>.<patch>-eksbuild.<n>` version per EKS add-on (`aws eks describe-addon-versions`). */
export interface EksAddonVersions {
    /** @pattern ^v[0-9]+\.[0-9]+\.[0-9]+-eksbuild\.[0-9]+$ */
    "vpc-cni"?: string;
    /** @pattern ^v[0-9]+\.[0-9]+\.[0-9]+-eksbuild\.[0-9]+$ */
    "kube-proxy"?: string;
    /** @pattern ^v[0-9]+\.[0-9]+\.[0-9]+-eksbuild\.[0-9]+$ */
    "coredns"?: string;
    /** @pattern ^v[0-9]+\.[0-9]+\.[0-9]+-eksbuild\.[0-9]+$ */
    "aws-ebs-csi-driver"?: string;
    /** @pattern ^v[0-9]+\.[0-9]+\.[0-9]+-eksbuild\.[0-9]+$ */
    "eks-pod-identity-agent"?: string;
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
    /**
     * Platform stacks: the region's Network Watcher when the subscription has one already (Azure
     * allows one per subscription and region, and creates `NetworkWatcherRG/NetworkWatcher_<region>`
     * by itself once a VNet exists in the region). Unset: the platform creates one, tagged, in its
     * network resource group before the VNet, so Azure creates none. The VNet flow log runs on it.
     */
    networkWatcher?: AzureNetworkWatcher;
}

/** An existing Network Watcher: its resource group and name (both in the platform's subscription). */
export interface AzureNetworkWatcher {
    /**
     * @pattern ^[-\w._()]{1,90}$
     */
    resourceGroup: string;
    /**
     * @pattern ^[\w][-\w._]{0,78}[\w]$
     */
    name: string;
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
    /**
     * Platform layer: Google groups (e-mails) of the platform-admin persona (IAM `roles/container.admin`
     * on the cluster's project).
     */
    platformAdminGroups?: string[];
    /**
     * Platform layer: the `gke-security-groups@<your domain>` Google group that holds the persona groups
     * (GKE Google Groups for RBAC); required when a domain lists admins or readers.
     * @pattern ^gke-security-groups@[a-z0-9.-]+\.[a-z]{2,}$
     */
    rbacSecurityGroup?: string;
    /** Allow SSH to VMs through Identity-Aware Proxy (35.235.240.0/20, tcp:22). Default false. */
    iapSsh?: boolean;
    /**
     * Domain stacks: the GKE cluster of the environment before this one, as
     * `projects/<project>/locations/<location>/clusters/<name>`. The delivery pipeline then deploys
     * there first and promotes to this stack's cluster after approval (dev -> prod). That cluster's
     * platform binds this domain's deploy account (`gcp.promotion.nextDeployers`), and this one's
     * lets the dev nodes pull (`gcp.promotion.previousNodeServiceAccount`).
     * @pattern ^projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/locations/[a-z0-9-]+/clusters/[a-z]([-a-z0-9]*[a-z0-9])?$
     */
    promoteFromCluster?: string;
    /**
     * Domain stacks: installation id of the Cloud Build GitHub App on the owner of
     * `pipeline.repository` (the number ending its settings page URL). With the
     * `landing-zone-secrets:gitAccessToken` secret it completes the Cloud Build connection; until
     * both are set the stack exports the step left to do (`pipeline.nextStep`) and no trigger.
     * @minimum 1
     * @asType integer
     */
    githubAppInstallationId?: number;
    /** Platform stacks: a VPC Service Controls perimeter around the environment's projects. */
    serviceControls?: GcpServiceControlsConfig;
    /**
     * Platform stacks: the other environment's identities a dev -> prod promotion needs (see
     * docs/gcp.md, *Promotion dev -> prod*). Copy each value from the other platform's outputs.
     */
    promotion?: GcpPromotionConfig;
}

/**
 * dev -> prod promotion: the prod domain's pipeline builds an image once into the prod registry,
 * deploys it to the dev cluster first and promotes the same image to the prod cluster after
 * approval. Each platform grants what happens on its own resources.
 */
export interface GcpPromotionConfig {
    /**
     * On the environment releases are deployed to first (dev): the deploy service account (e-mail)
     * of each domain in the environment releases are promoted to (`homes.<domain>.deployPrincipal`
     * of the prod platform). Each is bound with `edit` in its domain's namespace of this cluster and
     * may get its credentials (cluster viewer). Keys: registered domains.
     */
    nextDeployers?: Record<string, string>;
    /**
     * On the environment releases are promoted to (prod): the node service account (e-mail) of the
     * environment releases are deployed to first (`extras.nodeServiceAccountEmail` of the dev
     * platform); it may read (pull from) this platform's image repository.
     * @pattern ^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z][a-z0-9-]{4,28}[a-z0-9]\.iam\.gserviceaccount\.com$
     */
    previousNodeServiceAccount?: string;
}

export interface GcpServiceControlsConfig {
    /**
     * The organization's Access Context Manager policy the perimeter belongs to.
     * @pattern ^accessPolicies/[0-9]+$
     */
    accessPolicy: string;
    /** Enforce the perimeter; default false: a dry run that logs what it would block. */
    enforce?: boolean;
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
    /**
     * The organization stack to read (e.g. `organization-gcp`, `organization-aws`). A gcp platform then
     * hangs its projects under its environment's folder from that stack instead of owning the folders;
     * an azure platform runs in the subscription that stack placed under its environment's management
     * group, checked against `azure.subscriptionId`, and creates no management group; an aws platform
     * runs in its environment's shared-services account and an aws domain in its own account, as that
     * stack records them (no `hierarchy` block, no `aws.accountId` beside it).
     */
    organizationStack?: string;
    /** Organization layer: the hierarchy root, guardrails and security services of the cloud. */
    organization?: OrganizationConfig;
    hierarchy?: HierarchyConfig;
    /**
     * Platform layer: the business domains this platform serves. Each gets its vended home (namespace
     * baseline, workload identity, deploy path, persona bindings) and, with a hierarchy, its own
     * account / resource group / project.
     */
    domains?: Record<DomainName, DomainRegistration>;
    /**
     * Platform layer: principals of the auditor persona, read-only in the whole cluster and the
     * central logs (AWS IAM role ARNs, Entra group object ids, Google group e-mails).
     */
    auditors?: string[];
    network?: NetworkConfig;
    cluster?: ClusterConfig;
    database?: DatabaseConfig;
    storage?: StorageConfig;
    queue?: QueueConfig;
    cache?: CacheConfig;
    pipeline?: PipelineConfig;
    /** Domain layer: the serverless queue worker (off unless `enabled`). */
    worker?: WorkerConfig;
    registry?: RegistryConfig;
    keys?: KeysConfig;
    logging?: LoggingConfig;
    aws?: AwsConfig;
    azure?: AzureConfig;
    gcp?: GcpConfig;
}
