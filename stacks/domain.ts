import * as pulumi from "@pulumi/pulumi";
import type { CloudLandingZone, DomainOutputs, PlatformExports, PlatformReference, StackContext } from "../components/core/contracts";

/** A typed view of the platform stack's outputs, read through a StackReference. */
export function platformReference(name: string): PlatformReference {
    const ref = new pulumi.StackReference(name);
    return {
        name,
        get: <K extends keyof PlatformExports>(key: K) =>
            ref.requireOutput(key) as pulumi.Output<pulumi.Unwrap<PlatformExports[K]>>,
    };
}

/** The domain layer: namespace baseline, identity, database, storage, queue, cache, pipeline. */
export function domainStack(cloud: CloudLandingZone, ctx: StackContext): DomainOutputs {
    return cloud.domain(ctx, platformReference(ctx.config.platformStack));
}
