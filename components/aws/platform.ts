import type { PlatformOutputs, StackContext } from "../core/contracts";

/** Composes the aws platform layer. */
export function platform(ctx: StackContext): PlatformOutputs {
    throw new Error(`aws platform is being built (${ctx.config.environment})`);
}
