import { resourcePolicy } from "../lib/define";
import { checkNaming, namedTypes, namingConfigSchema } from "../lib/names";

/** Physical names come from the naming module: deterministic, scoped by prefix and environment. */
export const policy = resourcePolicy({
    name: "require-azure-naming-convention",
    description: "Azure resources with a physical name must set it (no random suffix) following the naming module: <prefix>-<environment>-[<domain>-]... (from the policy config, else the resource's standard tags), within the cloud's length and character rules.",
    metadata: {
        cloud: "azure", service: "all", severity: "low", topic: "operations", principle: "naming-convention",
        remediation: "build the name with ctx.naming.physical(kind, ...) and pass it explicitly",
        checkov: [],
        resourceTypes: namedTypes("azure-native:"),
    },
    configSchema: namingConfigSchema,
    validate: checkNaming,
});
