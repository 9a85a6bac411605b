import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { CacheOutputs } from "../core/contracts";
import { childName } from "../core/naming";
import { sizeFor } from "../core/sizes";
import type { DataPlacementArgs } from "./database";

export const REDIS_PORT = 6379;
/** Redis 7 is the first with IAM authentication for RBAC users. */
const REDIS_VERSION = "7.1";
/** What the application user may do: everything a session store needs, no admin or dangerous commands. */
export const APP_ACCESS_STRING = "on ~* +@all -@admin -@dangerous";
/** The group's mandatory `default` user, switched off: nobody can connect without an identity. */
export const DEFAULT_USER_ACCESS_STRING = "off -@all";

export type SessionCacheArgs = DataPlacementArgs;

export interface SessionCacheResult {
    replicationGroup: aws.elasticache.ReplicationGroup;
    securityGroup: aws.ec2.SecurityGroup;
    /** The RBAC user the workload connects as (IAM authentication: no password exists). */
    appUser: aws.elasticache.User;
    outputs: CacheOutputs;
}

/**
 * The session cache: an ElastiCache Redis replication group in the data subnets, reachable only
 * from the cluster nodes, encrypted at rest (domain key) and in transit (TLS required). Access is
 * RBAC with IAM authentication: the workload's role gets `elasticache:Connect` and signs a
 * short-lived token, so no AUTH password exists anywhere; the group's `default` user is off.
 * With `cache.replicas` > 0 the replicas sit in other zones with Multi-AZ and automatic failover.
 */
export function createSessionCache(name: string, parent: pulumi.Resource, args: SessionCacheArgs): SessionCacheResult {
    const { ctx, zones } = args;
    const cfg = ctx.config.cache;
    const prod = ctx.config.environment === "prod";
    const opts = { parent };
    const ha = cfg.replicas > 0;

    const subnetGroup = new aws.elasticache.SubnetGroup(childName(name, "subnets"), {
        name: ctx.naming.physical("aws.elasticache", "cache"),
        description: "Data-tier subnets of the platform network",
        subnetIds: args.subnetIds,
    }, opts);
    const securityGroup = new aws.ec2.SecurityGroup(childName(name, "sg"), {
        name: ctx.naming.physical("aws.generic", "cache"),
        description: "Redis: admits only the cluster nodes",
        vpcId: args.vpcId,
        ingress: [{
            description: "Redis (TLS) from the cluster nodes",
            protocol: "tcp",
            fromPort: REDIS_PORT,
            toPort: REDIS_PORT,
            securityGroups: [args.nodeSecurityGroupId],
        }, ...(args.workerSecurityGroupId ? [{
            description: "Redis (TLS) from the domain worker",
            protocol: "tcp",
            fromPort: REDIS_PORT,
            toPort: REDIS_PORT,
            securityGroups: [args.workerSecurityGroupId],
        }] : [])],
        egress: [],
    }, opts);

    // IAM authentication needs user id == user name.
    const appUserId = ctx.naming.physical("aws.elasticache", "app");
    const appUser = new aws.elasticache.User(childName(name, "app-user"), {
        userId: appUserId,
        userName: appUserId,
        engine: "redis",
        accessString: APP_ACCESS_STRING,
        authenticationMode: { type: "iam" },
    }, opts);
    const defaultUser = new aws.elasticache.User(childName(name, "default-user"), {
        userId: ctx.naming.physical("aws.elasticache", "default"),
        userName: "default",
        engine: "redis",
        accessString: DEFAULT_USER_ACCESS_STRING,
        authenticationMode: { type: "no-password-required" },
    }, opts);
    const userGroup = new aws.elasticache.UserGroup(childName(name, "users"), {
        userGroupId: ctx.naming.physical("aws.elasticache", "users"),
        engine: "redis",
        userIds: [defaultUser.userId, appUser.userId],
    }, opts);

    const replicationGroup = new aws.elasticache.ReplicationGroup(childName(name, "redis"), {
        replicationGroupId: ctx.naming.physical("aws.elasticache", "cache"),
        description: "Session cache",
        engine: "redis",
        engineVersion: REDIS_VERSION,
        nodeType: sizeFor("aws", cfg.size).cache,
        port: REDIS_PORT,
        numCacheClusters: 1 + cfg.replicas,
        preferredCacheClusterAzs: Array.from({ length: 1 + cfg.replicas }, (_, i) => zones[i % zones.length]),
        automaticFailoverEnabled: ha,
        multiAzEnabled: ha,
        subnetGroupName: subnetGroup.name,
        securityGroupIds: [securityGroup.id],
        atRestEncryptionEnabled: true,
        kmsKeyId: args.kmsKeyArn,
        transitEncryptionEnabled: true,
        transitEncryptionMode: "required",
        userGroupIds: [userGroup.userGroupId],
        autoMinorVersionUpgrade: true,
        snapshotRetentionLimit: prod ? 7 : 1,
        snapshotWindow: "01:00-02:00",
        maintenanceWindow: "sun:04:30-sun:05:30",
    }, opts);

    return {
        replicationGroup,
        securityGroup,
        appUser,
        outputs: {
            endpoint: replicationGroup.primaryEndpointAddress,
            port: REDIS_PORT,
            authReference: appUser.userName,
            replicas: cfg.replicas,
            tls: true,
        },
    };
}

/** A domain's session cache (`landing-zone:aws:SessionCache`). */
export class SessionCache extends pulumi.ComponentResource {
    readonly result: SessionCacheResult;

    constructor(name: string, args: SessionCacheArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:aws:SessionCache", name, {}, opts);
        this.result = createSessionCache(name, this, args);
        this.registerOutputs({ endpoint: this.result.outputs.endpoint });
    }
}
