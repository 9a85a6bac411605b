import type { ConfigProblem } from "../errors";
import type { ResolvedConfig } from "../presets";
import { isValidIpv4Cidr } from "./common";
import { layoutHasReaders } from "../../data-layout";
import { key } from "./key";

/**
 * Address ranges of the AKS cluster outside the VNet (Azure CNI overlay): pods and services. The
 * landing zone network must not overlap them; the Azure cluster component uses these values.
 */
export const AKS_OVERLAY = { podCidr: "192.168.0.0/16", serviceCidr: "172.16.0.0/16", dnsServiceIP: "172.16.0.10" } as const;

/** Log Analytics workspace interactive retention bounds (days). */
export const LOG_ANALYTICS_RETENTION = { min: 30, max: 730 } as const;

function overlaps(a: string, b: string): boolean {
    const range = (cidr: string): [number, number] => {
        const [address, bits] = cidr.split("/");
        const start = address.split(".").map(Number).reduce((acc, o) => acc * 256 + o, 0);
        return [start, start + 2 ** (32 - Number(bits)) - 1];
    };
    const [aStart, aEnd] = range(a);
    const [bStart, bEnd] = range(b);
    return aStart <= bEnd && bStart <= aEnd;
}

/** Rules only azure stacks must satisfy (the ids and settings the azure components need). */
export function azureRules(cfg: ResolvedConfig): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    if (cfg.cloud !== "azure") {
        if (Object.keys(cfg.azure).length > 0) {
            problems.push({ path: key("azure"), message: `applies only to cloud azure (cloud is ${cfg.cloud})` });
        }
        return problems;
    }
    const add = (path: string, message: string) => problems.push({ path: key(path), message });
    if (cfg.layer === "domain") {
        const db = cfg.database;
        if (typeof db.backupDays === "number" && db.backupDays < 7) {
            add("database.backupDays", `must be >= 7 on azure (Flexible Server keeps 7 to 35 days; got ${db.backupDays})`);
        }
        if (cfg.environment === "prod" && !cfg.azure.databaseAdminGroup) {
            add("azure.databaseAdminGroup", "is required for an azure domain stack in prod ({ objectId, name } of the Entra group that administers PostgreSQL; the application never does)");
        }
        if (layoutHasReaders(db.layout) && db.size === "small") {
            add("database.size", `must be medium or large on azure when layout is ${db.layout} (the Burstable tier of size small has no read replicas)`);
        }
        if (db.highAvailability === true && db.size === "small") {
            add("database.highAvailability", "needs database.size medium or large on azure (the Burstable tier of size small has no HA)");
        }
        const lock = cfg.queue.visibilityTimeoutSeconds;
        if (typeof lock === "number" && (lock < 5 || lock > 300)) {
            add("queue.visibilityTimeoutSeconds", `must be 5 to 300 on azure (the Service Bus lock duration; got ${lock})`);
        }
    }
    if (cfg.layer !== "platform") return problems;

    if (!cfg.azure.tenantId) {
        add("azure.tenantId", "is required for an azure platform stack (Key Vault and AKS Entra ID integration need the tenant)");
    }
    if (!cfg.azure.subscriptionId) {
        add("azure.subscriptionId", "is required for an azure platform stack (the platform subscription; role definitions are scoped to it)");
    }
    if (cfg.hierarchy.mode === "create" && !cfg.hierarchy.parentId) {
        add("hierarchy.parentId", "is required when hierarchy.mode is create on azure (the parent management group id; the tenant root group's id is the tenant id)");
    }
    // With organizationStack the environment's group comes from the organization (azure-organization.ts).
    if (cfg.hierarchy.mode === "existing" && cfg.hierarchy.existingIds && !cfg.hierarchy.existingIds.environment && cfg.organizationStack === undefined) {
        add("hierarchy.existingIds.environment", "is required when hierarchy.mode is existing on azure (the environment's management group id)");
    }
    if (cfg.environment === "prod" && (cfg.azure.adminGroupObjectIds ?? []).length === 0) {
        add("azure.adminGroupObjectIds", "needs at least one Entra group object id in prod: local accounts are disabled, so these groups are the cluster admins");
    }
    const retention = cfg.logging.retentionDays;
    if (typeof retention === "number" && (retention < LOG_ANALYTICS_RETENTION.min || retention > LOG_ANALYTICS_RETENTION.max)) {
        add("logging.retentionDays", `must be between ${LOG_ANALYTICS_RETENTION.min} and ${LOG_ANALYTICS_RETENTION.max} on azure (Log Analytics workspace retention; got ${retention})`);
    }
    if (typeof cfg.network.cidr === "string" && isValidIpv4Cidr(cfg.network.cidr)) {
        for (const [what, range] of [["pod", AKS_OVERLAY.podCidr], ["service", AKS_OVERLAY.serviceCidr]] as const) {
            if (overlaps(cfg.network.cidr, range)) {
                add("network.cidr", `must not overlap the AKS overlay ${what} range ${range} (got ${cfg.network.cidr})`);
            }
        }
    }
    return problems;
}
