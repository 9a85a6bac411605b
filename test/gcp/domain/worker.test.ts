import { strict as assert } from "node:assert";
import { DOMAIN_PROJECT, fakeExports, runDomain } from "./fake-platform";

const SERVICE = "gcp:cloudrunv2/service:Service";
const SUBSCRIPTION = "gcp:pubsub/subscription:Subscription";
const ACCOUNT = "gcp:serviceaccount/account:Account";

const worker = {
    queue: { visibilityTimeoutSeconds: 180, maxReceiveCount: 7 },
    worker: { enabled: true, artifact: "1.4.2", timeoutSeconds: 30, batchSize: 10, maxConcurrency: 20, schedule: "0 2 * * *" },
};

describe("components/gcp/worker.ts", () => {
    it("is absent unless worker.enabled", async () => {
        assert.deepEqual((await runDomain({})).ofType(SERVICE), []);
    });

    it("is a Cloud Run service with internal ingress, the IAM invoker check on, timeout, caps and min instances", async () => {
        const rec = await runDomain({ ...worker, worker: { ...worker.worker, warmInstances: 1 } });
        const service = rec.inputs(rec.one(SERVICE));
        assert.equal(service.ingress, "INGRESS_TRAFFIC_INTERNAL_ONLY");
        assert.equal(service.invokerIamDisabled, false);
        assert.equal(service.deletionProtection, true);
        assert.equal(service.template.timeout, "30s");
        assert.equal(service.template.maxInstanceRequestConcurrency, 10);
        assert.deepEqual(service.template.scaling, { minInstanceCount: 1, maxInstanceCount: 20 });
    });

    it("egresses directly into the Shared VPC subnet, private ranges only", async () => {
        const rec = await runDomain(worker);
        const vpc = rec.inputs(rec.one(SERVICE)).template.vpcAccess;
        const extras = (fakeExports() as any).extras;
        assert.deepEqual(vpc.networkInterfaces, [{ network: extras.networkSelfLink, subnetwork: extras.subnetSelfLink }]);
        assert.equal(vpc.egress, "PRIVATE_RANGES_ONLY");
    });

    it("runs as its own service account with this domain's roles only", async () => {
        const rec = await runDomain(worker, { preview: false });
        const sa = rec.one(ACCOUNT, "worker-sa");
        assert.equal(rec.inputs(sa).project, DOMAIN_PROJECT);
        const members = rec.resources.filter((r) => r.name.startsWith("orders-worker") && /IAMMember|IamMember/.test(r.type) && r.dependencies.includes(sa.urn));
        const roles = members.map((m) => String(rec.inputs(m).role)).sort();
        assert.deepEqual(roles, ["roles/cloudsql.client", "roles/cloudsql.instanceUser", "roles/cloudtrace.agent", "roles/storage.objectUser"]);
        for (const m of members) {
            const project = rec.inputs(m).project;
            if (project !== undefined) assert.equal(project, DOMAIN_PROJECT, m.name);
        }
        assert.ok(!roles.some((r) => /owner|editor|admin/i.test(r)));
    });

    it("is triggered by a push subscription on the domain topic with an OIDC token, dead-lettering to the domain's DLQ topic", async () => {
        const rec = await runDomain(worker);
        const sub = rec.inputs(rec.one(SUBSCRIPTION, "worker-push"));
        const topic = rec.inputs(rec.one("gcp:pubsub/topic:Topic", "queue-topic"));
        const dlq = rec.inputs(rec.one("gcp:pubsub/topic:Topic", "dlq-topic"));
        assert.equal(sub.topic, `projects/${DOMAIN_PROJECT}/topics/${topic.name}`);
        assert.equal(sub.deadLetterPolicy.deadLetterTopic, `projects/${DOMAIN_PROJECT}/topics/${dlq.name}`);
        assert.equal(sub.deadLetterPolicy.maxDeliveryAttempts, 7);
        assert.equal(sub.ackDeadlineSeconds, 180);
        assert.ok(sub.pushConfig.oidcToken, "OIDC token on push");
        const push = rec.one(SUBSCRIPTION, "worker-push");
        const invokerBinding = rec.one("gcp:cloudrunv2/serviceIamMember:ServiceIamMember", "push-invoker");
        assert.equal(rec.inputs(invokerBinding).role, "roles/run.invoker");
        assert.ok(push.dependencies.includes(invokerBinding.urn), "the invoker grant exists before the push subscription");
        assert.ok(push.dependencies.includes(rec.one(SERVICE).urn), "the endpoint is the service's URI (an output)");
        assert.equal(push.protect, true);
    });

    it("lets the Pub/Sub agent mint the push token and move dead letters off the push subscription", async () => {
        const rec = await runDomain(worker);
        assert.equal(rec.inputs(rec.one("gcp:serviceaccount/iAMMember:IAMMember", "agent-token-creator")).role, "roles/iam.serviceAccountTokenCreator");
        const subscriber = rec.one("gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember", "worker-agent-subscriber");
        assert.equal(rec.inputs(subscriber).role, "roles/pubsub.subscriber");
        assert.ok(subscriber.dependencies.includes(rec.one(SUBSCRIPTION, "worker-push").urn));
    });

    it("publishes timer messages to the domain topic through Cloud Scheduler", async () => {
        const rec = await runDomain(worker);
        const job = rec.inputs(rec.one("gcp:cloudscheduler/job:Job"));
        assert.equal(job.schedule, "0 2 * * *");
        assert.equal(job.timeZone, "Etc/UTC");
        assert.equal(job.pubsubTarget.topicName, `projects/${DOMAIN_PROJECT}/topics/${rec.inputs(rec.one("gcp:pubsub/topic:Topic", "queue-topic")).name}`);
        assert.equal(job.pubsubTarget.attributes.trigger, "schedule");
    });

    it("without worker.reachesData: no VPC egress, no Cloud SQL roles", async () => {
        const rec = await runDomain({ ...worker, worker: { ...worker.worker, reachesData: false } });
        assert.equal(rec.inputs(rec.one(SERVICE)).template.vpcAccess, undefined);
        assert.deepEqual(rec.ofType("gcp:projects/iAMMember:IAMMember").filter((m) => String(rec.inputs(m).role).startsWith("roles/cloudsql") && m.name.includes("worker")), []);
    });
});
