import { stackPolicy } from "../lib/define";
import { STANDARD_TAG_KEYS, effectiveTags, isTaggable } from "../lib/tags";

/** In prod every taggable resource carries the standard tags, and they say prod. */
export const policy = stackPolicy({
    name: "require-standard-tags-in-prod",
    description: "In prod, no taggable resource may lack a standard tag (provider defaults count), and every environment tag must name the stack's environment.",
    metadata: {
        cloud: "stack", service: "all", severity: "medium", topic: "operations", principle: "standard-tags",
        remediation: "create every resource under the stack's provider (default tags/labels) or pass ctx.tags; never override the environment tag",
        checkov: [],
        resourceTypes: ["(every taggable type)"],
        covers: ["aws", "azure", "gcp"],
    },
    configSchema: {
        properties: {
            environment: { type: "string", enum: ["dev", "staging", "prod"], default: "prod" },
            keys: { type: "array", items: { type: "string" } },
        },
    },
    validate: (resources, args, report) => {
        const config = args.getConfig<{ environment?: string; keys?: string[] }>();
        const environment = config.environment ?? "prod";
        const keys = config.keys ?? STANDARD_TAG_KEYS;
        for (const r of resources.filter((x) => isTaggable(x.type))) {
            const tags = effectiveTags(r.type, r.props, r.provider);
            const missing = keys.filter((k) => !(k in tags));
            if (missing.length) report(`${r.name} (${r.type}) lacks ${missing.join(", ")}.`, r.urn);
            else if ("environment" in tags && tags.environment !== environment) report(`${r.name} (${r.type}) is tagged environment=${String(tags.environment)}, not ${environment}.`, r.urn);
        }
    },
});
