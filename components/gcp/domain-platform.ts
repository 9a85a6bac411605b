import * as pulumi from "@pulumi/pulumi";
import type { PlatformReference, StackContext } from "../core/contracts";
import { gcpLabels } from "../core/tags";
import { zonesOf } from "./addressing";
import type { GcpPlatformExtras } from "./extras";
import type { GcpDomainHome } from "./home";

/**
 * What the GCP domain components need from the platform stack, read once from its outputs. Every
 * value is an Output: in a preview the platform's computed ids are unknown, and nothing here decides
 * which resources exist.
 */
export interface GcpDomainPlatform {
    /** The domain's service project (`extras.domainProjectIds[domain]`; the host project when it shares it). */
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
    /** The workload KSA's Workload Identity Federation principal the platform vended. */
    workloadPrincipal: pulumi.Output<string>;
    /** The deploy service account the platform vended (e-mail and resource name). */
    deployServiceAccountEmail: pulumi.Output<string>;
    deployServiceAccountName: pulumi.Output<string>;
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
    const home = platform.get("homes").apply((homes) => homes[domain] as pulumi.Unwrap<GcpDomainHome>);
    return {
        project: extras.apply((e) => {
            const project = e.domainProjectIds?.[domain];
            // The program checked the registration; a platform that registered it exports its project.
            if (!project) throw new Error(`platform stack ${platform.name} exports no project for domain "${domain}"; run its \`pulumi up\` first`);
            return project;
        }),
        hostProject: extras.apply((e) => e.hostProjectId),
        networkSelfLink: extras.apply((e) => e.networkSelfLink),
        subnetSelfLink: extras.apply((e) => e.subnetSelfLink),
        privateServicesRange: extras.apply((e) => e.privateServicesRange),
        workloadPool: extras.apply((e) => e.workloadPool),
        artifactRepositoryId: extras.apply((e) => e.artifactRepositoryId),
        registryUrl: registry.apply((r) => r.registryUrl),
        clusterName: cluster.apply((c) => c.name),
        clusterLocation: extras.apply((e) => e.clusterLocation),
        workloadPrincipal: home.apply((h) => h.workloadPrincipal),
        deployServiceAccountEmail: home.apply((h) => h.deployPrincipal),
        deployServiceAccountName: home.apply((h) => h.deployServiceAccountName),
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
