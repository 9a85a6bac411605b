import { stackPolicy } from "../lib/define";
import { STATEFUL_TYPES } from "../lib/stateful";

/** `pulumi destroy` or a rename cannot delete data: stateful resources carry `protect`. */
export const policy = stackPolicy({
    name: "require-protect-on-stateful-resources",
    description: "Stateful resources (databases, buckets, queues, keys, registries, log archives, projects, accounts) must have the protect option.",
    metadata: {
        cloud: "stack", service: "all", severity: "high", topic: "availability", principle: "deletion-protection",
        remediation: "create the resource with { protect: ctx.config.protectStateful }",
        checkov: [],
        resourceTypes: STATEFUL_TYPES,
        covers: ["aws", "azure", "gcp"],
    },
    validate: (resources, _args, report) => {
        for (const r of resources.filter((x) => STATEFUL_TYPES.includes(x.type))) {
            if (!r.opts.protect) report(`${r.type.split(":").pop()} ${r.name} is not protected.`, r.urn);
        }
    },
});
