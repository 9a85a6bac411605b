import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { pubsubAckDeadline } from "../core/config/rules/worker";
import type { WorkerOutputs } from "../core/contracts";
import { childName } from "../core/naming";
import { domainLabels, type GcpDomainArgs } from "./domain-platform";

export interface WorkerArgs extends GcpDomainArgs {
    /** The domain queue: topic and dead-letter topic (`projects/<p>/topics/<t>`). */
    topicId: pulumi.Input<string>;
    deadLetterTopicId: pulumi.Input<string>;
    /** The domain bucket the worker reads and writes. */
    bucketName: pulumi.Input<string>;
}

/** Roles of the worker's service account on its own project: Cloud SQL IAM login (when it reaches data), traces. */
export function workerProjectRoles(reachesData: boolean, tracing: boolean): string[] {
    return [...(reachesData ? ["roles/cloudsql.client", "roles/cloudsql.instanceUser"] : []), ...(tracing ? ["roles/cloudtrace.agent"] : [])];
}

/**
 * The domain's queue worker on GCP: a Cloud Run service (the image the pipeline pushes) with
 * internal-only ingress, a dedicated service account, Direct VPC egress into the Shared VPC subnet
 * (private ranges only) when it reaches data, max instances as the concurrency cap and min instances
 * against cold starts; a push subscription on the domain topic authenticated with an OIDC token of a
 * separate invoker account, dead-lettering to the domain's existing dead-letter topic; Cloud
 * Scheduler publishes timer messages to the same topic.
 */
