import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { pubsubAckDeadline } from "../core/config/rules/worker";
import type { QueueOutputs } from "../core/contracts";
import { childName } from "../core/naming";
import { domainLabels, type GcpDomainArgs } from "./domain-platform";
import { serviceAgentMember } from "./service-agents";

/**
 * Where the work subscription pushes instead of waiting to be pulled: the worker's endpoint and the
 * account Pub/Sub signs the OIDC token as. `endpoint` carries, as its resources, what the push
 * needs first (the service, its invoker grant, the agent's token grant).
 */
export interface QueuePush {
    endpoint: pulumi.Input<string>;
    serviceAccountEmail: pulumi.Input<string>;
}

export interface GcpQueueArgs extends GcpDomainArgs {
    /**
     * The queue's one consumer is a push endpoint (the domain's worker): its one work subscription
     * delivers there. Absent: the subscription is pulled (the domain's workloads).
     */
    push?: QueuePush;
}

export interface GcpQueueResult {
    outputs: QueueOutputs;
    topic: gcp.pubsub.Topic;
    deadLetterTopic: gcp.pubsub.Topic;
    subscription: gcp.pubsub.Subscription;
    deadLetterSubscription: gcp.pubsub.Subscription;
    /** IAM member of the project's Pub/Sub service agent (it signs push tokens and moves dead letters). */
    agentMember: pulumi.Output<string>;
}

/** Pub/Sub work queue: topic, subscription, dead-letter topic and its subscription. */
export class GcpQueue extends pulumi.ComponentResource {
    readonly outputs: QueueOutputs;
    readonly topicName: pulumi.Output<string>;
    readonly subscriptionName: pulumi.Output<string>;
    readonly agentMember: pulumi.Output<string>;

    constructor(name: string, args: GcpQueueArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:gcp:Queue", name, {}, opts);
        const result = createQueue(name, this, args);
        this.outputs = result.outputs;
        this.topicName = result.topic.name;
        this.subscriptionName = result.subscription.name;
        this.agentMember = result.agentMember;
        this.registerOutputs({ queueId: result.outputs.queueId, subscriptionId: result.outputs.subscriptionId });
    }
}

const DAY = 86400;
/** Pub/Sub limits: subscriptions keep messages up to 7 days, ack deadlines are 10..600 s. */
const MAX_SUBSCRIPTION_RETENTION_DAYS = 7;

/** The work subscription's ack deadline: the queue's visibility timeout within Pub/Sub's 10..600 s (the worker's timeout is checked against it). */
export const ackDeadlineSeconds = pubsubAckDeadline;

/**
 * A push target handed over after the queue exists: the worker needs the queue's topics first, the
 * queue's subscription needs the worker's endpoint. `target` goes to the queue, `deliver` is called
 * once with the worker's push; the subscription waits for it (and depends on what it carries).
 */
export function deferredPush(): { target: QueuePush; deliver: (push: QueuePush) => void } {
    const [endpoint, setEndpoint] = pulumi.deferredOutput<string>();
    const [serviceAccountEmail, setServiceAccountEmail] = pulumi.deferredOutput<string>();
    return {
        target: { endpoint, serviceAccountEmail },
        deliver: (push) => {
            setEndpoint(pulumi.output(push.endpoint));
            setServiceAccountEmail(pulumi.output(push.serviceAccountEmail));
        },
    };
}

