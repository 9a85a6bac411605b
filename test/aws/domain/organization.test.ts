import { strict as assert } from "node:assert";
import { planSample, Recorded } from "../../harness";
import { runDomain } from "./helpers";

// organization-aws and platform-aws-prod planned with fabricated outputs (as after their deploy).
const PLATFORM_ACCOUNT = "organization-account-shared-prod-id";
const ORDERS_ACCOUNT = "organization-account-orders-prod-id";

async function orders(): Promise<Recorded> {
    return new Recorded((await planSample("orders-aws-prod", { preview: false })).resources);
}

const policy = (rec: Recorded, name: string, type: string, field: string) =>
    JSON.parse(rec.inputs(rec.one(type, name))[field] as string) as { Statement: Record<string, any>[] };

describe("aws domain in its own account (landing-zone:organizationStack)", () => {
    it("runs in the domain account organization-aws recorded: the provider refuses any other", async () => {
        const rec = await orders();
        const allowed = rec.inputs(rec.one("pulumi:providers:aws")).allowedAccountIds;
        assert.deepEqual(typeof allowed === "string" ? JSON.parse(allowed) : allowed, [ORDERS_ACCOUNT]);
    });

    it("creates its workload role, the Pod Identity target, with the trust the EKS guide gives (platform account, chain role, session tags)", async () => {
        const rec = await orders();
        const role = rec.one("aws:iam/role:Role", "orders-workload-role");
        assert.equal(rec.inputs(role).name, "acme-prod-orders-workload");
        const [statement, ...rest] = policy(rec, "orders-workload-role", "aws:iam/role:Role", "assumeRolePolicy").Statement;
        assert.deepEqual(rest, []);
        assert.deepEqual(statement.Principal, { AWS: `arn:aws:iam::${PLATFORM_ACCOUNT}:root` });
        assert.deepEqual(statement.Action, ["sts:AssumeRole", "sts:TagSession"]);
        assert.deepEqual(statement.Condition.ArnEquals, { "aws:PrincipalArn": `arn:aws:iam::${PLATFORM_ACCOUNT}:role/acme-prod-orders-workload-chain` });
        assert.deepEqual(statement.Condition.StringEquals, {
            "aws:RequestTag/eks-cluster-arn": `arn:aws:eks:eu-west-1:${PLATFORM_ACCOUNT}:cluster/acme-prod`,
            "aws:RequestTag/kubernetes-namespace": "orders",
            "aws:RequestTag/kubernetes-service-account": "workload",
        });
        // Its least-privilege policy goes on that role (by the role's output: created first).
        const grant = rec.one("aws:iam/rolePolicy:RolePolicy", "orders-identity-policy");
        assert.equal(rec.inputs(grant).role, "acme-prod-orders-workload");
        assert.ok(grant.dependencies.includes(role.urn));
    });

    it("places its database and cache in the subnets shared with it; its groups admit the nodes as <platform account>/<group>", async () => {
        const rec = await orders();
        const shared = ["a", "b", "c"].map((z) => `network-data-eu-west-1${z}-id`);
        assert.deepEqual(rec.inputs(rec.one("aws:rds/subnetGroup:SubnetGroup")).subnetIds, shared);
        assert.deepEqual(rec.inputs(rec.one("aws:elasticache/subnetGroup:SubnetGroup")).subnetIds, shared);
        for (const name of ["orders-database-sg", "orders-cache-sg"]) {
            const groups = rec.inputs(rec.one("aws:ec2/securityGroup:SecurityGroup", name)).ingress.flatMap((rule: { securityGroups?: string[] }) => rule.securityGroups ?? []);
            assert.ok(groups.includes(`${PLATFORM_ACCOUNT}/cluster-node-sg-id`), `${name}: ${groups.join(", ")}`);
        }
        // The worker's ENIs go in the shared private subnets.
        const worker = rec.inputs(rec.one("aws:lambda/function:Function"));
        assert.deepEqual(worker.vpcConfig.subnetIds, ["a", "b", "c"].map((z) => `network-private-eu-west-1${z}-id`));
    });

    it("keeps S3 access logs in a bucket of its own account (S3 delivers them within one account)", async () => {
        const rec = await orders();
        const bucket = rec.one("aws:s3/bucket:Bucket", "orders-access-logs-access-logs");
        const target = rec.inputs(rec.one("aws:s3/bucketLogging:BucketLogging", "orders-storage")).targetBucket;
        assert.equal(target, rec.inputs(bucket).bucket);
        const statement = policy(rec, "orders-access-logs-access-logs-policy", "aws:s3/bucketPolicy:BucketPolicy", "policy").Statement.find((s) => s.Sid === "S3ServerAccessLogsOfThisDomain")!;
        assert.equal(statement.Condition.StringEquals["aws:SourceAccount"], ORDERS_ACCOUNT);
    });

    it("encrypts its log groups with its own key, whose policy admits CloudWatch Logs for its account's log groups only", async () => {
        const rec = await orders();
        const key = rec.one("aws:kms/key:Key");
        const statements = policy(rec, "orders-key-key", "aws:kms/key:Key", "policy").Statement;
        assert.deepEqual(statements.map((s) => s.Sid), ["AccountAdministersKeyThroughIam", "CloudWatchLogsOfThisAccount"]);
        assert.deepEqual(statements[0].Principal, { AWS: `arn:aws:iam::${ORDERS_ACCOUNT}:root` });
        assert.deepEqual(statements[1].Condition, { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:eu-west-1:${ORDERS_ACCOUNT}:log-group:*` } });
        for (const group of rec.ofType("aws:cloudwatch/logGroup:LogGroup")) {
            assert.equal(rec.inputs(group).kmsKeyId, `arn:aws:kms:eu-west-1:123456789012:${key.name}`, group.name);
        }
    });

    it("without an organization nothing changes: the platform's role and subnets, the platform's access-log bucket", async () => {
        const rec = new Recorded((await runDomain("prod", {}, { preview: false })).resources);
        assert.equal(rec.ofType("landing-zone:aws:DomainWorkloadRole").length, 0);
        assert.equal(rec.ofType("landing-zone:aws:DomainAccessLogs").length, 0);
        assert.equal(rec.inputs(rec.one("pulumi:providers:aws")).allowedAccountIds, undefined);
        assert.equal(rec.inputs(rec.one("aws:kms/key:Key")).policy, undefined, "the default key policy, as before");
    });
});
