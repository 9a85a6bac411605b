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

/**
 * The provider of one subscription the organization stack manages (placement in the management
 * group tree, Defender plans, security contacts), made here and only here.
 */
export function subscriptionProvider(ctx: StackContext, subscriptionId: string): azure.Provider {
    return new azure.Provider(`azure-native-${subscriptionId}`, {
        location: ctx.config.region,
        subscriptionId,
        tenantId: ctx.config.azure.tenantId,
    });
}