export function createQueue(name: string, parent: pulumi.Resource, args: GcpQueueArgs): GcpQueueResult {
    const { ctx, platform } = args;
    const queue = ctx.config.queue;
    const labels = domainLabels(ctx);
    // Dead-letter topic and its holding subscription say so (policies exempt them from needing a DLQ).
    const deadLetterLabels = { ...labels, "queue-role": "dead-letter" };
    // CMEK in prod: the platform granted this project's Pub/Sub agent the data key.
    const kmsKeyName = ctx.config.environment === "prod" ? platform.dataKeyId : undefined;
    // Pub/Sub takes 5..100 delivery attempts: the schema (<= 100) and the gcp config rule (>= 5) hold it there.
    const attempts = queue.maxReceiveCount;
    const opts = { parent, protect: ctx.config.protectStateful };
    // Messages stay in the stack's region (data residency).
    const messageStoragePolicy = { allowedPersistenceRegions: [ctx.config.region] };
    const topicPath = (t: gcp.pubsub.Topic) => pulumi.interpolate`projects/${t.project}/topics/${t.name}`;
    const subscriptionRetention = `${Math.min(queue.retentionDays, MAX_SUBSCRIPTION_RETENTION_DAYS) * DAY}s`;

    const topic = new gcp.pubsub.Topic(childName(name, "topic"), {
        project: platform.project,
        name: ctx.naming.physical("gcp.generic", "events"),
        messageRetentionDuration: `${queue.retentionDays * DAY}s`,
        messageStoragePolicy,
        kmsKeyName,
        labels,
    }, opts);
    const deadLetterTopic = new gcp.pubsub.Topic(childName(name, "dlq-topic"), {
        project: platform.project,
        name: ctx.naming.physical("gcp.generic", "events", "dlq"),
        messageRetentionDuration: `${14 * DAY}s`,
        messageStoragePolicy,
        kmsKeyName,
        labels: deadLetterLabels,
    }, opts);

    // The one subscription on the topic: pulled by the domain's workloads, or pushed to its worker
    // (never both: two subscriptions would each get every message).
    const subscription = new gcp.pubsub.Subscription(childName(name, "subscription"), {
        project: platform.project,
        name: ctx.naming.physical("gcp.generic", "events", "worker"),
        topic: topicPath(topic),
        pushConfig: args.push
            ? { pushEndpoint: args.push.endpoint, oidcToken: { serviceAccountEmail: args.push.serviceAccountEmail, audience: args.push.endpoint } }
            : undefined,
        ackDeadlineSeconds: ackDeadlineSeconds(queue.visibilityTimeoutSeconds),
        messageRetentionDuration: subscriptionRetention,
        retainAckedMessages: false,
        deadLetterPolicy: { deadLetterTopic: topicPath(deadLetterTopic), maxDeliveryAttempts: attempts },
        retryPolicy: { minimumBackoff: "10s", maximumBackoff: "600s" },
        // Never expire for inactivity (the default deletes an idle subscription after 31 days).
        expirationPolicy: { ttl: "" },
        enableExactlyOnceDelivery: false,
        labels,
    }, opts);
    // Dead letters are kept (and can be replayed) only if a subscription holds them.
    const deadLetterSubscription = new gcp.pubsub.Subscription(childName(name, "dlq-subscription"), {
        project: platform.project,
        name: ctx.naming.physical("gcp.generic", "events", "dlq", "hold"),
        topic: topicPath(deadLetterTopic),
        ackDeadlineSeconds: 60,
        messageRetentionDuration: `${MAX_SUBSCRIPTION_RETENTION_DAYS * DAY}s`,
        expirationPolicy: { ttl: "" },
        labels: deadLetterLabels,
    }, opts);

    // The Pub/Sub service agent moves undeliverable messages: it must publish to the dead-letter
    // topic and subscribe (ack) on the source subscription, or dead-lettering silently fails.
    // The ServiceIdentity makes sure the agent exists; its `member` may come back empty, so the
    // member is built from the project number (service-agents.ts).
    const identity = new gcp.projects.ServiceIdentity(childName(name, "pubsub-agent"), {
        project: platform.project,
        service: "pubsub.googleapis.com",
    }, { parent });
    const projectNumber = gcp.organizations.getProjectOutput({ projectId: platform.project }, { parent }).number;
    const agent = { member: serviceAgentMember("pubsub", projectNumber, [identity]) };
    new gcp.pubsub.TopicIAMMember(childName(name, "agent-dlq-publisher"), {
        project: platform.project,
        topic: deadLetterTopic.name,
        role: "roles/pubsub.publisher",
        member: agent.member,
    }, { parent });
    new gcp.pubsub.SubscriptionIAMMember(childName(name, "agent-subscriber"), {
        project: platform.project,
        subscription: subscription.name,
        role: "roles/pubsub.subscriber",
        member: agent.member,
    }, { parent });

    return {
        topic,
        deadLetterTopic,
        subscription,
        deadLetterSubscription,
        agentMember: agent.member,
        outputs: {
            queueId: topicPath(topic),
            deadLetterQueueId: topicPath(deadLetterTopic),
            maxReceiveCount: attempts,
            subscriptionId: pulumi.interpolate`projects/${subscription.project}/subscriptions/${subscription.name}`,
        },
    };
}
