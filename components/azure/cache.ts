import * as redis from "@pulumi/azure-native/redis";
import * as pulumi from "@pulumi/pulumi";
import type { CacheOutputs, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { sizeFor } from "../core/sizes";
import { createPrivateEndpoint } from "./private-access";

/** Azure Cache for Redis listens for TLS on 6380 (the non-TLS 6379 stays closed). */
export const REDIS_TLS_PORT = 6380;

export interface CacheArgs {
    ctx: StackContext;
    resourceGroupName: pulumi.Input<string>;
    privateEndpointSubnetId: pulumi.Input<string>;
    /** The platform's `privatelink.redis.cache.windows.net` zone. */
    redisDnsZoneId: pulumi.Input<string>;
    /** The Entra principal (workload identity client id) clients authenticate as: the cache has no keys. */
    authPrincipal: pulumi.Input<string>;
}

/** SKU, capacity, replicas and zones of the cache from `cache.size` / `cache.replicas` and the environment. */
export function cachePlan(ctx: StackContext) {
    const size = sizeFor("azure", ctx.config.cache.size);
    const asked = ctx.config.cache.replicas;
    // Basic is one node (no replica); Standard is a primary + one replica (fixed); Premium takes
    // 1..3 replicas per primary. The tier follows the replicas asked for, then the size.
    const name: "Basic" | "Standard" | "Premium" = asked === 0 ? "Basic"
        : asked > 1 || size.cache === "Premium" ? "Premium" : "Standard";
    const premium = name === "Premium";
    const replicas = premium ? Math.min(asked, 3) : name === "Standard" ? 1 : 0;
    const zoneCount = Math.min(ctx.config.network.zones, replicas + 1);
    const zones = premium && ctx.config.environment === "prod" && zoneCount > 1 ? ["1", "2", "3"].slice(0, zoneCount) : [];
    return {
        sku: { name, family: premium ? "P" : "C", capacity: size.cacheCapacity ?? 1 },
        premium,
        replicas,
        zones,
    };
}

/**
 * The domain's session cache: Azure Cache for Redis with TLS 1.2 only, the non-TLS port off,
 * Microsoft Entra authentication with access keys disabled, public network access off and a
 * private endpoint; Premium with replicas spread over zones in prod.
 */
export class SessionCache extends pulumi.ComponentResource {
    readonly result: ReturnType<typeof createSessionCache>;

    constructor(name: string, args: CacheArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:azure:SessionCache", name, {}, opts);
        this.result = createSessionCache(name, this, args);
        this.registerOutputs({ hostName: this.result.outputs.endpoint });
    }
}

export function createSessionCache(name: string, parent: pulumi.Resource, args: CacheArgs) {
    const { ctx } = args;
    const plan = cachePlan(ctx);
    const cacheName = ctx.naming.physical("azure.redisCache", "sessions");
    const cache = new redis.Redis(childName(name, "redis"), {
        resourceGroupName: args.resourceGroupName,
        name: cacheName,
        sku: plan.sku,
        redisVersion: "6",
        enableNonSslPort: false,
        minimumTlsVersion: "1.2",
        publicNetworkAccess: "Disabled",
        disableAccessKeyAuthentication: true,
        redisConfiguration: { aadEnabled: "true" },
        replicasPerPrimary: plan.premium ? plan.replicas : undefined,
        zones: plan.zones.length > 0 ? plan.zones : undefined,
        zonalAllocationPolicy: plan.zones.length > 0 ? "UserDefined" : undefined,
        tags: ctx.tags,
    }, { parent });

    const privateEndpoint = createPrivateEndpoint(childName(name, "redis"), parent, {
        resourceGroupName: args.resourceGroupName,
        endpointName: ctx.naming.physical("azure.generic", "sessions", "pe"),
        subnetId: args.privateEndpointSubnetId,
        targetId: cache.id,
        groupId: "redisCache",
        dnsZoneId: args.redisDnsZoneId,
        tags: ctx.tags,
    });

    const outputs: CacheOutputs = {
        endpoint: pulumi.output(`${cacheName}.redis.cache.windows.net`),
        port: REDIS_TLS_PORT,
        // No key to keep: clients authenticate with the workload identity's Entra token.
        authReference: pulumi.output(args.authPrincipal),
        replicas: plan.replicas,
        tls: true,
    };
    return { cache, privateEndpoint, cacheName, outputs };
}
