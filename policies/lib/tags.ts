import type { PolicyProviderResource, ResourceValidationArgs } from "@pulumi/policy";
import type { Props, Report } from "./define";
import { jsonDocument, providerInput } from "./props";
import { TAGGABLE_TYPES } from "./taggable";

/** The standard tag keys of the landing zone (the tagging module's list; a test keeps them in step). */
export const STANDARD_TAG_KEYS = ["landing-zone", "environment", "domain", "owner", "managed-by"];

export const tagsConfigSchema = {
    properties: {
        keys: { type: "array" as const, items: { type: "string" as const }, minItems: 1 },
    },
};

/** Where a resource type keeps its tags and what its provider adds. */
function tagSource(type: string): { field: string; providerField?: string; providerPath?: string } | undefined {
    if (type.startsWith("aws:")) return { field: "tags", providerField: "defaultTags", providerPath: "tags" };
    if (type.startsWith("gcp:")) return { field: "labels", providerField: "defaultLabels" };
    if (type.startsWith("azure-native:")) return { field: "tags" };
    return undefined;
}

export function isTaggable(type: string): boolean {
    return TAGGABLE_TYPES.has(type);
}

/**
 * The tags a resource ends up with: the provider's default tags/labels (applied by the provider at
 * deploy, as AWS `defaultTags` and GCP `defaultLabels` do), then the resource's own, which win.
 */
export function effectiveTags(type: string, props: Props, provider: PolicyProviderResource | undefined): Record<string, unknown> {
    const source = tagSource(type);
    if (!source) return {};
    let defaults: Props | undefined;
    if (source.providerField) {
        const input = providerInput(provider, source.providerField);
        defaults = source.providerPath ? jsonDocument(input?.[source.providerPath]) : input;
    }
    const own = source.field in props ? (props[source.field] as Props | undefined) : undefined;
    return { ...(defaults ?? {}), ...(own ?? {}) };
}

/**
 * The validator every cloud's standard-tags policy shares: the configured (or standard) keys must
 * all be present on a taggable resource, provider defaults included. `word` is what the cloud calls
 * them (tags, labels).
 */
export function missingStandardTags(word: "tags" | "labels") {
    return (props: Props, args: ResourceValidationArgs, report: Report): void => {
        if (!isTaggable(args.type)) return;
        const keys = args.getConfig<{ keys?: string[] }>().keys ?? STANDARD_TAG_KEYS;
        const tags = effectiveTags(args.type, props, args.provider);
        const missing = keys.filter((k) => !(k in tags));
        if (missing.length) report(`${word} ${missing.join(", ")} are missing.`);
    };
}
