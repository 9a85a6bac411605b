import type * as pulumi from "@pulumi/pulumi";
import type { DomainOutputs, PlatformReference, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { GcpCache } from "./cache";
import { GcpDatabase } from "./database";
import { readDomainPlatform } from "./domain-platform";
import { GcpWorkloadAccess, GcpWorkloadIdentity } from "./identity";
import { GcpPipeline } from "./pipeline";
import { gcpProvider } from "./provider";
import { GcpQueue } from "./queue";
import { GcpObjectStore } from "./storage";
import { GcpWorker } from "./worker";

/**
 * Composes the gcp domain layer in the domain's service project on the platform it references,
 * through Google APIs only: Cloud SQL, GCS, Pub/Sub, Memorystore, Cloud Build + Cloud Deploy (as the
 * deploy service account the platform vended), and the grants of exactly those resources to the
 * workload KSA's Workload Identity Federation principal.
 */
export function domain(ctx: StackContext, platform: PlatformReference): DomainOutputs {
    const domainName = ctx.config.domain ?? "domain";
    const plat = readDomainPlatform(domainName, platform);
    const gcp = gcpProvider(ctx, plat.project);
    const opts: pulumi.ComponentResourceOptions = { providers: [gcp] };
    const args = { ctx, platform: plat };
    const name = (capability: string) => childName(domainName, capability);

    const identity = new GcpWorkloadIdentity(name("identity"), args, opts);
    // CMEK (prod): the platform granted this project's Cloud SQL and GCS agents the data keys.
    const database = new GcpDatabase(name("database"), { ...args, iamServiceAccountEmail: identity.email }, opts);
    const objectStore = new GcpObjectStore(name("storage"), args, opts);
    const queue = new GcpQueue(name("queue"), args, opts);
    const cache = ctx.config.cache.enabled ? new GcpCache(name("cache"), args, opts) : undefined;
    new GcpWorkloadAccess(name("access"), {
        ...args,
        member: identity.member,
        databaseMember: identity.databaseMember,
        bucketName: objectStore.bucketName,
        topicName: queue.topicName,
        subscriptionName: queue.subscriptionName,
        sqlInstanceNames: database.instanceNames,
        cacheAuthSecretId: cache?.authSecretId,
        cacheCaSecretId: cache?.caSecretId,
    }, opts);
    const pipeline = ctx.config.pipeline.enabled
        ? new GcpPipeline(name("pipeline"), {
            ...args,
            namespace: identity.outputs.namespace,
            promoteFromCluster: ctx.config.gcp.promoteFromCluster,
        }, opts)
        : undefined;

    const worker = ctx.config.worker.enabled ? new GcpWorker(name("worker"), {
        ...args, topicId: queue.outputs.queueId, deadLetterTopicId: queue.outputs.deadLetterQueueId, bucketName: objectStore.bucketName,
    }, opts) : undefined;

    return {
        namespace: identity.outputs.namespace,
        identity: identity.outputs,
        database: database.outputs,
        objectStore: objectStore.outputs,
        queue: queue.outputs,
        cache: cache?.outputs,
        pipeline: pipeline?.outputs,
        ...(worker ? { worker: worker.outputs } : {}),
    };
}
