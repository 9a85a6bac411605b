import type { ConfigProblem } from "../errors";
import type { ResolvedConfig } from "../presets";
import { key } from "./key";

const PARENT = /^(organizations|folders)\/[0-9]+$/;
const FOLDER = /^folders\/[0-9]+$/;
const BILLING = /^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$/;
const PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
/** A GitHub `owner/name` (owner: letters, digits, hyphens; name: also `.` and `_`). */
const GITHUB_REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
/** Roles in `hierarchy.existingIds` that name folders; every other key names a project. */
const FOLDER_ROLES = new Set(["root", "environment"]);

/** Rules only gcp stacks must satisfy (the ids and settings the gcp components need). */
export function gcpRules(cfg: ResolvedConfig): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    const add = (path: string, message: string) => problems.push({ path: key(path), message });
    if (cfg.cloud !== "gcp") {
        if (Object.keys(cfg.gcp).length > 0) {
            add("gcp", `applies only to cloud gcp (cloud is ${cfg.cloud})`);
        }
        return problems;
    }
    const h = cfg.hierarchy;
    const ids = h.existingIds ?? {};
    const domains = Object.keys(cfg.domains);

    if (cfg.layer === "platform" && h.mode === "create") {
        // With an organization stack, the folders (and so the parent) are the organization's.
        if (!cfg.organizationStack && (typeof h.parentId !== "string" || !PARENT.test(h.parentId))) {
            add("hierarchy.parentId", `is required when hierarchy.mode is create: organizations/<number> or folders/<number> (got ${JSON.stringify(h.parentId ?? null)})`);
        }
        if (typeof h.billingAccount !== "string" || !BILLING.test(h.billingAccount)) {
            add("hierarchy.billingAccount", `is required when hierarchy.mode is create: XXXXXX-XXXXXX-XXXXXX, uppercase hex (got ${JSON.stringify(h.billingAccount ?? null)})`);
        }
    } else if (typeof h.parentId === "string" && !PARENT.test(h.parentId)) {
        add("hierarchy.parentId", `must be organizations/<number> or folders/<number> (got "${h.parentId}")`);
    }
    if (cfg.layer === "platform" && h.mode === "skip" && !cfg.gcp.projectId) {
        add("gcp.projectId", "is required when hierarchy.mode is skip (the project everything runs in)");
    }
    if (cfg.layer === "platform" && h.mode === "existing" && !ids.platform && !cfg.gcp.projectId) {
        add("hierarchy.existingIds.platform", "is required when hierarchy.mode is existing (or set gcp.projectId): the platform project id");
    }
    for (const [role, id] of Object.entries(ids)) {
        if (typeof id !== "string") continue;
        if (FOLDER_ROLES.has(role)) {
            if (!FOLDER.test(id)) add(`hierarchy.existingIds.${role}`, `must be folders/<number> (got "${id}")`);
        } else if (!PROJECT_ID.test(id)) {
            add(`hierarchy.existingIds.${role}`, `must be a project id: 6-30 lowercase letters, digits or hyphens, starting with a letter (got "${id}")`);
        } else if (role !== "platform" && !domains.includes(role)) {
            add(`hierarchy.existingIds.${role}`, `names no domain of landing-zone:domains (${domains.join(", ") || "none"}); allowed keys: root, environment, platform, ${domains.join(", ") || "<domain>"}`);
        }
    }
    if (h.mode === "create" && Object.keys(ids).some((role) => role !== "root")) {
        add("hierarchy.existingIds", "only `root` (the landing zone folder another stack owns) applies when hierarchy.mode is create");
    }
    const personaGroups = Object.values(cfg.domains).some((d) => d.admins.length + d.readers.length > 0);
    if (cfg.layer === "platform" && personaGroups && !cfg.gcp.rbacSecurityGroup) {
        add("gcp.rbacSecurityGroup", "is required when a domain lists admins or readers: GKE matches Google groups in RoleBindings only through Google Groups for RBAC (gke-security-groups@<your domain>, holding the persona groups)");
    }
    for (const platformKey of ["zonalCluster", "iapSsh", "platformAdminGroups", "rbacSecurityGroup"] as const) {
        if (cfg.layer !== "platform" && cfg.gcp[platformKey] !== undefined) {
            add(`gcp.${platformKey}`, "applies only to layer platform (the platform stack owns the cluster and the network)");
        }
    }
    if (cfg.layer !== "domain" && cfg.gcp.promoteFromCluster !== undefined) {
        add("gcp.promoteFromCluster", "applies only to layer domain (the delivery pipeline of a domain stack)");
    }
    if (cfg.layer !== "platform" && cfg.gcp.serviceControls !== undefined) {
        add("gcp.serviceControls", "applies only to layer platform (the perimeter around the environment's projects)");
    }
    if (cfg.layer !== "domain" && cfg.gcp.githubAppInstallationId !== undefined) {
        add("gcp.githubAppInstallationId", "applies only to layer domain (the Cloud Build connection of a domain's pipeline)");
    }
    if (cfg.layer === "domain" && cfg.pipeline.enabled === true) {
        if (cfg.pipeline.source === "managed") {
            add("pipeline.source", "must be external on gcp (got managed): Cloud Source Repositories is closed to " +
                "organizations that had not used it before June 2024; set pipeline.source: external and pipeline.repository: <owner>/<name> " +
                "on GitHub (built through a Cloud Build connection), or pipeline.enabled: false");
        }
        for (const repoKey of ["repository", "deployRepository"] as const) {
            const value = cfg.pipeline[repoKey];
            if (typeof value === "string" && !GITHUB_REPOSITORY.test(value)) {
                add(`pipeline.${repoKey}`, `must be a GitHub repository <owner>/<name> on gcp (got "${value}")`);
            }
        }
    }
    if (cfg.layer === "domain" && typeof cfg.queue.maxReceiveCount === "number" && cfg.queue.maxReceiveCount < 5) {
        add("queue.maxReceiveCount", `must be 5 to 100 on gcp (Pub/Sub's dead-letter delivery attempts; got ${cfg.queue.maxReceiveCount})`);
    }
    if (cfg.gcp.zonalCluster === true && cfg.environment === "prod") {
        add("gcp.zonalCluster", "is not allowed in prod: a prod cluster is regional (control plane and nodes in every zone)");
    }
    if (cfg.layer === "platform" && typeof cfg.network.zones === "number" && cfg.network.zones < 2 && cfg.environment === "prod") {
        add("network.zones", `must be >= 2 in prod on gcp (nodes spread over zones; got ${cfg.network.zones})`);
    }
    return problems;
}
