import { resourcePolicy } from "../lib/define";
import { missingStandardTags, tagsConfigSchema } from "../lib/tags";
import { TAGGABLE_TYPES } from "../lib/taggable";

/** Cost, ownership and clean-up need the standard labels; the provider's default labels count. */
export const policy = resourcePolicy({
    name: "require-gcp-standard-labels",
    description: "Taggable GCP resources must carry the standard labels (landing-zone, environment, domain, owner, managed-by), counting the provider's defaultLabels.",
    metadata: {
        cloud: "gcp", service: "all", severity: "low", topic: "operations", principle: "standard-tags",
        remediation: "create resources with the stack's GCP provider (its defaultLabels hold the standard labels) or pass labels: gcpLabels(ctx.tags)",
        checkov: [],
        resourceTypes: [...TAGGABLE_TYPES].filter((t) => t.startsWith("gcp:")),
    },
    configSchema: tagsConfigSchema,
    validate: missingStandardTags("labels"),
});
