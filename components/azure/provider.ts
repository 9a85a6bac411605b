import * as azure from "@pulumi/azure-native/provider";
import type { StackContext } from "../core/contracts";

/**
 * The stack's azure-native provider: location and subscription from config. azure-native has no
 * provider-level default tags; components pass `tags: ctx.tags` on every taggable resource.
 */
export function azureProvider(ctx: StackContext): azure.Provider {
    return new azure.Provider("azure-native", {
        location: ctx.config.region,
        subscriptionId: ctx.config.azure.subscriptionId,
        tenantId: ctx.config.azure.tenantId,
    });
}
