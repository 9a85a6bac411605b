/**
 * Runs the azure platform stack program with a config of the test's own (the sample's keys plus
 * overrides), memoised per config and mode, and returns what it registered.
 */
import type { StackConfig } from "../../../components/core/config/types";
import { plainValue, Recorded, runStackConfig, type RunResult } from "../../harness";

export const TENANT = "00000000-0000-0000-0000-000000000001";
export const SUBSCRIPTION = "00000000-0000-0000-0000-000000000003";
export const ADMIN_GROUP = "00000000-0000-0000-0000-0000000000aa";
/** Entra groups of the `orders` domain's personas (prod). */
export const DOMAIN_ADMINS = "00000000-0000-0000-0000-0000000000da";
export const DOMAIN_READERS = "00000000-0000-0000-0000-0000000000dr";

export function baseConfig(environment: "dev" | "prod"): Partial<StackConfig> & Record<string, unknown> {
    return {
        layer: "platform",
        cloud: "azure",
        environment,
        prefix: "acme",
        region: "westeurope",
        owner: "platform-team",
        hierarchy: environment === "prod" ? { mode: "create", parentId: TENANT } : { mode: "skip" },
        domains: environment === "prod"
            ? { orders: { quota: "large", admins: [DOMAIN_ADMINS], readers: [DOMAIN_READERS] }, payments: {} }
            : { orders: {} },
        network: { cidr: "10.40.0.0/16" },
        cluster: { apiAccess: "in-network" },
        azure: { tenantId: TENANT, subscriptionId: SUBSCRIPTION, adminGroupObjectIds: [ADMIN_GROUP] },
    };
}

export interface PlatformRun {
    rec: Recorded;
    result: RunResult;
    outputs: Record<string, any>;
}

const runs = new Map<string, Promise<PlatformRun>>();

/** The platform stack for `environment` with `overrides` merged over the base config (top-level keys replaced). */
export function runPlatform(environment: "dev" | "prod", overrides: Record<string, unknown> = {}, options: { preview?: boolean } = {}): Promise<PlatformRun> {
    const config = { ...baseConfig(environment), ...overrides };
    const key = JSON.stringify([config, options.preview ?? true]);
    if (!runs.has(key)) {
        runs.set(key, runStackConfig(`platform-azure-${environment}`, config, {
            preview: options.preview,
            extra: { "azure-native:location": "westeurope" },
        }).then((result) => ({ rec: new Recorded(result.resources), result, outputs: plainValue(result.outputs) as Record<string, any> })));
    }
    return runs.get(key)!;
}

/** The id the mock engine gives a resource in a `{ preview: false }` run. */
export { fabricatedId } from "../../../tools/mock-engine";
