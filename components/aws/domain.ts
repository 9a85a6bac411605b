import * as pulumi from "@pulumi/pulumi";
import { type DomainOutputs, type OrganizationReference, type PlatformReference, type StackContext, WORKLOAD_SERVICE_ACCOUNT } from "../core/contracts";
import { childName } from "../core/naming";
import { REDIS_PORT, SessionCache } from "./cache";
import { Database, POSTGRES_PORT } from "./database";
import { platformBuildRoleArns } from "./build-contract";
import { DomainAccessLogs } from "./domain-access-logs";
import { DomainKey } from "./domain-key";
import { nodeRoleName, platformNamingOf } from "./image-pull";
import type { AwsPlatformExtras } from "./extras";
import type { AwsDomainHome } from "./home";
import { WorkloadIdentity } from "./identity";
import { organizationScope } from "./organization-scope";
import { DomainPipeline } from "./pipeline";
import { appRepositoryName } from "./pipeline/artifacts";
import { awsProvider, partitionOf, zoneNames } from "./provider";
import { WorkQueue } from "./queue";
import { ObjectStore } from "./storage";
import { Worker, workerFunctionName } from "./worker";
import { workerSecurityGroup } from "./worker-network";
import { roleArn } from "./iam";
import { DomainWorkloadRole } from "./workload-role";

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
 *
 * With an organization stack (`organizationStack`) the domain runs in its own account, as the
 * organization recorded it (the provider refuses any other): its data services and worker sit in
 * the platform VPC's subnets the platform shared with that account through RAM, behind its own
 * security groups that reference the cluster nodes' group as `<platform account>/<group id>`, and it
 * creates the workload role itself, as the target of the platform's Pod Identity association. Its
 * pipeline's database and deploy builds run in the platform's account, which the platform vended
 * for it (`homes.<domain>.builds`): CodeBuild does not run in shared subnets.
 */
