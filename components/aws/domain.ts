import * as pulumi from "@pulumi/pulumi";
import type { DomainOutputs, PlatformReference, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { NamespaceBaseline, NAMESPACE_QUOTAS } from "../kubernetes/namespace-baseline";
import { clusterProvider } from "../kubernetes/provider";
import { REDIS_PORT, SessionCache } from "./cache";
import { Database, POSTGRES_PORT } from "./database";
import { DomainKey } from "./domain-key";
import type { AwsPlatformExtras } from "./extras";
import { WorkloadIdentity } from "./identity";
import { DomainPipeline } from "./pipeline";
import { awsProvider, partitionOf, zoneNames } from "./provider";
import { WorkQueue } from "./queue";
import { ObjectStore } from "./storage";

/** The instance metadata endpoint: pods use IRSA, never the node's role. */
const METADATA_CIDR = "169.254.169.254/32";

/**
 * Composes the aws domain layer on the platform it references: the domain's key, bucket, queues,
 * database (per data layout), session cache, workload identity (IRSA), namespace baseline on the
 * shared cluster, and CI/CD into that namespace. Everything the platform gives (VPC, subnets, node
 * security group, OIDC provider, cluster) is read from its stack outputs; what decides which
 * resources exist comes from this stack's config only, so a preview (unknown outputs) plans the same.
 */
export function domain(ctx: StackContext, platform: PlatformReference): DomainOutputs {
    const cfg = ctx.config;
    const domainName = cfg.domain ?? "app";
    const namespace = domainName;
    const serviceAccountName = childName(domainName, "workload");
    const zones = zoneNames(ctx);

    const extras = platform.get("extras") as unknown as pulumi.Output<pulumi.Unwrap<AwsPlatformExtras>>;
    const network = platform.get("network");
    const cluster = platform.get("cluster");
    const keys = platform.get("keys");
    const dataSubnets = network.apply((n) => n.subnetIds.data);

    const provider = awsProvider(ctx);
    const opts = { provider };

    const key = new DomainKey(childName(domainName, "key"), { ctx }, opts).result.key;
    const storage = new ObjectStore(childName(domainName, "storage"), {
        ctx, kmsKeyArn: key.arn, accessLogBucket: extras.logArchiveBucket,
    }, opts).result;
    const queue = new WorkQueue(childName(domainName, "queue"), { ctx, kmsKeyArn: key.arn }, opts).result;
    const placement = {
        ctx, zones, vpcId: extras.vpcId, vpcCidr: network.cidr, subnetIds: dataSubnets, nodeSecurityGroupId: extras.nodeSecurityGroupId, kmsKeyArn: key.arn,
    };
    const database = new Database(childName(domainName, "database"), placement, opts).result;
    const cache = cfg.cache.enabled ? new SessionCache(childName(domainName, "cache"), placement, opts).result : undefined;

    const identity = new WorkloadIdentity(childName(domainName, "identity"), {
        ctx,
        namespace,
        serviceAccountName,
        oidcProviderArn: extras.oidcProviderArn,
        oidcProviderUrl: extras.oidcProviderUrl,
        access: {
            bucketArn: storage.bucket.arn,
            queueArn: queue.queue.arn,
            deadLetterQueueArn: queue.deadLetterQueue.arn,
            databaseConnectArns: database.connectArns,
            cacheArns: cache ? [cache.replicationGroup.arn, cache.appUser.arn] : [],
            kmsKeyArn: key.arn,
        },
    }, opts).result;

    const k8sProvider = clusterProvider(childName(domainName, "k8s"), cluster.kubeconfig);
    const labels = ctx.tags;
    new NamespaceBaseline(childName(domainName, "baseline"), {
        namespace,
        labels,
        quota: NAMESPACE_QUOTAS[cfg.environment],
        serviceAccount: {
            name: serviceAccountName,
            annotations: { "eks.amazonaws.com/role-arn": identity.role.arn, "eks.amazonaws.com/sts-regional-endpoints": "true" },
        },
        egress: [
            // The database and cache live in the platform network's data subnets.
            { cidr: network.cidr, ports: cache ? [POSTGRES_PORT, REDIS_PORT] : [POSTGRES_PORT] },
            // AWS APIs (STS, S3, SQS, Secrets Manager) over HTTPS; never the node's metadata endpoint.
            { cidr: "0.0.0.0/0", ports: [443], except: [METADATA_CIDR] },
        ],
    }, { provider: k8sProvider });

    const pipeline = cfg.pipeline.enabled
        ? new DomainPipeline(childName(domainName, "pipeline"), {
            ctx,
            namespace,
            kmsKeyArn: key.arn,
            logsKmsKeyArn: keys.keyIds.logs,
            accessLogBucket: extras.logArchiveBucket,
            clusterName: cluster.name,
            clusterArn: pulumi.interpolate`arn:${partitionOf(cfg.region)}:eks:${cfg.region}:${extras.accountId}:cluster/${cluster.name}`,
            deployNetwork: {
                accountId: extras.accountId,
                vpcId: extras.vpcId,
                privateSubnetIds: network.apply((n) => n.subnetIds.private),
                clusterSecurityGroupId: extras.apply((e) => e.clusterSecurityGroupId ?? ""),
            },
            database: {
                name: database.outputs.databaseName,
                targets: database.shards.map((shard, i) => ({ host: shard.primary.address, secretArn: database.secretArns[i] })),
                clientSecurityGroup: database.clientSecurityGroup,
            },
        }, opts).result
        : undefined;

    return {
        namespace,
        identity: identity.outputs,
        database: database.outputs,
        objectStore: storage.outputs,
        queue: queue.outputs,
        // Absent capabilities are left out (an undefined stack output is only a warning).
        ...(cache ? { cache: cache.outputs } : {}),
        ...(pipeline ? { pipeline: pipeline.outputs } : {}),
    };
}
