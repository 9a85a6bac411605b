import type * as pulumi from "@pulumi/pulumi";

/**
 * What the GCP platform stack exports besides the cloud-neutral contracts, for GCP domain stacks
 * (`PlatformOutputs.extras`). The platform components fill it; the domain components read it.
 */
export interface GcpPlatformExtras {
    /** Shared VPC host project (the environment's platform project). */
    hostProjectId: pulumi.Output<string>;
    /** Service project of each domain, by domain name. */
    domainProjectIds: Record<string, pulumi.Output<string>>;
    networkSelfLink: pulumi.Output<string>;
    subnetSelfLink: pulumi.Output<string>;
    /** Private services access range (Cloud SQL, Memorystore) and its connection. */
    privateServicesRange: pulumi.Output<string>;
    clusterLocation: string;
    /** Workload Identity pool: `<project>.svc.id.goog`. */
    workloadPool: pulumi.Output<string>;
    artifactRepositoryId: pulumi.Output<string>;
    /** Landing zone folder and environment folder ids (`folders/123`). */
    folderIds: { root: pulumi.Output<string>; environment: pulumi.Output<string> };
    /**
     * Optional: a data key in the multi-region that contains the region (`europe`, `us`, `asia`).
     * GCS only accepts a key of the bucket's own location, so geo-redundant (multi-region) domain
     * buckets need it for CMEK; without it a prod domain bucket stays regional with the regional key.
     */
    geoDataKeyId?: pulumi.Output<string>;
    /**
     * IAM members (`serviceAccount:...`) of each domain project's Google service agents (`storage`,
     * `sql`, `pubsub`), by domain: e.g. the Pub/Sub agent that must publish to a dead-letter topic.
     * The platform already granted them encrypt/decrypt on the `data` key.
     */
    domainServiceAgents?: Record<string, Record<string, pulumi.Output<string>>>;
    /** CIDR of the private services access range (egress allow-lists towards Cloud SQL / Memorystore). */
    privateServicesCidr?: string;
    /** Pods secondary range of the cluster subnet. */
    podsCidr?: string;
    /** The GKE cluster as `projects/<host>/locations/<location>/clusters/<name>` (Cloud Deploy targets, `gcp.promoteFromCluster`). */
    clusterId?: pulumi.Output<string>;
    /**
     * The cluster nodes' service account (e-mail): the next environment's platform lets it pull
     * promoted images (`gcp.promotion.previousNodeServiceAccount` there).
     */
    nodeServiceAccountEmail?: pulumi.Output<string>;
}
