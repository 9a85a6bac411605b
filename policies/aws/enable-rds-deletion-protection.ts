import { resourcePolicy } from "../lib/define";

/** A prod database survives a mistaken `destroy` on both sides: Pulumi and AWS. */
export const policy = resourcePolicy({
    name: "enable-rds-deletion-protection",
    description: "RDS instances and clusters must have deletion protection and the Pulumi protect option.",
    metadata: {
        cloud: "aws", service: "rds", severity: "high", topic: "availability", principle: "deletion-protection",
        remediation: "set deletionProtection true and the resource option protect (database.deletionProtection, protectStateful)",
        checkov: ["CKV_AWS_293", "CKV_AWS_139"],
        resourceTypes: ["aws:rds/instance:Instance", "aws:rds/cluster:Cluster"],
    },
    validate: (props, args, report) => {
        if (props.deletionProtection !== true) report("deletionProtection is not true.");
        if (!args.opts.protect) report("the resource is not protected (protect option).");
    },
});
