import { strict as assert } from "node:assert";
import { workloadPolicy } from "../../../components/aws/identity";
import { FAKE_OIDC_URL } from "./fake-platform";
import { domainOutput, fabricatedArn, list, parsePolicy, recordDomain } from "./helpers";

const ROLE = "aws:iam/role:Role";
const POLICY = "aws:iam/rolePolicy:RolePolicy";
const issuer = FAKE_OIDC_URL.replace("https://", "");

describe("components/aws/identity.ts", () => {
    it("trusts the cluster's OIDC provider for exactly the domain's ServiceAccount", async () => {
        const rec = await recordDomain("dev");
        const trust = parsePolicy(rec.inputs(rec.one(ROLE, "identity")).assumeRolePolicy);
        assert.equal(trust.Statement.length, 1);
        const statement = trust.Statement[0];
        assert.equal(statement.Action, "sts:AssumeRoleWithWebIdentity");
        assert.match((statement.Principal as { Federated: string }).Federated, /:oidc-provider\//);
        assert.deepEqual(statement.Condition, {
            StringEquals: { [`${issuer}:sub`]: "system:serviceaccount:orders:orders-workload", [`${issuer}:aud`]: "sts.amazonaws.com" },
        });
    });

    it("names only the domain's own ARNs, with explicit actions (no * resource, no wildcard action)", async () => {
        const rec = await recordDomain("dev", {}, { preview: false });
        const own = [
            rec.one("aws:s3/bucket:Bucket", "storage"), rec.one("aws:sqs/queue:Queue", "queue-queue"),
            rec.one("aws:sqs/queue:Queue", "queue-dlq"), rec.one("aws:kms/key:Key", "orders-key"),
            rec.one("aws:elasticache/replicationGroup:ReplicationGroup"), rec.one("aws:elasticache/user:User", "app-user"),
        ].map(fabricatedArn);
        const allowed = new Set([...own, `${own[0]}/*`]);
        const policy = parsePolicy(rec.inputs(rec.one(POLICY, "identity")).policy);
        const resources = policy.Statement.flatMap((s) => list(s.Resource));
        for (const resource of resources) assert.ok(allowed.has(resource), `not the domain's own: ${resource}`);
        for (const action of policy.Statement.flatMap((s) => list(s.Action))) assert.ok(!action.includes("*"), action);
        for (const arn of own) assert.ok(resources.includes(arn), `missing ${arn}`);
        assert.ok(policy.Statement.every((s) => s.Effect === "Allow"));
    });

    it("the workload's recorded policy grants no Secrets Manager action on any layout (the master secret stays with the database stage)", async () => {
        for (const database of [{ layout: "single" as const }, { layout: "sharded" as const, shards: 2, replicas: 1 }]) {
            const rec = await recordDomain("prod", { database }, { preview: false });
            const policy = parsePolicy(rec.inputs(rec.one(POLICY, "identity")).policy);
            const actions = policy.Statement.flatMap((s) => list(s.Action));
            assert.deepEqual(actions.filter((a) => a.startsWith("secretsmanager:")), []);
        }
    });

    it("logs in to the database with IAM auth as its own role, never with the master secret; leaves out unknown ARNs", () => {
        const access = {
            bucketArn: "arn:aws:s3:::b", queueArn: "arn:aws:sqs:eu-west-1:1:q", deadLetterQueueArn: "arn:aws:sqs:eu-west-1:1:d",
            databaseConnectArns: ["arn:aws:rds-db:eu-west-1:1:dbuser:db-ABC/app", ""], cacheArns: [], kmsKeyArn: "arn:aws:kms:eu-west-1:1:key/k",
        };
        const doc = parsePolicy(workloadPolicy(access));
        const sids = (sid: string) => doc.Statement.find((s) => s.Sid === sid);
        assert.ok(doc.Statement.every((s) => list(s.Action).every((a) => !a.startsWith("secretsmanager:"))), "no Secrets Manager access");
        assert.deepEqual(list(sids("DatabaseIamAuth")!.Resource), ["arn:aws:rds-db:eu-west-1:1:dbuser:db-ABC/app"]);
        assert.equal(sids("CacheIamAuth"), undefined, "no empty statement");
        for (const s of doc.Statement) assert.ok(list(s.Resource).length > 0 && !list(s.Resource).includes("*"));
    });

    it("binds the ServiceAccount to the role (IRSA annotation) and exports the role as the principal", async () => {
        const rec = await recordDomain("dev", {}, { preview: false });
        const roleArn = fabricatedArn(rec.one(ROLE, "identity"));
        const sa = rec.inputs(rec.one("kubernetes:core/v1:ServiceAccount"));
        assert.equal(sa.metadata.annotations["eks.amazonaws.com/role-arn"], roleArn);
        assert.equal(sa.metadata.namespace, "orders");
        assert.equal(sa.metadata.name, "orders-workload");
        const identity = await domainOutput("dev", {}, "identity", { preview: false });
        assert.equal(identity.principal, roleArn);
        assert.equal(identity.serviceAccountName, "orders-workload");
    });
});
