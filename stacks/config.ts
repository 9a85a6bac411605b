import * as pulumi from "@pulumi/pulumi";
import * as runtimeConfig from "@pulumi/pulumi/runtime/config";
import type { ResolvedConfig } from "../components/core/config/presets";
import { validateAllConfig } from "../components/core/config/validate";

/**
 * Whether the engine passed a config key as a secret (the CLI lists the stack's `secure:` keys in
 * PULUMI_CONFIG_SECRET_KEYS; the SDK's reader is internal, so not in its typings).
 */
const isConfigSecret = (runtimeConfig as unknown as { isConfigSecret(key: string): boolean }).isConfigSecret;

/** Reads this stack's config (`landing-zone:*`, secrets, provider region) and validates it; throws ConfigError listing every problem. */
export function loadStackConfig(): ResolvedConfig {
    return validateAllConfig(pulumi.runtime.allConfig(), isConfigSecret, pulumi.getStack());
}
