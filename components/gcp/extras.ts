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
}
