import type { ConfigProblem } from "../errors";
import type { ResolvedConfig } from "../presets";
import { ORGANIZATION_SCOPE, PLATFORM_SCOPE } from "../../tags";
import { key } from "./key";

/** The domain tag says platform / organization for what no business domain owns: no domain takes those names. */
export const TAG_SCOPES = [PLATFORM_SCOPE, ORGANIZATION_SCOPE] as const;

/** Rules that span keys (the schema checks each key alone). Written defensively: they also run on
 *  configs the schema rejected, so that every problem is reported at once. */
export function commonRules(cfg: ResolvedConfig): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    const add = (path: string, message: string) => problems.push({ path: key(path), message });

    if (cfg.layer === "domain" && !cfg.domain) {
        add("domain", "is required when layer is domain (a name like orders or payments)");
    }
    if (cfg.layer === "platform" && cfg.domain) {
        add("domain", "applies only to layer domain; a platform stack serves every domain of landing-zone:domains");
    }
    if (cfg.layer === "domain" && cfg.auditors.length > 0) {
        add("auditors", "applies only to layer platform (the platform binds every persona)");
    }
    if (cfg.layer === "domain" && Object.keys(cfg.domains).length > 0) {
        add("domains", "applies only to layer platform: register the domain on its platform stack (npm run new-domain does this)");
    }

    const reserved: readonly string[] = TAG_SCOPES;
    if (typeof cfg.domain === "string" && reserved.includes(cfg.domain)) {
        add("domain", `must not be ${cfg.domain} (reserved for the ${cfg.domain} scope of the domain tag)`);
    }
    for (const name of Object.keys(cfg.domains).filter((d) => reserved.includes(d))) {
        add(`domains.${name}`, `is not a valid domain name: ${name} is reserved for the ${name} scope of the domain tag`);
    }

    problems.push(...apiAccessProblems(cfg).map((p) => ({ path: key(p.path), message: p.message })));

    const nodes = cfg.cluster.nodes;
    if (typeof nodes.min === "number" && typeof nodes.max === "number" && nodes.min > nodes.max) {
        add("cluster.nodes.min", `must be <= cluster.nodes.max (${nodes.min} > ${nodes.max})`);
    } else if (typeof nodes.desired === "number" && typeof nodes.min === "number" && typeof nodes.max === "number" &&
        (nodes.desired < nodes.min || nodes.desired > nodes.max)) {
        add("cluster.nodes.desired", `must be between cluster.nodes.min and max (${nodes.min}..${nodes.max}, got ${nodes.desired})`);
    }

    const prefixLength = typeof cfg.network.cidr === "string" ? Number(cfg.network.cidr.split("/")[1]) : NaN;
    if (prefixLength > 20) {
        add("network.cidr", `must be /20 or larger to hold ${3 * 3} subnets (got /${prefixLength})`);
    }
    if (typeof cfg.network.cidr === "string" && !isValidIpv4Cidr(cfg.network.cidr)) {
        add("network.cidr", `is not a valid IPv4 CIDR (got "${cfg.network.cidr}")`);
    }
    (Array.isArray(cfg.cluster.apiAllowedCidrs) ? cfg.cluster.apiAllowedCidrs : []).forEach((cidr, i) => {
        if (typeof cidr === "string" && !isValidIpv4Cidr(cidr)) {
            add(`cluster.apiAllowedCidrs[${i}]`, `is not a valid IPv4 CIDR (got "${cidr}")`);
        }
    });

    if (cfg.layer === "domain" && cfg.pipeline.enabled && cfg.pipeline.source === "external" && !cfg.pipeline.repository) {
        add("pipeline.repository", "is required when pipeline.source is external (owner/name on the Git host)");
    }
    if (cfg.hierarchy.mode === "existing" && Object.keys(cfg.hierarchy.existingIds ?? {}).length === 0) {
        add("hierarchy.existingIds", "is required when hierarchy.mode is existing (ids by role: environment, platform, <domain>)");
    }
    return problems;
}

/** The platform's own `pulumi up` needs a way to the (private) API server: a configured one, checked here. */
function apiAccessProblems(cfg: ResolvedConfig): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    const access = cfg.cluster.apiAccess;
    const allowed = Array.isArray(cfg.cluster.apiAllowedCidrs) ? cfg.cluster.apiAllowedCidrs : [];
    if (cfg.layer !== "platform") {
        if (access !== undefined) problems.push({ path: "cluster.apiAccess", message: "applies only to layer platform (a domain stack never reaches the cluster's API)" });
        return problems;
    }
    if (access === undefined) {
        problems.push({
            path: "cluster.apiAccess",
            message: "is required in prod: the platform's pulumi up creates each domain's namespace through the cluster's private API server; " +
                "set in-network (run it from inside the landing-zone network) or allowed-cidrs with cluster.apiAllowedCidrs (the runner's egress CIDRs)",
        });
    } else if (access === "allowed-cidrs" && allowed.length === 0) {
        problems.push({ path: "cluster.apiAllowedCidrs", message: "is required when cluster.apiAccess is allowed-cidrs: the egress CIDRs of the runner of the platform's pulumi up" });
    } else if (access === "dns-endpoint" && cfg.cloud !== "gcp") {
        problems.push({ path: "cluster.apiAccess", message: `dns-endpoint is GKE's; on ${cfg.cloud} use in-network or allowed-cidrs` });
    }
    return problems;
}

export function isValidIpv4Cidr(cidr: string): boolean {
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
    if (!match) return false;
    const octets = match.slice(1, 5).map(Number);
    const bits = Number(match[5]);
    if (octets.some((o) => o > 255) || bits > 32) return false;
    const address = octets.reduce((acc, o) => acc * 256 + o, 0);
    const hostBits = 32 - bits;
    return address % 2 ** hostBits === 0;
}
