import { resourcePolicy } from "../lib/define";
import { missingStandardTags, tagsConfigSchema } from "../lib/tags";
import { TAGGABLE_TYPES } from "../lib/taggable";

/** Cost, ownership and clean-up need the standard tags; the provider's default tags count. */
export const policy = resourcePolicy({
    name: "require-aws-standard-tags",
    description: "Taggable AWS resources must carry the standard tags (landing-zone, environment, domain, owner, managed-by), counting the provider's defaultTags.",
    metadata: {
        cloud: "aws", service: "all", severity: "low", topic: "operations", principle: "standard-tags",
        remediation: "create resources with the stack's AWS provider (its defaultTags hold the standard tags) or pass tags: ctx.tags",
        checkov: [],
        resourceTypes: [...TAGGABLE_TYPES].filter((t) => t.startsWith("aws:")),
    },
    configSchema: tagsConfigSchema,
    validate: missingStandardTags("tags"),
});
