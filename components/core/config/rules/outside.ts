import type { ConfigProblem } from "../errors";
import { CONFIG_NAMESPACE } from "./key";

/** The namespace of credentials a component reads (encrypted values only). */
export const SECRETS_NAMESPACE = `${CONFIG_NAMESPACE}-secrets`;

/** The provider key that sets each cloud's region, and how the provider spells it. */
export const PROVIDER_REGION_KEYS: Record<string, string> = {
    aws: "aws:region",
    azure: "azure-native:location",
    gcp: "gcp:region",
};

/** Azure accepts `West Europe` and `westeurope` for the same location. */
function normaliseRegion(cloud: string, region: string): string {
    return cloud === "azure" ? region.toLowerCase().replace(/\s+/g, "") : region;
}

/**
 * Problems with keys outside `landing-zone:*` that the program depends on: a plaintext value in
 * `landing-zone-secrets:*` (it would sit unencrypted in the stack file and state), and a provider
 * region that disagrees with `landing-zone:region` (resources would land in the provider's region
 * while names, zones and policies follow `landing-zone:region`).
 */
export function outsideNamespaceProblems(allConfig: Record<string, string>, isSecret: (key: string) => boolean): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    for (const fullKey of Object.keys(allConfig).sort()) {
        if (fullKey.startsWith(`${SECRETS_NAMESPACE}:`) && !isSecret(fullKey)) {
            problems.push({
                path: fullKey,
                message: `is plaintext; remove it from the stack file and set it encrypted: pulumi config set --secret ${fullKey} <value>`,
            });
        }
    }
    const cloud = allConfig[`${CONFIG_NAMESPACE}:cloud`];
    const region = allConfig[`${CONFIG_NAMESPACE}:region`];
    const providerKey = PROVIDER_REGION_KEYS[cloud ?? ""];
    const providerRegion = providerKey ? allConfig[providerKey] : undefined;
    if (providerKey && providerRegion !== undefined && region !== undefined &&
        normaliseRegion(cloud, providerRegion) !== normaliseRegion(cloud, region)) {
        problems.push({
            path: providerKey,
            message: `is "${providerRegion}" but ${CONFIG_NAMESPACE}:region is "${region}"; they must agree ` +
                `(the provider creates resources in its region, names and zones follow ${CONFIG_NAMESPACE}:region)`,
        });
    }
    return problems;
}
