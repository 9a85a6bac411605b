import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "../components/core/config/errors";
import type { ResolvedConfig } from "../components/core/config/presets";
import type { StackContext } from "../components/core/contracts";
import { Naming } from "../components/core/naming";
import { standardTags } from "../components/core/tags";
import { loadCloud } from "./clouds";
import { loadStackConfig } from "./config";
import { domainStack } from "./domain";
import { organizationStack } from "./organization";
import { platformStack } from "./platform";

export function stackContext(config: ResolvedConfig): StackContext {
    return {
        config,
        // The organization spans every environment: its names say `org` where others say the environment.
        naming: new Naming(config.prefix, config.layer === "organization" ? "org" : config.environment, config.region, config.domain),
        tags: standardTags(config),
    };
}

/**
 * The program: validate config (every problem at once, before any resource), pick layer x cloud,
 * compose the components, return the stack outputs. A domain stack first checks (through its
 * platform's StackReference) that its domain is registered, before registering anything else.
 */
export async function main(): Promise<Record<string, unknown>> {
    const config = loadStackConfig();
    const cloud = loadCloud(config.cloud, config.layer);
    if ("path" in cloud) throw new ConfigError([cloud], pulumi.getStack());
    const ctx = stackContext(config);
    const layers = { organization: organizationStack, platform: platformStack, domain: domainStack };
    const outputs = await layers[config.layer](cloud, ctx);
    return { layer: config.layer, cloud: config.cloud, environment: config.environment, ...outputs };
}
