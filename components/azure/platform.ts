import type { PlatformOutputs, StackContext } from "../core/contracts";

/** Composes the azure platform layer. */
export function platform(ctx: StackContext): PlatformOutputs {
    throw new Error(`azure platform is being built (${ctx.config.environment})`);
}
