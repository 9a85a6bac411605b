import * as pulumi from "@pulumi/pulumi";
import type { PlatformReference, StackContext } from "../core/contracts";
import { gcpLabels } from "../core/tags";
import { zonesOf } from "./addressing";
import type { GcpPlatformExtras } from "./extras";

/**
 * What the GCP domain components need from the platform stack, read once from its outputs. Every
 * value is an Output: in a preview the platform's computed ids are unknown, and nothing here decides
 * which resources exist.
 */
export interface GcpDomainPlatform {
    /** The domain's service project (`extras.domainProjectIds[domain]`, else the host project). */
    project: pulumi.Output<string>;
    /** The Shared VPC host project (cluster, registry, keys live here). */
    hostProject: pulumi.Output<string>;
    networkSelfLink: pulumi.Output<string>;
    /** The Shared VPC subnet (Direct VPC egress of the domain's worker). */
    subnetSelfLink: pulumi.Output<string>;
    /** Name of the private services access range (Cloud SQL `allocatedIpRange`, Memorystore `reservedIpRange`). */
    privateServicesRange: pulumi.Output<string>;
    /** Workload Identity pool `<host project>.svc.id.goog`. */
    workloadPool: pulumi.Output<string>;
    artifactRepositoryId: pulumi.Output<string>;
    /** Registry host and path images are pushed to (`<region>-docker.pkg.dev/<project>/<repo>`). */
    registryUrl: pulumi.Output<string>;
    clusterName: pulumi.Output<string>;
    clusterLocation: pulumi.Output<string>;
    kubeconfig: pulumi.Output<string>;
    /** The platform's customer-managed key for data (Cloud SQL, GCS) in the region. */
    dataKeyId: pulumi.Output<string>;
    /** Key for geo-redundant (multi-region) buckets when the platform exports one. */
    geoDataKeyId: pulumi.Output<string | undefined>;
}

/** Reads the platform stack's outputs for one domain. */
export function readDomainPlatform(domain: string, platform: PlatformReference): GcpDomainPlatform {
    const extras = platform.get("extras") as unknown as pulumi.Output<pulumi.Unwrap<GcpPlatformExtras>>;
    const cluster = platform.get("cluster");
    const registry = platform.get("registry");
    const keys = platform.get("keys");
    return {
        project: extras.apply((e) => e.domainProjectIds?.[domain] ?? e.hostProjectId),
        hostProject: extras.apply((e) => e.hostProjectId),
        networkSelfLink: extras.apply((e) => e.networkSelfLink),
        subnetSelfLink: extras.apply((e) => e.subnetSelfLink),
        privateServicesRange: extras.apply((e) => e.privateServicesRange),
        workloadPool: extras.apply((e) => e.workloadPool),
        artifactRepositoryId: extras.apply((e) => e.artifactRepositoryId),
        registryUrl: registry.apply((r) => r.registryUrl),
        clusterName: cluster.apply((c) => c.name),
        clusterLocation: extras.apply((e) => e.clusterLocation),
        kubeconfig: pulumi.secret(cluster.apply((c) => c.kubeconfig)),
        dataKeyId: keys.apply((k) => k.keyIds.data),
        geoDataKeyId: extras.apply((e) => e.geoDataKeyId),
    };
}

/** The zones the domain's instances are placed in: the platform network's zones (same rule). */
export function domainZones(ctx: StackContext): string[] {
    return zonesOf(ctx.config.region, ctx.config.network.zones);
}

/** The standard labels, in GCP's label alphabet. */
export function domainLabels(ctx: StackContext): Record<string, string> {
    return gcpLabels(ctx.tags);
}

/** Everything a GCP domain component is given: the stack context and the platform it runs on. */
export interface GcpDomainArgs {
    ctx: StackContext;
    platform: GcpDomainPlatform;
}
