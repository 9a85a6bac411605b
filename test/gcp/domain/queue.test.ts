import { strict as assert } from "node:assert";
import { ackDeadlineSeconds } from "../../../components/gcp/queue";
import { DATA_KEY, DOMAIN_PROJECT, runDomain } from "./fake-platform";

const TOPIC = "gcp:pubsub/topic:Topic";
const SUBSCRIPTION = "gcp:pubsub/subscription:Subscription";

describe("components/gcp/queue", () => {
    it("subscription dead-letters to the DLQ topic after queue.maxReceiveCount attempts, with a retry policy", async () => {
        const rec = await runDomain({ environment: "prod", queue: { maxReceiveCount: 7, visibilityTimeoutSeconds: 90, retentionDays: 5 } });
        const dlqTopic = rec.inputs(rec.one(TOPIC, "dlq-topic"));
        const sub = rec.inputs(rec.one(SUBSCRIPTION, "queue-subscription"));
        assert.equal(sub.deadLetterPolicy.deadLetterTopic, `projects/${DOMAIN_PROJECT}/topics/${dlqTopic.name}`);
        assert.equal(sub.deadLetterPolicy.maxDeliveryAttempts, 7);
        assert.ok(sub.retryPolicy.minimumBackoff && sub.retryPolicy.maximumBackoff);
        assert.equal(sub.ackDeadlineSeconds, 90);
        assert.equal(sub.pushConfig, undefined, "without a worker the domain's workloads pull it");
        assert.equal(sub.messageRetentionDuration, `${5 * 86400}s`);
        assert.deepEqual(sub.expirationPolicy, { ttl: "" });
        const topic = rec.inputs(rec.one(TOPIC, "queue-topic"));
        assert.equal(sub.topic, `projects/${DOMAIN_PROJECT}/topics/${topic.name}`);
        assert.equal(topic.messageRetentionDuration, `${5 * 86400}s`);
        assert.deepEqual(topic.messageStoragePolicy.allowedPersistenceRegions, ["europe-west1"]);
    });

    it("keeps dead letters: a subscription on the dead-letter topic", async () => {
        const rec = await runDomain({ environment: "dev" });
        const dlqTopic = rec.inputs(rec.one(TOPIC, "dlq-topic"));
        const hold = rec.inputs(rec.one(SUBSCRIPTION, "dlq-subscription"));
        assert.equal(hold.topic, `projects/${DOMAIN_PROJECT}/topics/${dlqTopic.name}`);
        assert.deepEqual(hold.expirationPolicy, { ttl: "" });
    });

    it("grants the Pub/Sub service agent publisher on the DLQ topic and subscriber on the subscription", async () => {
        const rec = await runDomain({ environment: "dev" });
        const agent = rec.one("gcp:projects/serviceIdentity:ServiceIdentity", "pubsub-agent");
        assert.equal(rec.inputs(agent).service, "pubsub.googleapis.com");
        assert.equal(rec.inputs(agent).project, DOMAIN_PROJECT);
        const publish = rec.one("gcp:pubsub/topicIAMMember:TopicIAMMember", "agent-dlq-publisher");
        assert.equal(rec.inputs(publish).role, "roles/pubsub.publisher");
        assert.equal(rec.inputs(publish).topic, rec.inputs(rec.one(TOPIC, "dlq-topic")).name);
        assert.ok(publish.dependencies.includes(agent.urn), "publisher member is the service agent");
        // Built from the project number: the ServiceIdentity's own member may come back empty.
        assert.match(rec.inputs(publish).member, /^serviceAccount:service-\d+@gcp-sa-pubsub\.iam\.gserviceaccount\.com$/);
        const subscribe = rec.one("gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember", "agent-subscriber");
        assert.equal(rec.inputs(subscribe).role, "roles/pubsub.subscriber");
        assert.equal(rec.inputs(subscribe).subscription, rec.inputs(rec.one(SUBSCRIPTION, "queue-subscription")).name);
        assert.ok(subscribe.dependencies.includes(agent.urn), "subscriber member is the service agent");
        assert.equal(rec.inputs(subscribe).member, rec.inputs(publish).member);
    });

    it("prod topics are encrypted with the platform's data key (CMEK); dev uses Google-managed keys", async () => {
        const prod = await runDomain({ environment: "prod" });
        for (const t of prod.ofType(TOPIC)) assert.equal(prod.inputs(t).kmsKeyName, DATA_KEY, t.name);
        const dev = await runDomain({ environment: "dev" });
        for (const t of dev.ofType(TOPIC)) assert.equal(dev.inputs(t).kmsKeyName, undefined, t.name);
    });

    it("labels the dead-letter topic and its subscription as such", async () => {
        const rec = await runDomain({ environment: "dev" });
        assert.equal(rec.inputs(rec.one(TOPIC, "dlq-topic")).labels["queue-role"], "dead-letter");
        assert.equal(rec.inputs(rec.one(SUBSCRIPTION, "dlq-subscription")).labels["queue-role"], "dead-letter");
        assert.equal(rec.inputs(rec.one(SUBSCRIPTION, "queue-subscription")).labels["queue-role"], undefined);
    });

    it("queues are protected in prod only", async () => {
        const prod = await runDomain({ environment: "prod" });
        assert.ok([...prod.ofType(TOPIC), ...prod.ofType(SUBSCRIPTION)].every((r) => r.protect));
        const dev = await runDomain({ environment: "dev" });
        assert.ok([...dev.ofType(TOPIC), ...dev.ofType(SUBSCRIPTION)].every((r) => !r.protect));
    });

    it("keeps Pub/Sub's ack deadline limits (10..600 s); config validation keeps delivery attempts in 5..100", async () => {
        assert.equal(ackDeadlineSeconds(0), 10);
        assert.equal(ackDeadlineSeconds(30), 30);
        assert.equal(ackDeadlineSeconds(43200), 600);
        await assert.rejects(runDomain({ environment: "dev", queue: { maxReceiveCount: 1 } }), /maxReceiveCount must be 5 to 100 on gcp/);
    });

    it("exports topic, dead-letter topic and subscription ids (fabricated outputs)", async () => {
        const rec = await runDomain({ environment: "dev" }, { preview: false });
        assert.match(rec.outputs.queue.queueId, new RegExp(`^projects/${DOMAIN_PROJECT}/topics/acme-dev-orders-events$`));
        assert.match(rec.outputs.queue.deadLetterQueueId, /\/topics\/acme-dev-orders-events-dlq$/);
        assert.match(rec.outputs.queue.subscriptionId, /\/subscriptions\/acme-dev-orders-events-worker$/);
        assert.equal(rec.outputs.queue.maxReceiveCount, 5);
    });
});
