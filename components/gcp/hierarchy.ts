import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import type { HierarchyOutputs, OrganizationReference, StackContext } from "../core/contracts";
import { childName, physicalName } from "../core/naming";
import { gcpLabels, mergeTags } from "../core/tags";
import { createOrgPolicies } from "./org-policies";
import { serviceAgentMember } from "./service-agents";

/** APIs the platform (Shared VPC host) project needs. */
export const PLATFORM_APIS = [
    "cloudresourcemanager.googleapis.com", "serviceusage.googleapis.com", "iam.googleapis.com",
    "iamcredentials.googleapis.com", "compute.googleapis.com", "container.googleapis.com",
    "servicenetworking.googleapis.com", "artifactregistry.googleapis.com", "containerscanning.googleapis.com",
    "cloudkms.googleapis.com", "logging.googleapis.com", "monitoring.googleapis.com", "storage.googleapis.com",
] as const;

/** APIs a domain (service) project needs for the domain layer's capabilities. */
export const DOMAIN_APIS = [
    "cloudresourcemanager.googleapis.com", "serviceusage.googleapis.com", "iam.googleapis.com",
    "iamcredentials.googleapis.com", "compute.googleapis.com", "servicenetworking.googleapis.com",
    "sqladmin.googleapis.com", "storage.googleapis.com", "pubsub.googleapis.com", "redis.googleapis.com",
    "cloudbuild.googleapis.com", "clouddeploy.googleapis.com", "artifactregistry.googleapis.com",
    "cloudkms.googleapis.com", "secretmanager.googleapis.com", "logging.googleapis.com", "monitoring.googleapis.com",
] as const;

/** Google-managed service agents the landing zone grants key access to. */
export type ServiceAgent = "storage" | "sql" | "pubsub" | "artifactregistry" | "container";

/** The API whose service agent each `ServiceAgent` is (storage's agent is read, not generated). */
const AGENT_SERVICE: Record<Exclude<ServiceAgent, "storage">, string> = {
    sql: "sqladmin.googleapis.com",
    pubsub: "pubsub.googleapis.com",
    artifactregistry: "artifactregistry.googleapis.com",
    container: "container.googleapis.com",
};

export const PLATFORM_AGENTS: readonly ServiceAgent[] = ["storage", "artifactregistry", "container"];
export const DOMAIN_AGENTS: readonly ServiceAgent[] = ["storage", "sql", "pubsub"];

// ---------------------------------------------------------------- folders

export interface FolderArgs {
    ctx: StackContext;
    /** Display name (created) or `folders/123` (existing: nothing is created). */
    displayName?: string;
    existingId?: pulumi.Input<string>;
    /** Parent `organizations/123` or `folders/456` (created folders). */
    parentId?: pulumi.Input<string>;
    /** Attach the landing zone's organization policies to this folder. */
    orgPolicies?: boolean;
}

export interface FolderResult {
    /** `folders/123`. */
    name: pulumi.Output<string>;
    /** The numeric id (`123`), as projects want it. */
    folderId: pulumi.Output<string>;
    folder?: gcp.organizations.Folder;
    policies: gcp.orgpolicy.Policy[];
}

/** A resource-manager folder of the landing zone (created, or an existing one the tree hangs under). */
export class GcpFolder extends pulumi.ComponentResource {
    readonly name: pulumi.Output<string>;
    readonly folderId: pulumi.Output<string>;

    constructor(name: string, args: FolderArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:gcp:Folder", name, {}, opts);
        const result = createFolder(name, this, args);
        this.name = result.name;
        this.folderId = result.folderId;
        this.registerOutputs({ name: this.name, folderId: this.folderId });
    }
}

