import { strict as assert } from "node:assert";
import { workloadPolicy } from "../../../components/aws/identity";
import { FAKE_WORKLOAD_ROLE } from "./fake-platform";
import { domainOutput, fabricatedArn, list, parsePolicy, recordDomain } from "./helpers";

const ROLE = "aws:iam/role:Role";
const POLICY = "aws:iam/rolePolicy:RolePolicy";

describe("components/aws/identity.ts", () => {
    it("creates no role and no binding: its policy goes on the workload role the platform vended", async () => {
        const rec = await recordDomain("dev");
        assert.equal(rec.ofType(ROLE).filter((r) => r.name.includes("identity") || r.name.includes("workload")).length, 0);
        assert.equal(rec.ofType("aws:eks/podIdentityAssociation:PodIdentityAssociation").length, 0);
        assert.equal(rec.inputs(rec.one(POLICY, "identity")).role, FAKE_WORKLOAD_ROLE);
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

    it("exports the vended workload role as the principal, with the namespace and ServiceAccount", async () => {
        const identity = await domainOutput("dev", {}, "identity", { preview: false });
        assert.equal(identity.principal, `arn:aws:iam::123456789012:role/${FAKE_WORKLOAD_ROLE}`);
        assert.equal(identity.namespace, "orders");
        assert.equal(identity.serviceAccountName, "workload");
    });
});
