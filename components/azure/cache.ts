import * as redisenterprise from "@pulumi/azure-native/redisenterprise";
import * as pulumi from "@pulumi/pulumi";
import type { CacheOutputs, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { sizeFor } from "../core/sizes";
import { createPrivateEndpoint } from "./private-access";

/** Azure Managed Redis serves its database on one TLS port (Enterprise clustering: no per-shard ports). */
export const REDIS_TLS_PORT = 10000;

/** Azure Managed Redis has one database per cluster, and it must be named `default`. */
export const REDIS_DATABASE = "default";

/** The built-in data access policy (the only one Azure Managed Redis offers): read/write on every key. */
export const REDIS_ACCESS_POLICY = "default";

/** Private link sub-resource of an Azure Managed Redis cluster (zone `privatelink.redis.azure.net`). */
export const REDIS_PRIVATE_LINK_GROUP = "redisEnterprise";

export interface CacheArgs {
    ctx: StackContext;
    resourceGroupName: pulumi.Input<string>;
    privateEndpointSubnetId: pulumi.Input<string>;
    /** The platform's `privatelink.redis.azure.net` zone. */
    redisDnsZoneId: pulumi.Input<string>;
    /** Client id of the Entra principal clients authenticate as (the credentials reference: the cache has no keys). */
    authPrincipal: pulumi.Input<string>;
    /** Object (principal) id of that principal: it gets the data access policy on the database. */
    principalId: pulumi.Input<string>;
}

/** SKU, high availability and zones of the cache from `cache.size` / `cache.replicas` and the network. */
export function cachePlan(ctx: StackContext) {
    const sku = sizeFor("azure", ctx.config.cache.size).cache ?? "Balanced_B1";
    // Azure Managed Redis has no replica count: high availability is one replica of each shard on
    // another node (in another zone where the region has zones). Any replica asked for turns it on.
    const highAvailability = ctx.config.cache.replicas > 0;
    const zoneCount = ctx.config.network.zones;
    const zones = highAvailability && zoneCount > 1 ? ["1", "2", "3"].slice(0, zoneCount) : [];
    return { sku, highAvailability, replicas: highAvailability ? 1 : 0, zones };
}

/**
 * The domain's session cache on Azure Managed Redis: a cluster (Balanced SKU, TLS 1.2, public
 * network access off, high availability across zones when replicas are asked for) with one
 * database (TLS only on port 10000, access keys off: Microsoft Entra ID only), the workload's data
 * access policy assignment, and a private endpoint in the platform's `privatelink.redis.azure.net` zone.
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
    const clusterName = ctx.naming.physical("azure.managedRedis", "sessions");
    const cluster = new redisenterprise.RedisEnterprise(childName(name, "redis"), {
        resourceGroupName: args.resourceGroupName,
        clusterName,
        location: ctx.config.region,
        sku: { name: plan.sku },
        highAvailability: plan.highAvailability ? "Enabled" : "Disabled",
        minimumTlsVersion: "1.2",
        publicNetworkAccess: "Disabled",
        zones: plan.zones.length > 0 ? plan.zones : undefined,
        tags: ctx.tags,
    }, { parent });

    const database = new redisenterprise.Database(childName(name, "redis-db"), {
        resourceGroupName: args.resourceGroupName,
        clusterName: cluster.name,
        databaseName: REDIS_DATABASE,
        port: REDIS_TLS_PORT,
        clientProtocol: "Encrypted",
        // One endpoint on one port, no cluster-aware client needed; sessions expire, so evict by TTL.
        clusteringPolicy: "EnterpriseCluster",
        evictionPolicy: "VolatileLRU",
        accessKeysAuthentication: "Disabled",
    }, { parent });

    // The workload's data access (Entra ID): on this database only. Names the cluster and database
    // through their outputs, so it waits for both (the cluster takes many minutes to create).
    const access = new redisenterprise.AccessPolicyAssignment(childName(name, "redis-access"), {
        resourceGroupName: args.resourceGroupName,
        clusterName: cluster.name,
        databaseName: database.name,
        accessPolicyAssignmentName: "workload",
        accessPolicyName: REDIS_ACCESS_POLICY,
        user: { objectId: args.principalId },
    }, { parent });

    const privateEndpoint = createPrivateEndpoint(childName(name, "redis"), parent, {
        resourceGroupName: args.resourceGroupName,
        endpointName: ctx.naming.physical("azure.generic", "sessions", "pe"),
        subnetId: args.privateEndpointSubnetId,
        targetId: cluster.id,
        groupId: REDIS_PRIVATE_LINK_GROUP,
        dnsZoneId: args.redisDnsZoneId,
        tags: ctx.tags,
    });

    const outputs: CacheOutputs = {
        // The cluster's own host name (`<name>.<region>.redis.azure.net`): known once it exists.
        endpoint: cluster.hostName,
        port: REDIS_TLS_PORT,
        // No key to keep: clients authenticate with the workload identity's Entra token.
        authReference: pulumi.output(args.authPrincipal),
        replicas: plan.replicas,
        tls: true,
    };
    return { cluster, database, access, privateEndpoint, clusterName, outputs };
}
