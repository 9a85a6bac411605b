import type { PlatformExports, StackContext } from "../components/core/contracts";
import type { CloudLandingZone } from "../components/core/contracts";

/** The platform layer: hierarchy, network, cluster, registry, keys, logging. Returns the stack outputs. */
export function platformStack(cloud: CloudLandingZone, ctx: StackContext): PlatformExports {
    const outputs = cloud.platform(ctx);
    const { provider: _provider, ...cluster } = outputs.cluster;
    return { ...outputs, cluster };
}
