import * as pulumi from "@pulumi/pulumi";
import { type DomainOutputs, type PlatformReference, type StackContext, WORKLOAD_SERVICE_ACCOUNT } from "../core/contracts";
import { childName } from "../core/naming";
import { REDIS_PORT, SessionCache } from "./cache";
import { Database, POSTGRES_PORT } from "./database";
import { DomainKey } from "./domain-key";
import type { AwsPlatformExtras } from "./extras";
import type { AwsDomainHome } from "./home";
import { WorkloadIdentity } from "./identity";
import { DomainPipeline } from "./pipeline";
import { awsProvider, partitionOf, zoneNames } from "./provider";
import { WorkQueue } from "./queue";
import { ObjectStore } from "./storage";
import { Worker } from "./worker";
import { workerSecurityGroup } from "./worker-network";

/** The home the platform vended `domain` (namespace, ServiceAccount, workload and deploy roles). */
export function awsHome(platform: PlatformReference, domain: string): pulumi.Output<pulumi.Unwrap<AwsDomainHome>> {
    return platform.get("homes").apply((homes) => homes[domain] as pulumi.Unwrap<AwsDomainHome>);
}

/**
 * Composes the aws domain layer on the platform it references, through cloud APIs only: the
 * domain's key, bucket, queues, database (per data layout), session cache, the workload's
 * permissions on exactly those (on the role the platform bound to the namespace with EKS Pod
 * Identity), and CI/CD whose deploy step runs as the platform's namespace-scoped deploy role.
 * Everything the platform gives (VPC, subnets, node security group, cluster, the domain's home) is
 * read from its stack outputs; what decides which resources exist comes from this stack's config
 * only, so a preview (unknown outputs) plans the same.
 */
export function domain(ctx: StackContext, platform: PlatformReference): DomainOutputs {
    const cfg = ctx.config;
    const domainName = cfg.domain ?? "app";
    const home = awsHome(platform, domainName);
    // The namespace is the domain's name on every cloud (the platform vends it so).
    const namespace = domainName;
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
    // The worker's security group exists first: the database and cache admit it (worker.reachesData).
    const workerSg = cfg.worker.enabled && cfg.worker.reachesData ? workerSecurityGroup(childName(domainName, "worker"), {
        ctx, vpcId: extras.vpcId, vpcCidr: network.cidr, dataPorts: cfg.cache.enabled ? [POSTGRES_PORT, REDIS_PORT] : [POSTGRES_PORT],
    }, opts) : undefined;
    const placement = {
        ctx, zones, vpcId: extras.vpcId, vpcCidr: network.cidr, subnetIds: dataSubnets, nodeSecurityGroupId: extras.nodeSecurityGroupId, kmsKeyArn: key.arn,
        workerSecurityGroupId: workerSg?.id,
    };
    const database = new Database(childName(domainName, "database"), placement, opts).result;
    const cache = cfg.cache.enabled ? new SessionCache(childName(domainName, "cache"), placement, opts).result : undefined;

    const identity = new WorkloadIdentity(childName(domainName, "identity"), {
        ctx,
        home: {
            namespace,
            serviceAccountName: WORKLOAD_SERVICE_ACCOUNT,
            workloadRoleName: home.workloadRoleName,
            workloadPrincipal: home.workloadPrincipal,
        },
        access: {
            bucketArn: storage.bucket.arn,
            queueArn: queue.queue.arn,
            deadLetterQueueArn: queue.deadLetterQueue.arn,
            databaseConnectArns: database.connectArns,
            cacheArns: cache ? [cache.replicationGroup.arn, cache.appUser.arn] : [],
            kmsKeyArn: key.arn,
        },
    }, opts).result;

    const pipeline = cfg.pipeline.enabled
        ? new DomainPipeline(childName(domainName, "pipeline"), {
            ctx,
            namespace,
            kmsKeyArn: key.arn,
            logsKmsKeyArn: keys.keyIds.logs,
            accessLogBucket: extras.logArchiveBucket,
            clusterName: cluster.name,
            clusterArn: pulumi.interpolate`arn:${partitionOf(cfg.region)}:eks:${cfg.region}:${extras.accountId}:cluster/${cluster.name}`,
            deployRole: { name: home.deployRoleName, arn: home.deployPrincipal },
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

    const worker = cfg.worker.enabled ? new Worker(childName(domainName, "worker"), {
        ctx,
        access: {
            queueArn: queue.queue.arn,
            deadLetterQueueArn: queue.deadLetterQueue.arn,
            kmsKeyArn: key.arn,
            bucketArn: storage.bucket.arn,
            databaseConnectArns: cfg.worker.reachesData ? database.connectArns : [],
        },
        bucketName: storage.bucket.bucket,
        imageRepositoryUrl: pipeline?.imageRepository.repositoryUrl ??
            pulumi.interpolate`${extras.accountId}.dkr.ecr.${cfg.region}.amazonaws.com/${ctx.naming.physical("aws.ecrRepository", "app")}`,
        logsKmsKeyArn: keys.keyIds.logs,
        network: workerSg ? { privateSubnetIds: network.apply((n) => n.subnetIds.private), securityGroup: workerSg } : undefined,
    }, opts).result : undefined;

    return {
        namespace,
        identity: identity.outputs,
        database: database.outputs,
        objectStore: storage.outputs,
        queue: queue.outputs,
        // Absent capabilities are left out (an undefined stack output is only a warning).
        ...(cache ? { cache: cache.outputs } : {}),
        ...(pipeline ? { pipeline: pipeline.outputs } : {}),
        ...(worker ? { worker: worker.outputs } : {}),
    };
}
