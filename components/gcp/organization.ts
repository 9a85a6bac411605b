import * as pulumi from "@pulumi/pulumi";
import type { GuardrailSummary, OrganizationOutputs, StackContext } from "../core/contracts";
import { childName, physicalName } from "../core/naming";
import { organizationPolicyRules } from "./guardrails";
import { GcpFolder, GcpProject } from "./hierarchy";
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
 * projects, created after the policies; the aggregated sink, data-access audit config and
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
    const environments = Object.fromEntries(config.organization.environments.map((env) => {
        const folder = new GcpFolder(childName(name, env), { ctx, displayName: folderName(env), parentId: root.name }, { parent: root });
        return [env, { containerId: folder.name, platformScope: folder.folderId, domainScopes: {} }];
    }));
    const security = new GcpFolder(childName(name, "security"), { ctx, displayName: folderName("security"), parentId: root.name }, { parent: root });
    // Projects are born under the policies: no default service account gets Editor, no default network.
    const project = (role: string, apis: readonly string[]) => new GcpProject(childName(name, "security", role), {
        ctx, projectId: ctx.naming.physical("gcp.projectId", role), create: true, folderId: security.folderId,
        role, apis, agents: [], dependsOn: policies,
    }, { parent: security });
    const securityProject = project("security", SECURITY_PROJECT_APIS);
    const loggingProject = project("logging", LOGGING_PROJECT_APIS);
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
