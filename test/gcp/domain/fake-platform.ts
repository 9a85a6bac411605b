import * as pulumi from "@pulumi/pulumi";
import type { PlatformExports, PlatformReference } from "../../../components/core/contracts";
import { cannedInvokes } from "../../../tools/plan/invokes";
import { runOnMocks } from "../../../tools/mock-engine";
import { plainValue, Recorded, testContext } from "../../harness";
import type { StackConfig } from "../../../components/core/config/types";
import { domain } from "../../../components/gcp/domain";

export const HOST = "acme-prod-host-abc123";
export const DOMAIN_PROJECT = "acme-prod-orders-def456";
export const DATA_KEY = `projects/${HOST}/locations/europe-west1/keyRings/acme-prod/cryptoKeys/data`;
export const GEO_DATA_KEY = `projects/${HOST}/locations/europe/keyRings/acme-prod-eu/cryptoKeys/data`;
export const HOST_NUMBER = "123456789012";
/** The workload KSA's Workload Identity Federation principal the platform vended. */
export const WORKLOAD_PRINCIPAL = `principal://iam.googleapis.com/projects/${HOST_NUMBER}/locations/global/workloadIdentityPools/${HOST}.svc.id.goog/subject/ns/orders/sa/workload`;
export const DEPLOY_EMAIL = `acme-prod-orders-deploy@${DOMAIN_PROJECT}.iam.gserviceaccount.com`;
export const REPOSITORY_ID = `projects/${HOST}/locations/europe-west1/repositories/acme-prod`;

/** The pipeline block of the domain runs (GitHub: the only source gcp offers); a test may replace it. */
export const PIPELINE = { source: "external", repository: "acme/orders-service" } as const;

/** What a GCP platform stack exports, as plain values (all known, like after a deploy). */
export function fakeExports(extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        hierarchy: { mode: "create", rootId: "folders/1", environmentId: "folders/2", platformScope: HOST, domainScopes: { orders: DOMAIN_PROJECT } },
        network: { networkId: "vpc", cidr: "10.60.0.0/16", zones: ["europe-west1-b", "europe-west1-c", "europe-west1-d"], subnetIds: {}, subnetCidrs: {}, natGatewayCount: 1, egressZoneRedundant: true },
        cluster: { name: "acme-prod-gke", version: "1.34", endpoint: "10.0.0.2", kubeconfig: "apiVersion: v1", oidcIssuer: "https://container.googleapis.com/v1/x", nodeZones: [] },
        registry: { registryUrl: `europe-west1-docker.pkg.dev/${HOST}/acme-prod`, registryId: REPOSITORY_ID },
        keys: { keyIds: { data: DATA_KEY, logs: "l", cluster: "c", registry: "r" }, rotationDays: 365 },
        logging: { workspaceId: "w", archiveId: "a", retentionDays: 365 },
        domains: ["orders"],
        homes: {
            orders: {
                namespace: "orders", serviceAccountName: "workload", quota: "medium",
                workloadPrincipal: WORKLOAD_PRINCIPAL,
                deployPrincipal: DEPLOY_EMAIL,
                deployServiceAccountName: `projects/${DOMAIN_PROJECT}/serviceAccounts/${DEPLOY_EMAIL}`,
            },
        },
        extras: {
            hostProjectId: HOST,
            domainProjectIds: { orders: DOMAIN_PROJECT },
            networkSelfLink: `projects/${HOST}/global/networks/acme-prod-vpc`,
            subnetSelfLink: `projects/${HOST}/regions/europe-west1/subnetworks/acme-prod`,
            privateServicesRange: "acme-prod-psa",
            clusterLocation: "europe-west1",
            workloadPool: `${HOST}.svc.id.goog`,
            artifactRepositoryId: REPOSITORY_ID,
            folderIds: { root: "folders/1", environment: "folders/2" },
            geoDataKeyId: GEO_DATA_KEY,
            ...extra,
        },
    };
}

/** A PlatformReference over plain exports (the test's stand-in for the StackReference). */
export function fakePlatform(exports: Record<string, unknown> = fakeExports()): PlatformReference {
    return {
        name: "platform-gcp-prod",
        get: <K extends keyof PlatformExports>(key: K) => pulumi.output(exports[key]) as pulumi.Output<pulumi.Unwrap<PlatformExports[K]>>,
    };
}

const runs = new Map<string, Promise<Recorded & { outputs: Record<string, any> }>>();

/** The GCP domain layer for `config` on the fake platform, run on the mock engine (memoised: treat the result as read-only). */
export function runDomain(
    config: Partial<StackConfig> = {},
    options: { preview?: boolean; exports?: Record<string, unknown>; secrets?: Record<string, string> } = {},
): Promise<Recorded & { outputs: Record<string, any> }> {
    const key = JSON.stringify([config, options]);
    if (!runs.has(key)) runs.set(key, runDomainOnce(config, options));
    return runs.get(key)!;
}

async function runDomainOnce(
    config: Partial<StackConfig> = {},
    options: { preview?: boolean; exports?: Record<string, unknown>; secrets?: Record<string, string> } = {},
): Promise<Recorded & { outputs: Record<string, any> }> {
    const ctx = testContext({
        cloud: "gcp", layer: "domain", domain: "orders", environment: "prod", region: "europe-west1", owner: "orders-team",
        prefix: "acme", pipeline: PIPELINE, ...config,
    });
    const result = await runOnMocks(() => ({ ...domain(ctx, fakePlatform(options.exports ?? fakeExports())) }), {
        stack: "orders-gcp-test", config: { ...options.secrets }, secretKeys: Object.keys(options.secrets ?? {}),
        preview: options.preview ?? true, invokes: cannedInvokes,
    });
    return Object.assign(new Recorded(result.resources), { outputs: plainValue(result.outputs) as Record<string, any> });
}