export function domain(ctx: StackContext, platform: PlatformReference, organization?: OrganizationReference): DomainOutputs {
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
    const scope = organization ? organizationScope(ctx, organization) : undefined;
    const ownAccount = scope?.domainAccountId(domainName);
    // In its own account the domain uses what the platform shared with it; otherwise the platform's subnets.
    const shared = (tier: "data" | "private") => home.apply((h) => {
        const ids = h.sharedSubnetIds?.[tier];
        if (!ids) throw new Error(`platform stack ${platform.name} shares no subnets with domain ${domainName}'s account: set landing-zone:organizationStack on the platform stack too`);
        return ids;
    });
    const dataSubnets = ownAccount ? shared("data") : network.apply((n) => n.subnetIds.data);
    const privateSubnets = ownAccount ? shared("private") : network.apply((n) => n.subnetIds.private);
    // A group of another account in the shared VPC is referenced as `<account>/<group id>`.
    const nodeSecurityGroupId = ownAccount ? pulumi.interpolate`${extras.accountId}/${extras.nodeSecurityGroupId}` : extras.nodeSecurityGroupId;
    const builds = ownAccount ? home.apply((h) => {
        if (!h.builds) throw new Error(`platform stack ${platform.name} runs no builds for domain ${domainName}'s account: run pulumi up on the platform stack first`);
        return h.builds;
    }) : undefined;
    const clusterArn = pulumi.interpolate`arn:${partitionOf(cfg.region)}:eks:${cfg.region}:${extras.accountId}:cluster/${cluster.name}`;

    const provider = awsProvider(ctx, undefined, ownAccount);
    const opts = { provider };
    // The account the domain's own resources live in (ECR image URLs).
    const domainAccount = ownAccount ?? extras.accountId;

    const platformBuilds = scope && ownAccount
        ? { accountId: scope.platformAccountId, roleArns: platformBuildRoleArns(partitionOf(cfg.region), scope.platformAccountId, ctx.naming) }
        : undefined;
    const key = new DomainKey(childName(domainName, "key"), { ctx, logsAccountId: ownAccount, ...(platformBuilds ? { platformBuilds } : {}) }, opts).result.key;
    // Log groups of the domain's own account use its key (the platform's logs key admits the platform's log groups only).
    const logsKeyArn = ownAccount ? key.arn : keys.keyIds.logs;
    // S3 delivers access logs within one account: in its own account the domain keeps its own.
    const accessLogBucket = ownAccount
        ? new DomainAccessLogs(childName(domainName, "access-logs"), { ctx, accountId: ownAccount }, opts).bucket.bucket
        : extras.logArchiveBucket;
    const storage = new ObjectStore(childName(domainName, "storage"), {
        ctx, kmsKeyArn: key.arn, accessLogBucket,
    }, opts).result;
    const queue = new WorkQueue(childName(domainName, "queue"), { ctx, kmsKeyArn: key.arn }, opts).result;
    // The worker's security group exists first: the database and cache admit it (worker.reachesData).
    const workerSg = cfg.worker.enabled && cfg.worker.reachesData ? workerSecurityGroup(childName(domainName, "worker"), {
        ctx, vpcId: extras.vpcId, vpcCidr: network.cidr, dataPorts: cfg.cache.enabled ? [POSTGRES_PORT, REDIS_PORT] : [POSTGRES_PORT],
    }, opts) : undefined;
    const placement = {
        ctx, zones, vpcId: extras.vpcId, vpcCidr: network.cidr, subnetIds: dataSubnets, nodeSecurityGroupId, kmsKeyArn: key.arn,
        workerSecurityGroupId: workerSg?.id,
    };
    const database = new Database(childName(domainName, "database"), {
        ...placement,
        // In its own account the platform's database build (its account, its group) runs the admin jobs.
        ...(builds ? { adminSecurityGroupId: pulumi.interpolate`${extras.accountId}/${builds.adminSecurityGroupId}` } : {}),
    }, opts).result;
    const cache = cfg.cache.enabled ? new SessionCache(childName(domainName, "cache"), placement, opts).result : undefined;

    // In its own account the domain owns its workload role: the target the platform's association chains to.
    const workloadRole = ownAccount ? new DomainWorkloadRole(childName(domainName, "workload"), {
        ctx, namespace, serviceAccount: WORKLOAD_SERVICE_ACCOUNT, platformAccountId: extras.accountId, clusterArn,
    }, opts).role : undefined;
    const identity = new WorkloadIdentity(childName(domainName, "identity"), {
        ctx,
        home: {
            namespace,
            serviceAccountName: WORKLOAD_SERVICE_ACCOUNT,
            workloadRoleName: workloadRole?.name ?? home.workloadRoleName,
            workloadPrincipal: workloadRole?.arn ?? home.workloadPrincipal,
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
            logsKmsKeyArn: logsKeyArn,
            accessLogBucket,
            clusterName: cluster.name,
            clusterArn,
            // An image worker runs a tag of this repository: the lifecycle must not expire it (a digest cannot be selected).
            ...(cfg.worker.enabled && cfg.worker.package === "image" && cfg.worker.artifact && !cfg.worker.artifact.startsWith("sha256:")
                ? { workerImageTag: cfg.worker.artifact } : {}),
            // In its own account the images are pulled from the platform account's nodes (and by an image worker).
            ...(scope && ownAccount ? {
                imagePullers: {
                    partition: partitionOf(cfg.region),
                    platformAccountId: scope.platformAccountId,
                    nodeRoleArn: roleArn(partitionOf(cfg.region), scope.platformAccountId, nodeRoleName(platformNamingOf(ctx.naming))),
                    ...(cfg.worker.enabled && cfg.worker.package === "image"
                        ? { lambdaFunctionArn: pulumi.interpolate`arn:${partitionOf(cfg.region)}:lambda:${cfg.region}:${ownAccount}:function:${workerFunctionName(ctx.naming)}` }
                        : {}),
                },
            } : {}),
            inVpcBuilds: builds && scope
                ? { kind: "platform" as const, builds, platformAccountId: scope.platformAccountId }
                : {
                    kind: "own" as const,
                    deployRole: { name: home.deployRoleName, arn: home.deployPrincipal },
                    network: {
                        accountId: domainAccount,
                        vpcId: extras.vpcId,
                        privateSubnetIds: privateSubnets,
                        clusterSecurityGroupId: extras.apply((e) => e.clusterSecurityGroupId ?? ""),
                    },
                    clientSecurityGroup: database.clientSecurityGroup!,
                },
            database: {
                name: database.outputs.databaseName,
                targets: database.shards.map((shard, i) => ({ host: shard.primary.address, secretArn: database.secretArns[i] })),
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
            pulumi.interpolate`${domainAccount}.dkr.ecr.${cfg.region}.amazonaws.com/${appRepositoryName(ctx.naming)}`,
        imageGrant: pipeline?.imagePullPolicy,
        logsKmsKeyArn: logsKeyArn,
        network: workerSg ? { privateSubnetIds: privateSubnets, securityGroup: workerSg } : undefined,
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
