import { resourcePolicy } from "../lib/define";
import { checkNaming, namedTypes, namingConfigSchema } from "../lib/names";

/** Physical names come from the naming module: deterministic, scoped by prefix and environment. */
export const policy = resourcePolicy({
    name: "require-aws-naming-convention",
    description: "AWS resources with a physical name must set it (no random suffix) following the naming module: <prefix>-<environment>-[<domain>-]... (from the policy config, else the resource's standard tags), within the cloud's length and character rules.",
    metadata: {
        cloud: "aws", service: "all", severity: "low", topic: "operations", principle: "naming-convention",
        remediation: "build the name with ctx.naming.physical(kind, ...) and pass it explicitly",
        checkov: [],
        resourceTypes: namedTypes("aws:"),
    },
    configSchema: namingConfigSchema,
    validate: checkNaming,
});