export function createWorker(name: string, parent: pulumi.Resource, args: WorkerArgs) {
    const { ctx, platform } = args;
    const w = ctx.config.worker;
    const opts = { parent };
    const project = platform.project;
    const labels = domainLabels(ctx);

    const account = new gcp.serviceaccount.Account(childName(name, "sa"), {
        project,
        accountId: ctx.naming.physical("gcp.serviceAccountId", "wrk"),
        displayName: `${ctx.config.domain ?? "domain"} worker`,
    }, opts);
    const invoker = new gcp.serviceaccount.Account(childName(name, "invoker"), {
        project,
        accountId: ctx.naming.physical("gcp.serviceAccountId", "wrk", "push"),
        displayName: `${ctx.config.domain ?? "domain"} worker push invoker`,
    }, opts);

    // Each grant names the account it is for (also as a dependency: the grant follows the account).
    const forAccount = { parent, dependsOn: [account] };
    const grants: pulumi.Resource[] = [new gcp.storage.BucketIAMMember(childName(name, "bucket"), {
        bucket: args.bucketName,
        role: "roles/storage.objectUser",
        member: account.member,
    }, forAccount)];
    for (const role of workerProjectRoles(w.reachesData, w.tracing)) {
        grants.push(new gcp.projects.IAMMember(childName(name, role.replace("roles/", "").replace(/\./g, "-")), { project, role, member: account.member }, forAccount));
    }

    const service = new gcp.cloudrunv2.Service(childName(name, "service"), {
        project,
        location: ctx.config.region,
        name: ctx.naming.physical("gcp.generic", "worker"),
        ingress: "INGRESS_TRAFFIC_INTERNAL_ONLY",
        invokerIamDisabled: false,
        deletionProtection: ctx.config.environment === "prod",
        labels,
        template: {
            serviceAccount: account.email,
            timeout: `${w.timeoutSeconds}s`,
            // Pub/Sub pushes one message per request: an instance takes a batch's worth at once.
            maxInstanceRequestConcurrency: w.batchSize,
            executionEnvironment: "EXECUTION_ENVIRONMENT_GEN2",
            scaling: { minInstanceCount: w.warmInstances, maxInstanceCount: w.maxConcurrency },
            vpcAccess: w.reachesData
                ? { networkInterfaces: [{ network: platform.networkSelfLink, subnetwork: platform.subnetSelfLink }], egress: "PRIVATE_RANGES_ONLY" }
                : undefined,
            containers: [{
                image: pulumi.interpolate`${platform.registryUrl}/${ctx.config.domain ?? "domain"}-worker${w.artifact?.startsWith("sha256:") ? "@" : ":"}${w.artifact ?? ""}`,
                resources: { limits: { memory: `${w.memoryMb}Mi`, cpu: "1" }, cpuIdle: true },
                envs: [
                    { name: "DEAD_LETTER_TOPIC", value: args.deadLetterTopicId },
                    { name: "TRACING", value: String(w.tracing) },
                    ...Object.entries(w.environment).map(([envName, value]) => ({ name: envName, value })),
                ],
            }],
        },
    }, { parent, dependsOn: grants });

    const invokerBinding = new gcp.cloudrunv2.ServiceIamMember(childName(name, "push-invoker"), {
        project,
        location: service.location,
        name: service.name,
        role: "roles/run.invoker",
        member: invoker.member,
    }, opts);
    // The Pub/Sub agent mints the OIDC token as the invoker and moves dead letters off the subscription.
    const agent = new gcp.projects.ServiceIdentity(childName(name, "pubsub-agent"), { project, service: "pubsub.googleapis.com" }, opts);
    const tokenCreator = new gcp.serviceaccount.IAMMember(childName(name, "agent-token-creator"), {
        serviceAccountId: invoker.name,
        role: "roles/iam.serviceAccountTokenCreator",
        member: agent.member,
    }, opts);

    const subscription = new gcp.pubsub.Subscription(childName(name, "push"), {
        project,
        name: ctx.naming.physical("gcp.generic", "events", "worker", "push"),
        topic: args.topicId,
        ackDeadlineSeconds: pubsubAckDeadline(ctx.config.queue.visibilityTimeoutSeconds),
        pushConfig: {
            pushEndpoint: service.uri,
            oidcToken: { serviceAccountEmail: invoker.email, audience: service.uri },
        },
        deadLetterPolicy: { deadLetterTopic: args.deadLetterTopicId, maxDeliveryAttempts: ctx.config.queue.maxReceiveCount },
        retryPolicy: { minimumBackoff: "10s", maximumBackoff: "600s" },
        expirationPolicy: { ttl: "" },
        labels,
    }, { parent, protect: ctx.config.protectStateful, dependsOn: [invokerBinding, tokenCreator] });
    new gcp.pubsub.SubscriptionIAMMember(childName(name, "agent-subscriber"), {
        project,
        subscription: subscription.name,
        role: "roles/pubsub.subscriber",
        member: agent.member,
    }, opts);

    if (w.schedule) {
        new gcp.cloudscheduler.Job(childName(name, "schedule"), {
            project,
            region: ctx.config.region,
            name: ctx.naming.physical("gcp.generic", "worker", "schedule"),
            schedule: w.schedule,
            timeZone: "Etc/UTC",
            pubsubTarget: { topicName: args.topicId, attributes: { trigger: "schedule" }, data: Buffer.from(JSON.stringify({ trigger: "schedule" })).toString("base64") },
        }, opts);
    }

    const outputs: WorkerOutputs = {
        name: service.name,
        trigger: w.schedule ? "queue+schedule" : "queue",
        batchSize: w.batchSize,
        maxConcurrency: w.maxConcurrency,
        timeoutSeconds: w.timeoutSeconds,
        warmInstances: w.warmInstances,
        deadLetterQueueId: pulumi.output(args.deadLetterTopicId),
        privateEgress: w.reachesData,
        principal: account.email,
        identityScope: ["queue", "dead-letter-queue", "bucket", ...(w.reachesData ? ["database"] : []), "logs"],
        nextStep: w.reachesData
            ? "platform team: grant roles/compute.networkUser on the Shared VPC subnet to this project's Cloud Run service agent (service-<project number>@serverless-robot-prod.iam.gserviceaccount.com) for Direct VPC egress; push the worker image first"
            : "push the worker image to the domain's Artifact Registry path before the first pulumi up with worker.enabled",
    };
    return { account, invoker, service, subscription, outputs };
}

/** The domain's serverless queue worker (`landing-zone:gcp:Worker`). */
export class GcpWorker extends pulumi.ComponentResource {
    readonly outputs: WorkerOutputs;

    constructor(name: string, args: WorkerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:gcp:Worker", name, {}, opts);
        this.outputs = createWorker(name, this, args).outputs;
        this.registerOutputs({ name: this.outputs.name });
    }
}
