import type { PlatformOutputs, StackContext } from "../core/contracts";

/** Composes the gcp platform layer. */
export function platform(ctx: StackContext): PlatformOutputs {
    throw new Error(`gcp platform is being built (${ctx.config.environment})`);
}
