import type * as pulumi from "@pulumi/pulumi";
import type { ResolvedConfig } from "../config/presets";
import type { Naming } from "../naming";
import type { StandardTags } from "../tags";
import type { CacheOutputs } from "./cache";
import type { ClusterExports, ClusterOutputs } from "./cluster";
import type { DatabaseOutputs } from "./database";
import type { HierarchyOutputs } from "./hierarchy";
import type { DomainHomeOutputs } from "./home";
import type { WorkloadIdentityOutputs } from "./identity";
import type { KeysOutputs } from "./keys";
import type { LoggingOutputs } from "./logging";
import type { NetworkOutputs } from "./network";
import type { OrganizationOutputs, OrganizationReference } from "./organization";
import type { PipelineOutputs } from "./pipeline";
import type { QueueOutputs } from "./queue";
import type { RegistryOutputs } from "./registry";
import type { ObjectStoreOutputs } from "./storage";
import type { WorkerOutputs } from "./worker";

/** What every component of a stack shares: the validated config, names and standard tags. */
export interface StackContext {
    config: ResolvedConfig;
    naming: Naming;
    tags: StandardTags;
}

/** The platform layer: one per cloud x environment, owned by the platform team. */
export interface PlatformOutputs {
    hierarchy: HierarchyOutputs;
    network: NetworkOutputs;
    cluster: ClusterOutputs;
    registry: RegistryOutputs;
    keys: KeysOutputs;
    logging: LoggingOutputs;
    /** The registered domains (`landing-zone:domains`), a plain list: a domain stack checks it is on it. */
    domains: string[];
    /** The home vended to each registered domain, by domain name (each cloud adds its own ids). */
    homes: Record<string, DomainHomeOutputs>;
    /**
     * Cloud-specific ids the same cloud's domain stacks need (subnet groups, resource group names,
     * private DNS zone ids, host project...). Each cloud documents its own shape.
     */
    extras: Record<string, pulumi.Input<unknown>>;
}

/** What a platform stack exports (and a domain stack reads through a StackReference). */
export type PlatformExports = Omit<PlatformOutputs, "cluster"> & { cluster: ClusterExports };

/** The domain layer: one per business domain x cloud x environment, owned by the domain team. */
export interface DomainOutputs {
    namespace: string;
    identity: WorkloadIdentityOutputs;
    database: DatabaseOutputs;
    objectStore: ObjectStoreOutputs;
    queue: QueueOutputs;
    cache?: CacheOutputs;
    pipeline?: PipelineOutputs;
    worker?: WorkerOutputs;
}

/** A domain stack's typed view of its platform stack's outputs. */
export interface PlatformReference {
    readonly name: string;
    /** A platform output as the platform stack exported it. */
    get<K extends keyof PlatformExports>(key: K): pulumi.Output<pulumi.Unwrap<PlatformExports[K]>>;
}

/** What a cloud implements: the three layers, composed from its components. */
export interface CloudLandingZone {
    organization(ctx: StackContext): OrganizationOutputs;
    /** `organization`: the organization stack the platform reads, when it reads one (gcp and aws so far). */
    platform(ctx: StackContext, organization?: OrganizationReference): PlatformOutputs;
    /** `organization`: the organization stack the domain reads for its own account, when it reads one (aws so far). */
    domain(ctx: StackContext, platform: PlatformReference, organization?: OrganizationReference): DomainOutputs;
}
