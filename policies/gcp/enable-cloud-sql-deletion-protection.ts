import { resourcePolicy } from "../lib/define";

/** A prod database survives a mistaken `destroy`: Pulumi protect, provider and Cloud SQL deletion protection. */
export const policy = resourcePolicy({
    name: "enable-cloud-sql-deletion-protection",
    description: "Cloud SQL instances must have deletion protection in Cloud SQL and the provider, and the Pulumi protect option.",
    metadata: {
        cloud: "gcp", service: "sql", severity: "high", topic: "availability", principle: "deletion-protection",
        remediation: "set settings.deletionProtectionEnabled true, deletionProtection true and the resource option protect (protectStateful)",
        checkov: [],
        resourceTypes: ["gcp:sql/databaseInstance:DatabaseInstance"],
    },
    validate: (props, args, report) => {
        if (props.deletionProtection === false) report("deletionProtection is false.");
        if (props.settings?.deletionProtectionEnabled !== true) report("settings.deletionProtectionEnabled is not true.");
        if (!args.opts.protect) report("the resource is not protected (protect option).");
    },
});
