import * as pulumi from "@pulumi/pulumi";
import type { ResolvedConfig } from "../components/core/config/presets";
import { projectConfigFrom, validateStackConfig } from "../components/core/config/validate";

/** Reads this stack's `landing-zone:*` config and validates it; throws ConfigError listing every problem. */
export function loadStackConfig(): ResolvedConfig {
    return validateStackConfig(projectConfigFrom(pulumi.runtime.allConfig()), pulumi.getStack());
}
