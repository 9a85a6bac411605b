import { strict as assert } from "node:assert";
import { DOMAIN_PROJECT, runDomain, WORKLOAD_PRINCIPAL } from "./fake-platform";

const GSA_EMAIL = `acme-prod-orders-app@${DOMAIN_PROJECT}.iam.gserviceaccount.com`;
const GSA_MEMBER = `serviceAccount:${GSA_EMAIL}`;

describe("components/gcp/identity", () => {
    it("grants to the KSA's federated principal the platform vended; a keyless GSA serves only as the Cloud SQL login", async () => {
        const rec = await runDomain({ environment: "prod" });
        const gsa = rec.inputs(rec.one("gcp:serviceaccount/account:Account", "identity-gsa"));
        assert.equal(gsa.project, DOMAIN_PROJECT);
        assert.equal(gsa.accountId, "acme-prod-orders-app");
        const tokenCreator = rec.inputs(rec.one("gcp:serviceaccount/iAMMember:IAMMember", "identity-token-creator"));
        assert.equal(tokenCreator.role, "roles/iam.serviceAccountTokenCreator");
        assert.equal(tokenCreator.member, WORKLOAD_PRINCIPAL);
        assert.equal(rec.ofType("gcp:serviceaccount/iAMMember:IAMMember").filter((m) => rec.inputs(m).role === "roles/iam.workloadIdentityUser").length, 0);
        assert.equal(rec.ofType("gcp:serviceaccount/key:Key").length, 0);
    });

    it("talks to Google APIs only: no Kubernetes provider and no Kubernetes object", async () => {
        const rec = await runDomain({ environment: "dev" });
        assert.deepEqual(rec.resources.filter((r) => r.type.startsWith("kubernetes:") || r.type === "pulumi:providers:kubernetes").map((r) => r.name), []);
    });

    it("grants the workload principal least-privilege roles on this domain's bucket, topic, subscription and cache secret only", async () => {
        const rec = await runDomain({ environment: "prod" });
        const bucket = rec.inputs(rec.one("gcp:storage/bucketIAMMember:BucketIAMMember", "access-bucket"));
        assert.equal(bucket.bucket, rec.inputs(rec.one("gcp:storage/bucket:Bucket", "storage-bucket")).name);
        assert.equal(bucket.role, "roles/storage.objectUser");
        assert.equal(bucket.member, WORKLOAD_PRINCIPAL);
        const topic = rec.inputs(rec.one("gcp:pubsub/topicIAMMember:TopicIAMMember", "access-topic"));
        assert.equal(topic.topic, rec.inputs(rec.one("gcp:pubsub/topic:Topic", "queue-topic")).name);
        assert.equal(topic.role, "roles/pubsub.publisher");
        assert.equal(topic.member, WORKLOAD_PRINCIPAL);
        const sub = rec.inputs(rec.one("gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember", "access-subscription"));
        assert.equal(sub.subscription, rec.inputs(rec.one("gcp:pubsub/subscription:Subscription", "queue-subscription")).name);
        assert.equal(sub.role, "roles/pubsub.subscriber");
        assert.equal(sub.member, WORKLOAD_PRINCIPAL);
        const secret = rec.inputs(rec.one("gcp:secretmanager/secretIamMember:SecretIamMember", "access-cache-auth"));
        assert.equal(secret.role, "roles/secretmanager.secretAccessor");
        assert.equal(secret.member, WORKLOAD_PRINCIPAL);
    });

    it("Cloud SQL roles are project-level but conditioned on this domain's instances (every primary and replica)", async () => {
        const rec = await runDomain({ environment: "prod", database: { layout: "read-replicas", replicas: 2 } });
        const instances = rec.ofType("gcp:sql/databaseInstance:DatabaseInstance").map((i) => rec.inputs(i).name as string);
        assert.equal(instances.length, 3);
        const grants = rec.ofType("gcp:projects/iAMMember:IAMMember").filter((g) => g.name.includes("access-sql")).map((g) => rec.inputs(g));
        assert.deepEqual(grants.map((g) => g.role).sort(), ["roles/cloudsql.client", "roles/cloudsql.instanceUser"]);
        for (const grant of grants) {
            assert.equal(grant.project, DOMAIN_PROJECT);
            assert.equal(grant.member, GSA_MEMBER);
            const expression = grant.condition.expression as string;
            assert.match(expression, /resource\.type == "sqladmin\.googleapis\.com\/Instance"/);
            for (const name of instances) assert.ok(expression.includes(`resource.name == "projects/${DOMAIN_PROJECT}/instances/${name}"`), name);
            assert.equal(expression.match(/resource\.name ==/g)!.length, 3);
        }
    });

    it("exports the namespace, KSA and its federated principal (fabricated outputs)", async () => {
        const rec = await runDomain({ environment: "prod" }, { preview: false });
        assert.equal(rec.outputs.namespace, "orders");
        assert.deepEqual(rec.outputs.identity, { namespace: "orders", serviceAccountName: "workload", principal: WORKLOAD_PRINCIPAL });
    });
});
