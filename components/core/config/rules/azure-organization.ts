import type { ConfigProblem } from "../errors";
import type { ResolvedConfig } from "../presets";
import { key } from "./key";

/** `hierarchy.existingIds` roles organization-azure owns for a platform that reads it. */
const ORGANIZATION_ROLES = ["root", "environment", "platform"] as const;

/**
 * An azure platform that reads organization-azure (`organizationStack`) takes its management
 * group and subscription from it: its hierarchy block must not name or create them again. Only
 * `skip` (the default) or `existing` with the domains' own resource groups remain.
 */
export function azureOrganizationRules(cfg: ResolvedConfig): ConfigProblem[] {
    if (cfg.cloud !== "azure" || cfg.layer !== "platform" || cfg.organizationStack === undefined) return [];
    const problems: ConfigProblem[] = [];
    const add = (path: string, message: string) => problems.push({ path: key(path), message });
    const owner = `organization stack ${cfg.organizationStack}`;
    const h = cfg.hierarchy;
    if (h.mode === "create") {
        add("hierarchy.mode", `must be skip or existing when organizationStack is set on azure: ${owner} creates the management groups ` +
            "and places the platform subscription (got create)");
    }
    if (h.parentId !== undefined) {
        add("hierarchy.parentId", `must not be set when organizationStack is set on azure: the environment's management group comes from ${owner} (environments.<env>.containerId)`);
    }
    const ids = h.existingIds && typeof h.existingIds === "object" ? h.existingIds : {};
    for (const role of ORGANIZATION_ROLES) {
        if (ids[role] !== undefined) {
            add(`hierarchy.existingIds.${role}`, `must not be set when organizationStack is set on azure: ${owner} owns it ` +
                `(${role === "platform" ? "environments.<env>.platformScope, checked against azure.subscriptionId" : role === "root" ? "rootId" : "environments.<env>.containerId"}); ` +
                "only the domains' resource groups may be listed");
        }
    }
    return problems;
}
