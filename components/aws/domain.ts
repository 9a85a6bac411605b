import type { DomainOutputs, PlatformReference, StackContext } from "../core/contracts";

/** Composes the aws domain layer on the platform it references. */
export function domain(ctx: StackContext, platform: PlatformReference): DomainOutputs {
    throw new Error(`aws domain is being built (${ctx.config.environment}, ${platform.name})`);
}