export function createFolder(name: string, parent: pulumi.Resource, args: FolderArgs): FolderResult {
    if (args.existingId) {
        const id = pulumi.output(args.existingId).apply((existing) => existing.replace(/^folders\//, ""));
        return { name: pulumi.interpolate`folders/${id}`, folderId: id, policies: [] };
    }
    const prod = args.ctx.config.environment === "prod";
    const folder = new gcp.organizations.Folder(childName(name, "folder"), {
        displayName: args.displayName!,
        parent: args.parentId!,
        deletionProtection: prod,
    }, { parent, protect: args.ctx.config.protectStateful });
    const policies = args.orgPolicies ? createOrgPolicies(childName(name, "policy"), parent, folder.name) : [];
    return { name: folder.name, folderId: folder.folderId, folder, policies };
}

// ---------------------------------------------------------------- projects

export interface ProjectArgs {
    ctx: StackContext;
    /** The project id: deterministic (created) or given (existing/skip). */
    projectId: string;
    /** Create the project (under `folderId`), or use the existing `projectId`. */
    create: boolean;
    /** Numeric folder id the created project lives in. */
    folderId?: pulumi.Input<string>;
    /** `platform` or the domain the project serves (its `domain` label). */
    role: string;
    apis: readonly string[];
    agents: readonly ServiceAgent[];
    /** What must exist before the project is created (e.g. the org policies it must be born under). */
    dependsOn?: pulumi.Resource[];
}

export interface ProjectResult {
    projectId: pulumi.Output<string>;
    project?: gcp.organizations.Project;
    /** The enabled APIs: resources in the project depend on them. */
    apis: gcp.projects.Service[];
    /** IAM member (`serviceAccount:...`) of each service agent. */
    agents: Partial<Record<ServiceAgent, pulumi.Output<string>>>;
    /** The project number (service agent e-mails, Workload Identity Federation principals and service perimeters name the project by it). */
    projectNumber: pulumi.Output<string>;
}

/** A project of the landing zone with its APIs enabled and its service agents provisioned. */
export class GcpProject extends pulumi.ComponentResource {
    /** The project id as a plain string (deterministic), for decisions at program time. */
    readonly id: string;
    /** This component's logical name (children's names start with it). */
    readonly resourceName: string;
    readonly projectId: pulumi.Output<string>;
    readonly apis: gcp.projects.Service[];
    readonly agents: Partial<Record<ServiceAgent, pulumi.Output<string>>>;
    readonly projectNumber: pulumi.Output<string>;

    constructor(name: string, args: ProjectArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:gcp:Project", name, {}, opts);
        const result = createProject(name, this, args);
        this.id = args.projectId;
        this.resourceName = name;
        this.projectId = result.projectId;
        this.apis = result.apis;
        this.agents = result.agents;
        this.projectNumber = result.projectNumber;
        this.registerOutputs({ projectId: this.projectId });
    }
}

export function createProject(name: string, parent: pulumi.Resource, args: ProjectArgs): ProjectResult {
    const { config } = args.ctx;
    const prod = config.environment === "prod";
    let project: gcp.organizations.Project | undefined;
    if (args.create) {
        project = new gcp.organizations.Project(childName(name, "project"), {
            projectId: args.projectId,
            name: args.projectId,
            folderId: args.folderId,
            billingAccount: config.hierarchy.billingAccount,
            autoCreateNetwork: false,
            deletionPolicy: prod ? "PREVENT" : "DELETE",
            labels: gcpLabels(mergeTags(args.ctx.tags, { domain: args.role })),
        }, { parent, protect: config.protectStateful, dependsOn: args.dependsOn });
    }
    const projectId = project ? project.projectId : pulumi.output(args.projectId);
    const byService = new Map(args.apis.map((service) => [service, new gcp.projects.Service(childName(name, service.split(".")[0]), {
        project: projectId,
        service,
        disableOnDestroy: false,
        disableDependentServices: false,
    }, { parent })]));
    const apis = [...byService.values()];
    const needs = (service: string) => (byService.has(service) ? [byService.get(service)!] : []);
    const agents: ProjectResult["agents"] = {};
    // Agent e-mails are built from the project number (ServiceIdentity may return none).
    const projectNumber = project ? project.number : gcp.organizations.getProjectOutput({ projectId: args.projectId }, { parent }).number;
    for (const agent of args.agents) {
        if (agent === "storage") {
            // Reading the Cloud Storage agent also creates it (it exists only once asked for).
            agents.storage = gcp.storage.getProjectServiceAccountOutput({ project: projectId }, {
                parent, dependsOn: needs("storage.googleapis.com"),
            }).member;
            continue;
        }
        const service = AGENT_SERVICE[agent];
        const identity = new gcp.projects.ServiceIdentity(childName(name, "agent", agent), { project: projectId, service }, {
            parent, dependsOn: needs(service),
        });
        agents[agent] = serviceAgentMember(agent, projectNumber, [identity]);
    }
    return { projectId, project, apis, agents, projectNumber };
}

// ---------------------------------------------------------------- the hierarchy

/** Where the aggregated log sink attaches: a folder (all projects below), or the platform project alone. */
export type SinkScope = { kind: "folder"; folder: pulumi.Output<string> } | { kind: "project" };

export interface GcpHierarchy {
    outputs: HierarchyOutputs;
    /** The landing zone folder (created, or existing), when there is one. */
    root?: GcpFolder;
    environment?: GcpFolder;
    /** The Shared VPC host project: the platform capabilities are its children. */
    platform: GcpProject;
    domains: Record<string, GcpProject>;
    sinkScope: SinkScope;
    /** Whether this stack owns the landing zone folder (and so its org policies and sink). */
    ownsRoot: boolean;
}

/** The deterministic id of the platform project (or the configured one in skip/existing mode). */
export function platformProjectId(ctx: StackContext): string {
    const { hierarchy, gcp: gcpConfig } = ctx.config;
    if (hierarchy.mode === "create") return ctx.naming.physical("gcp.projectId", "platform");
    return hierarchy.existingIds?.platform ?? gcpConfig.projectId!;
}

/** The deterministic id of a domain's service project. */
export function domainProjectId(ctx: StackContext, domain: string): string {
    const { hierarchy } = ctx.config;
    if (hierarchy.mode === "create") return ctx.naming.physical("gcp.projectId", domain);
    if (hierarchy.mode === "existing" && hierarchy.existingIds?.[domain]) return hierarchy.existingIds[domain];
    return platformProjectId(ctx);
}

/**
 * organization -> landing zone folder -> environment folder -> platform project + one service
 * project per domain. With an organization stack (`organizationStack`) the folders are its own:
 * the platform creates its projects in its environment's folder. Otherwise `create` builds all of
 * it (the landing zone folder only when `hierarchy.existingIds.root` does not name one);
 * `existing` hangs the tree under the given ids; `skip` runs everything in `gcp.projectId`.
 */
export function createHierarchy(name: string, ctx: StackContext, opts: pulumi.ComponentResourceOptions,
    organization?: OrganizationReference): GcpHierarchy {
    const { config } = ctx;
    const { hierarchy } = config;
    const ids = hierarchy.existingIds ?? {};
    const create = hierarchy.mode === "create";
    let root: GcpFolder | undefined;
    let environment: GcpFolder | undefined;
    const ownsRoot = create && !ids.root && !organization;
    if (organization) {
        // The same component names as when the platform owned the folders: its projects keep their URNs.
        const rootFolder = new GcpFolder(name, { ctx, existingId: organization.get("rootId") }, opts);
        root = rootFolder;
        const folder = organization.get("environments").apply((environments) => {
            const found = environments[config.environment]?.containerId;
            if (!found) throw new pulumi.ResourceError(`organization stack ${organization.name} has no environment ${config.environment}: add it to its landing-zone:organization.environments`, rootFolder);
            return found;
        });
        environment = new GcpFolder(childName(name, config.environment), { ctx, existingId: folder }, { parent: root });
    } else if (create || ids.root) {
        root = new GcpFolder(name, {
            ctx,
            existingId: ownsRoot ? undefined : ids.root,
            displayName: physicalName("gcp.folder", [config.prefix, "landing-zone"]),
            parentId: hierarchy.parentId,
            orgPolicies: ownsRoot,
        }, opts);
    }
    if (!organization && (create || ids.environment)) {
        environment = new GcpFolder(childName(name, config.environment), {
            ctx,
            existingId: create ? undefined : ids.environment,
            displayName: physicalName("gcp.folder", [config.prefix, config.environment]),
            parentId: root?.name ?? hierarchy.parentId,
        }, root ? { parent: root } : opts);
    }
    const projectParent = environment ?? root;
    const projectOpts = projectParent ? { parent: projectParent } : opts;
    const projectName = (role: string) => childName(name, config.environment, role);
    // A domain without a project of its own (skip, or existing without an id) shares the platform
    // project, which then enables the domain APIs and agents too.
    const sharing = Object.keys(config.domains).some((d) => domainProjectId(ctx, d) === platformProjectId(ctx));
    const platform = new GcpProject(projectName("platform"), {
        ctx, projectId: platformProjectId(ctx), create, folderId: environment?.folderId, role: "platform",
        apis: sharing ? [...new Set([...PLATFORM_APIS, ...DOMAIN_APIS])] : PLATFORM_APIS,
        agents: sharing ? [...new Set([...PLATFORM_AGENTS, ...DOMAIN_AGENTS])] : PLATFORM_AGENTS,
    }, projectOpts);
    const domains: Record<string, GcpProject> = {};
    for (const domain of Object.keys(config.domains)) {
        const projectId = domainProjectId(ctx, domain);
        if (projectId === platform.id) {
            domains[domain] = platform;
            continue;
        }
        domains[domain] = new GcpProject(projectName(domain), {
            ctx, projectId, create, folderId: environment?.folderId, role: domain,
            apis: DOMAIN_APIS, agents: DOMAIN_AGENTS,
        }, projectOpts);
    }
    const rootId = root?.name ?? pulumi.output(hierarchy.parentId ?? `projects/${platform.id}`);
    const sinkFolder = ownsRoot ? root : environment;
    return {
        outputs: {
            mode: hierarchy.mode,
            rootId,
            environmentId: environment?.name ?? rootId,
            platformScope: platform.projectId,
            domainScopes: Object.fromEntries(Object.entries(domains).map(([d, p]) => [d, p.projectId])),
        },
        root,
        environment,
        platform,
        domains,
        sinkScope: sinkFolder ? { kind: "folder", folder: sinkFolder.name } : { kind: "project" },
        ownsRoot,
    };
}
