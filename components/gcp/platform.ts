import * as pulumi from "@pulumi/pulumi";
import type { OrganizationReference, PlatformOutputs, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { GcpCluster } from "./cluster";
import type { GcpPlatformExtras } from "./extras";
import { PersonaAccess } from "./access";
import { DomainHome, type GcpDomainHome } from "./home";
import { createHierarchy, platformProjectId, type GcpProject, type ServiceAgent } from "./hierarchy";
import { GcpKeys, type KeyGrant } from "./keys";
import { kmsMultiRegionOf } from "./locations";
import { GcpLogging } from "./logging";
import { GcpNetwork } from "./network";
import { createPerimeter } from "./perimeter";
import { gcpProvider } from "./provider";
import { GcpRegistry } from "./registry";

/** Logical name of the landing zone's root in the tree (the landing zone folder). */
export const ROOT_NAME = "lz";

/** Which key each service agent encrypts with: the platform's agents per capability, the domains' on `data`. */
function keyGrants(host: GcpProject, domains: Record<string, GcpProject>): KeyGrant[] {
    const grants: KeyGrant[] = [];
    const add = (purpose: KeyGrant["purpose"], label: string, member: pulumi.Output<string> | undefined) => {
        if (member) grants.push({ purpose, label, member });
    };
    add("registry", "platform-artifactregistry", host.agents.artifactregistry);
    add("cluster", "platform-container", host.agents.container);
    add("logs", "platform-storage", host.agents.storage);
    const served = new Map<GcpProject, string>();
    for (const [domain, project] of Object.entries(domains)) if (!served.has(project)) served.set(project, project === host ? "platform" : domain);
    for (const [project, label] of served) {
        for (const agent of ["storage", "sql", "pubsub"] as ServiceAgent[]) add("data", `${label}-${agent}`, project.agents[agent]);
    }
    return grants;
}

/**
 * Composes the gcp platform layer as a tree: landing zone folder -> environment folder ->
 * projects; the platform (Shared VPC host) project holds keys, logging, network, cluster and registry,
 * and the cluster holds the home of every registered domain.
 */
export function platform(ctx: StackContext, organization?: OrganizationReference): PlatformOutputs {
    const provider = gcpProvider(ctx, platformProjectId(ctx));
    const hierarchy = createHierarchy(ROOT_NAME, ctx, { provider }, organization);
    const host = hierarchy.platform;
    const under = (capability: string) => childName(host.resourceName, capability);
    const opts = { parent: host };
    const promotion = ctx.config.gcp.promotion;

    const geoLocation = ctx.config.storage.redundancy === "geo" ? kmsMultiRegionOf(ctx.config.region) : undefined;
    const keys = new GcpKeys(under("keys"), {
        ctx, projectId: host.projectId, grants: keyGrants(host, hierarchy.domains), apis: host.apis,
        // With an organization stack, the keys live in its security project's ring for this environment.
        keyRingId: organization ? organizationKeyRing(organization, ctx, host) : undefined,
        // Geo-redundant domain buckets (multi-region) need a key in their multi-region: in the
        // organization's geo ring for the environment when there is an organization stack.
        geoLocation,
        geoKeyRingId: organization && geoLocation ? organizationGeoKeyRing(organization, ctx, host, geoLocation) : undefined,
    }, opts).result;

    const logging = new GcpLogging(under("logging"), {
        ctx, projectId: host.projectId, scope: hierarchy.sinkScope, archiveKeyId: keys.keyIds.logs,
        dependsOn: [...host.apis, ...keys.grants.logs],
    }, opts).result;

    const network = new GcpNetwork(under("network"), {
        ctx, hostProjectId: host.projectId, hostProject: host.id, apis: host.apis,
        serviceProjects: Object.fromEntries(Object.entries(hierarchy.domains).map(([d, p]) => [d, { id: p.id, projectId: p.projectId, apis: p.apis }])),
    }, opts).result;

    const cluster = new GcpCluster(under("cluster"), {
        ctx, projectId: host.projectId, networkSelfLink: network.networkId, subnetSelfLink: network.subnetId,
        plan: network.plan, zones: network.zones, secretsKeyId: keys.keyIds.cluster,
        dependsOn: [...host.apis, ...keys.grants.cluster, network.subnet],
    }, opts).result;

    const registry = new GcpRegistry(under("registry"), {
        ctx, projectId: host.projectId, keyId: keys.keyIds.registry,
        readers: {
            "gke-nodes": cluster.nodeServiceAccount.member,
            // Promotion: the previous environment's nodes run the images built once into this repository.
            ...(promotion?.previousNodeServiceAccount ? { "previous-nodes": `serviceAccount:${promotion.previousNodeServiceAccount}` } : {}),
        },
        dependsOn: [...host.apis, ...keys.grants.registry],
    }, opts).result;

    // One vended home per registered domain: namespace baseline, Workload Identity principal, deploy access, personas.
    const homes: Record<string, GcpDomainHome> = {};
    for (const [domain, registration] of Object.entries(ctx.config.domains)) {
        const project = hierarchy.domains[domain] ?? host;
        homes[domain] = new DomainHome(under(`home-${domain}`), {
            ctx, domain, registration,
            hostProjectId: host.projectId,
            hostProjectNumber: host.projectNumber,
            domainProjectId: project.projectId,
            k8sProvider: cluster.provider,
            registry: { projectId: host.projectId, location: ctx.config.region, repositoryId: registry.repository.repositoryId },
            promotedBy: promotion?.nextDeployers?.[domain],
            cloudRun: project !== host && project.agents.run
                ? { agent: project.agents.run, subnet: network.subnet, repository: registry.repository } : undefined,
            dependsOn: project.apis,
        }, opts).result.outputs;
    }

    new PersonaAccess(under("personas"), { ctx, hostProjectId: host.projectId }, opts);

    // Optional (gcp.serviceControls): a VPC Service Controls perimeter around the environment's projects.
    createPerimeter(under("controls"), host, {
        ctx, projectNumbers: [...new Set([host, ...Object.values(hierarchy.domains)])].map((p) => p.projectNumber),
    });

    const extras: GcpPlatformExtras = {
        hostProjectId: host.projectId,
        domainProjectIds: hierarchy.outputs.domainScopes,
        networkSelfLink: network.networkId,
        subnetSelfLink: network.subnetId,
        privateServicesRange: network.privateServicesRange,
        clusterLocation: cluster.location,
        workloadPool: cluster.workloadPool,
        artifactRepositoryId: registry.registryId,
        folderIds: { root: hierarchy.outputs.rootId, environment: hierarchy.outputs.environmentId },
        domainServiceAgents: Object.fromEntries(Object.entries(hierarchy.domains).map(([d, p]) => [d, definedOnly(p.agents)])),
        geoDataKeyId: keys.geoDataKeyId,
        privateServicesCidr: network.plan.privateServices,
        podsCidr: network.plan.pods,
        clusterId: pulumi.interpolate`projects/${host.projectId}/locations/${cluster.location}/clusters/${cluster.name}`,
        nodeServiceAccountEmail: pulumi.interpolate`${cluster.nodeServiceAccount.accountId}@${cluster.nodeServiceAccount.project}.iam.gserviceaccount.com`,
    };
    return {
        hierarchy: hierarchy.outputs,
        network: {
            networkId: network.networkId, cidr: network.cidr, zones: network.zones, subnetIds: network.subnetIds,
            subnetCidrs: network.subnetCidrs, natGatewayCount: network.natGatewayCount,
            egressZoneRedundant: network.egressZoneRedundant,
        },
        cluster: {
            name: cluster.name, version: cluster.version, endpoint: cluster.endpoint, kubeconfig: cluster.kubeconfig,
            oidcIssuer: cluster.oidcIssuer, nodeZones: cluster.nodeZones, provider: cluster.provider,
        },
        registry: { registryUrl: registry.registryUrl, registryId: registry.registryId },
        keys: { keyIds: keys.keyIds, rotationDays: keys.rotationDays },
        logging: { workspaceId: logging.workspaceId, archiveId: logging.archiveId, retentionDays: logging.retentionDays },
        domains: Object.keys(homes),
        homes,
        extras: { ...extras },
    };
}

/** What a key ring the organization exports must be, and what to say when it is not. */
interface RingCheck {
    field: "keyRingId" | "geoKeyRingId";
    location: string;
    missing: string;
    misplaced: (ring: string, found: string) => string;
}

/** The organization's key ring `check.field` for this environment: it must exist and be in `check.location`. */
function organizationRing(organization: OrganizationReference, ctx: StackContext, scope: pulumi.Resource, check: RingCheck): pulumi.Output<string> {
    return organization.get("environments").apply((environments) => {
        const ring = environments[ctx.config.environment]?.[check.field];
        if (!ring) throw new pulumi.ResourceError(check.missing, scope);
        const found = /\/locations\/([^/]+)\//.exec(ring)?.[1];
        if (found !== check.location) throw new pulumi.ResourceError(check.misplaced(ring, found ?? "an unknown location"), scope);
        return ring;
    });
}

/**
 * The organization's key ring for this environment, checked: it must exist and be in this
 * platform's region (CMEK keys must share their resources' location).
 */
export function organizationKeyRing(organization: OrganizationReference, ctx: StackContext, scope: pulumi.Resource): pulumi.Output<string> {
    const { environment, region } = ctx.config;
    return organizationRing(organization, ctx, scope, {
        field: "keyRingId",
        location: region,
        missing: `organization stack ${organization.name} exports no key ring for environment ${environment} (environments.${environment}.keyRingId): update it to a version that creates one and run its pulumi up`,
        misplaced: (ring, found) => `the organization's key ring ${ring} is in ${found}, this platform in ${region}: CMEK keys must be in their resources' region (set the organization stack's landing-zone:region to ${region})`,
    });
}

/**
 * The organization's multi-region key ring for this environment (geo-redundant storage), checked:
 * it must exist and be in `location`, the multi-region around this platform's region.
 */
export function organizationGeoKeyRing(organization: OrganizationReference, ctx: StackContext, scope: pulumi.Resource, location: string): pulumi.Output<string> {
    const { environment } = ctx.config;
    return organizationRing(organization, ctx, scope, {
        field: "geoKeyRingId",
        location,
        missing: `storage.redundancy geo: organization stack ${organization.name} exports no multi-region key ring for environment ${environment} (environments.${environment}.geoKeyRingId). ` +
            "organization-gcp creates one for the environments whose preset keeps geo-redundant data (prod): for one of those, update the " +
            "organization stack and run its pulumi up; otherwise set storage.redundancy: zone on this platform",
        misplaced: (ring, found) => `the organization's geo key ring ${ring} is in ${found}, this platform's geo-redundant data in ${location}: CMEK keys must be in their resources' location (set the organization stack's landing-zone:region to a region in ${location})`,
    });
}

function definedOnly<T>(record: Partial<Record<string, T>>): Record<string, T> {
    return Object.fromEntries(Object.entries(record).filter((e): e is [string, T] => e[1] !== undefined));
}
