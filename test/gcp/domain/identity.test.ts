import { strict as assert } from "node:assert";
import { DOMAIN_PROJECT, HOST, runDomain } from "./fake-platform";

const GSA_EMAIL = `acme-prod-orders-app@${DOMAIN_PROJECT}.iam.gserviceaccount.com`;
const GSA_MEMBER = `serviceAccount:${GSA_EMAIL}`;

describe("components/gcp/identity", () => {
    it("binds the namespace's workload KSA to the GSA through Workload Identity", async () => {
        const rec = await runDomain({ environment: "prod" });
        const gsa = rec.inputs(rec.one("gcp:serviceaccount/account:Account", "identity-gsa"));
        assert.equal(gsa.project, DOMAIN_PROJECT);
        assert.equal(gsa.accountId, "acme-prod-orders-app");
        const binding = rec.inputs(rec.one("gcp:serviceaccount/iAMMember:IAMMember", "workload-identity"));
        assert.equal(binding.role, "roles/iam.workloadIdentityUser");
        assert.equal(binding.member, `serviceAccount:${HOST}.svc.id.goog[orders/workload]`);
        const ksa = rec.inputs(rec.one("kubernetes:core/v1:ServiceAccount"));
        assert.equal(ksa.metadata.name, "workload");
        assert.equal(ksa.metadata.annotations["iam.gke.io/gcp-service-account"], GSA_EMAIL);
        assert.equal(ksa.automountServiceAccountToken, false);
    });

    it("puts the baseline on the GKE provider, with egress to the GKE metadata server for Workload Identity", async () => {
        const rec = await runDomain({ environment: "dev" });
        const ns = rec.one("kubernetes:core/v1:Namespace");
        assert.match(ns.provider ?? "", /pulumi:providers:kubernetes::gke::/);
        const egress = rec.inputs(rec.one("kubernetes:networking.k8s.io/v1:NetworkPolicy", "allow-egress"));
        const rules = egress.spec.egress as { to: { ipBlock: { cidr: string } }[]; ports: { port: number }[] }[];
        assert.ok(rules.some((r) => r.to[0].ipBlock.cidr === "169.254.169.252/32" && r.ports.some((p) => p.port === 988)));
        assert.ok(!rules.some((r) => r.to[0].ipBlock.cidr === "0.0.0.0/0" && r.ports.some((p) => p.port !== 443)), "the internet only over 443");
        // Cloud SQL: PostgreSQL directly (5432) and through the connectors / Auth Proxy (3307).
        const privateServices = rules.filter((r) => r.to[0].ipBlock.cidr === "10.0.0.0/8").flatMap((r) => r.ports.map((p) => p.port));
        assert.deepEqual([...privateServices].sort(), [3307, 5432, 6378]);
    });

    it("grants the GSA least-privilege roles on this domain's bucket, topic and subscription only", async () => {
        const rec = await runDomain({ environment: "prod" });
        const bucket = rec.inputs(rec.one("gcp:storage/bucketIAMMember:BucketIAMMember", "access-bucket"));
        assert.equal(bucket.bucket, rec.inputs(rec.one("gcp:storage/bucket:Bucket", "storage-bucket")).name);
        assert.equal(bucket.role, "roles/storage.objectUser");
        assert.equal(bucket.member, GSA_MEMBER);
        const topic = rec.inputs(rec.one("gcp:pubsub/topicIAMMember:TopicIAMMember", "access-topic"));
        assert.equal(topic.topic, rec.inputs(rec.one("gcp:pubsub/topic:Topic", "queue-topic")).name);
        assert.equal(topic.role, "roles/pubsub.publisher");
        assert.equal(topic.member, GSA_MEMBER);
        const sub = rec.inputs(rec.one("gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember", "access-subscription"));
        assert.equal(sub.subscription, rec.inputs(rec.one("gcp:pubsub/subscription:Subscription", "queue-subscription")).name);
        assert.equal(sub.role, "roles/pubsub.subscriber");
        const secret = rec.inputs(rec.one("gcp:secretmanager/secretIamMember:SecretIamMember", "access-cache-auth"));
        assert.equal(secret.role, "roles/secretmanager.secretAccessor");
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

    it("exports the namespace, KSA and GSA e-mail (fabricated outputs)", async () => {
        const rec = await runDomain({ environment: "prod" }, { preview: false });
        assert.equal(rec.outputs.namespace, "orders");
        assert.deepEqual(rec.outputs.identity, { namespace: "orders", serviceAccountName: "workload", principal: GSA_EMAIL });
    });
});
