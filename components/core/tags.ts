import type { ResolvedConfig } from "./config/presets";

/** The standard tags every taggable resource carries, on every cloud. */
export const STANDARD_TAG_KEYS = ["landing-zone", "environment", "domain", "owner", "managed-by"] as const;
export type StandardTags = Record<(typeof STANDARD_TAG_KEYS)[number], string>;

/**
 * The `domain` tag of what no business domain owns: the platform's shared resources, and the
 * organization stack's (whose names say `org` where others say the environment; the naming policies
 * accept `org` only on resources tagged with the organization scope). Not valid domain names.
 */
export const PLATFORM_SCOPE = "platform";
export const ORGANIZATION_SCOPE = "organization";

export function standardTags(cfg: Pick<ResolvedConfig, "prefix" | "environment" | "domain" | "owner"> & Partial<Pick<ResolvedConfig, "layer">>): StandardTags {
    return {
        "landing-zone": cfg.prefix,
        environment: cfg.environment,
        domain: cfg.layer === "organization" ? ORGANIZATION_SCOPE : cfg.domain ?? PLATFORM_SCOPE,
        owner: cfg.owner,
        "managed-by": "pulumi",
    };
}

/**
 * GCP label rules: keys and values lowercase letters, digits, `_` and `-` (international letters
 * aside), at most 63 characters; keys start with a letter.
 */
export function gcpLabels(tags: Record<string, string>): Record<string, string> {
    const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9_-]/g, "_").slice(0, 63);
    return Object.fromEntries(
        Object.entries(tags).map(([k, v]) => {
            let label = clean(k);
            if (!/^[a-z]/.test(label)) label = `l${label}`.slice(0, 63);
            return [label, clean(v)];
        }),
    );
}

/** Merge tag sets; later (more specific) sets win. */
export function mergeTags(...sets: (Record<string, string> | undefined)[]): Record<string, string> {
    return Object.assign({}, ...sets.filter(Boolean));
}

/** Tags as Kubernetes label values: `[A-Za-z0-9._-]`, at most 63, alphanumeric at both ends. */
export function kubernetesLabels(tags: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(tags).map(([k, v]) => [
        k,
        v.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 63).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, ""),
    ]));
}
