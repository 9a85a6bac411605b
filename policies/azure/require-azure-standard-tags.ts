import { resourcePolicy } from "../lib/define";
import { missingStandardTags, tagsConfigSchema } from "../lib/tags";
import { TAGGABLE_TYPES } from "../lib/taggable";

/** Cost, ownership and clean-up need the standard tags; azure-native has no provider defaults. */
export const policy = resourcePolicy({
    name: "require-azure-standard-tags",
    description: "Taggable Azure resources must carry the standard tags (landing-zone, environment, domain, owner, managed-by), on the resource itself (azure-native has no provider default tags).",
    metadata: {
        cloud: "azure", service: "all", severity: "low", topic: "operations", principle: "standard-tags",
        remediation: "pass tags: ctx.tags on every taggable resource",
        checkov: [],
        resourceTypes: [...TAGGABLE_TYPES].filter((t) => t.startsWith("azure-native:")),
    },
    configSchema: tagsConfigSchema,
    validate: missingStandardTags("tags"),
});
