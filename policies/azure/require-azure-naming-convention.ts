import { resourcePolicy } from "../lib/define";
import { checkName, namedTypes, namingConfigSchema, type NamingConfig } from "../lib/names";

/** Physical names come from the naming module: deterministic, scoped by prefix and environment. */
export const policy = resourcePolicy({
    name: "require-azure-naming-convention",
    description: "Azure resources with a physical name must set it (no random suffix) following the naming module: <prefix>-<environment>-..., within the cloud's length and character rules.",
    metadata: {
        cloud: "azure", service: "all", severity: "low", topic: "operations", principle: "naming-convention",
        remediation: "build the name with ctx.naming.physical(kind, ...) and pass it explicitly",
        checkov: [],
        resourceTypes: namedTypes("azure-native:"),
    },
    configSchema: namingConfigSchema,
    validate: (props, args, report) => checkName(args.type, props, args.getConfig<NamingConfig>(), report),
});
