import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import type { GuardrailSummary, OrganizationOutputs, StackContext } from "../core/contracts";
import { childName, physicalName } from "../core/naming";
import { organizationPolicyRules } from "./guardrails";
import { GcpFolder, GcpProject } from "./hierarchy";
import { geoEnvironments, kmsMultiRegionOf } from "./locations";
import { createOrgPolicies } from "./org-policies";
import { gcpProvider } from "./provider";
import { createGcpSecurityServices } from "./security-services";

/** APIs of the security (KMS) project and of the logging project. */
export const SECURITY_PROJECT_APIS = ["cloudresourcemanager.googleapis.com", "serviceusage.googleapis.com", "cloudkms.googleapis.com", "logging.googleapis.com"] as const;
export const LOGGING_PROJECT_APIS = ["cloudresourcemanager.googleapis.com", "serviceusage.googleapis.com", "logging.googleapis.com", "storage.googleapis.com"] as const;

/** The guardrails of organization-gcp, as the README's side-by-side table lists them. */
export const GCP_GUARDRAILS: readonly GuardrailSummary[] = [
    { name: "Org policies on the landing-zone folder (security foundations blueprint set)", kind: "preventive" },
    { name: "Domain-restricted sharing (iam.allowedPolicyMemberDomains)", kind: "preventive" },
    { name: "Resource locations (gcp.resourceLocations)", kind: "preventive" },
    { name: "Projects created only after the policies (no default service account Editor grant)", kind: "preventive" },
    { name: "Organization aggregated sink of audit logs to the logging project", kind: "detective" },
    { name: "Data-access audit logs for all services", kind: "detective" },
    { name: "Essential contacts: security, technical, legal, suspension", kind: "detective" },
];

/**
 * organization-gcp: organization -> landing-zone folder (with the organization policy set) ->
 * one folder per environment and a security folder holding the security (KMS) and logging
 * projects, created after the policies, with one KMS key ring per environment in the security
 * project (`environments.<env>.keyRingId`), and a multi-region ring for each environment that keeps
 * geo-redundant data (`environments.<env>.geoKeyRingId`); the aggregated sink, data-access audit config and
 * essential contacts at the organization. Platform stacks hang their projects under their
 * environment's folder (`environments.<env>.containerId`).
 */
export function createOrganization(name: string, parent: pulumi.Resource, ctx: StackContext): OrganizationOutputs {
    const { config } = ctx;
    const organization = config.hierarchy.parentId ?? "";
    const folderName = (...parts: string[]) => physicalName("gcp.folder", [config.prefix, ...parts]);
    const root = new GcpFolder(childName(name, "landing-zone"), {
        ctx, displayName: folderName("landing-zone"), parentId: organization,
    }, { parent });
    const policies = createOrgPolicies(childName(name, "policy"), root, root.name, organizationPolicyRules(config));
    const folders = config.organization.environments.map((env) =>
        [env, new GcpFolder(childName(name, env), { ctx, displayName: folderName(env), parentId: root.name }, { parent: root })] as const);
    const security = new GcpFolder(childName(name, "security"), { ctx, displayName: folderName("security"), parentId: root.name }, { parent: root });
    // Projects are born under the policies: no default service account gets Editor, no default network.
    const project = (role: string, apis: readonly string[]) => new GcpProject(childName(name, "security", role), {
        ctx, projectId: ctx.naming.physical("gcp.projectId", role), create: true, folderId: security.folderId,
        role, apis, agents: [], dependsOn: policies,
    }, { parent: security });
    const securityProject = project("security", SECURITY_PROJECT_APIS);
    const loggingProject = project("logging", LOGGING_PROJECT_APIS);
    // One key ring per environment in the security project: its platform creates its keys there.
    // Key rings cannot be deleted in GCP (destroy only forgets them): always protected.
    const ring = (env: string, location: string, ...suffix: string[]) => new gcp.kms.KeyRing(childName(name, "security", "keys", env, ...suffix), {
        project: securityProject.projectId,
        name: physicalName("gcp.generic", [config.prefix, env, "keys"]),
        location,
    }, { parent: securityProject, protect: true, dependsOn: securityProject.apis });
    // Environments that keep geo-redundant data (their preset's storage.redundancy) also get a ring
    // in the multi-region around the region: GCS takes only a key of the bucket's own location.
    const geo = geoEnvironments(config.organization.environments);
    const multiRegion = kmsMultiRegionOf(config.region);
    const environments = Object.fromEntries(folders.map(([env, folder]) => {
        const regional = ring(env, config.region);
        const geoRing = multiRegion && geo.includes(env) ? ring(env, multiRegion, "geo") : undefined;
        return [env, {
            containerId: folder.name, platformScope: folder.folderId, domainScopes: {}, keyRingId: regional.id,
            ...(geoRing ? { geoKeyRingId: geoRing.id } : {}),
        }];
    }));
    createGcpSecurityServices(childName(name, "audit"), parent, {
        ctx, organization, loggingProjectId: loggingProject.projectId, loggingApi: loggingProject.apis,
    });
    return {
        rootId: root.name,
        environments,
        securityScope: securityProject.projectId,
        logArchiveScope: loggingProject.projectId,
        guardrails: [...GCP_GUARDRAILS],
        nextSteps: [
            "Grant the platform team's deployer roles/resourcemanager.folderAdmin and roles/resourcemanager.projectCreator on its environment folder (environments.<env>.containerId), and roles/billing.user on the billing account.",
            "Grant each environment's platform deployer roles/cloudkms.admin on that environment's key rings only (environments.<env>.keyRingId, and environments.<env>.geoKeyRingId where there is one): gcloud kms keyrings add-iam-policy-binding <ring> --location=<region, or the multi-region of the geo ring> --project=<security project> --member=<deployer> --role=roles/cloudkms.admin. Its platform creates its keys there and grants them to its service agents.",
        ],
    };
}

/** The organization layer on GCP (`landing-zone:gcp:Organization`). */
export class GcpOrganization extends pulumi.ComponentResource {
    readonly outputs: OrganizationOutputs;

    constructor(name: string, ctx: StackContext, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:gcp:Organization", name, {}, opts);
        this.outputs = createOrganization(name, this, ctx);
        this.registerOutputs({ rootId: this.outputs.rootId });
    }
}

/** The organization layer's entry point for the stack program. */
export function organization(ctx: StackContext): OrganizationOutputs {
    return new GcpOrganization("organization", ctx, { provider: gcpProvider(ctx) }).outputs;
}
