import type { PolicyProviderResource } from "@pulumi/policy";

/** The provider input that holds the region, per provider package. */
const REGION_INPUT: Record<string, string> = {
    "pulumi:providers:aws": "region",
    "pulumi:providers:gcp": "region",
    "pulumi:providers:azure-native": "location",
};

/**
 * The region a resource's provider deploys to (the stack's region: config validation requires the
 * provider region to equal `landing-zone:region`), or undefined when the provider does not say.
 */
export function providerRegion(provider: PolicyProviderResource | undefined): string | undefined {
    const key = provider ? REGION_INPUT[provider.type] : undefined;
    if (!provider || !key || !(key in provider.props)) return undefined;
    const value = provider.props[key];
    return typeof value === "string" ? value : undefined;
}
