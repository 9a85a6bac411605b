import type { DomainOutputs, PlatformReference, StackContext } from "../core/contracts";

/** Composes the azure domain layer on the platform it references. */
export function domain(ctx: StackContext, platform: PlatformReference): DomainOutputs {
    throw new Error(`azure domain is being built (${ctx.config.environment}, ${platform.name})`);
}
