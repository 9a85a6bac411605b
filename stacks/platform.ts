import * as pulumi from "@pulumi/pulumi";
import type { CloudLandingZone, OrganizationExports, OrganizationReference, PlatformExports, StackContext } from "../components/core/contracts";

/** A typed view of the organization stack's outputs, read through a StackReference. */
export function organizationReference(name: string): OrganizationReference {
    const ref = new pulumi.StackReference(name);
    return {
        name,
        get: <K extends keyof OrganizationExports>(key: K) =>
            ref.requireOutput(key) as pulumi.Output<pulumi.Unwrap<OrganizationExports[K]>>,
    };
}

/** The platform layer: hierarchy, network, cluster, registry, keys, logging. Returns the stack outputs. */
export function platformStack(cloud: CloudLandingZone, ctx: StackContext): PlatformExports {
    const organization = ctx.config.organizationStack ? organizationReference(ctx.config.organizationStack) : undefined;
    const outputs = cloud.platform(ctx, organization);
    const { provider: _provider, ...cluster } = outputs.cluster;
    return { ...outputs, cluster };
}
