import { strict as assert } from "node:assert";
import { resourcePolicyProblems } from "../../../policies/aws/disallow-public-resource-policies";
import { planSample, plainValue, Recorded, runStackConfig } from "../../harness";
import { organizationConfig } from "../../organization-helpers";
import { policyOf, variablesOf } from "../platform/helpers";
import { fabricatedArn, runDomain } from "./helpers";

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
        assert.deepEqual(statements.map((s) => s.Sid), ["AccountAdministersKeyThroughIam", "CloudWatchLogsOfThisAccount", "PlatformBuildsReadArtifactsThroughS3"]);
        assert.deepEqual(statements[0].Principal, { AWS: `arn:aws:iam::${ORDERS_ACCOUNT}:root` });
        assert.deepEqual(statements[1].Condition, { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:eu-west-1:${ORDERS_ACCOUNT}:log-group:*` } });
        for (const group of rec.ofType("aws:cloudwatch/logGroup:LogGroup")) {
            assert.equal(rec.inputs(group).kmsKeyId, `arn:aws:kms:eu-west-1:123456789012:${key.name}`, group.name);
        }
    });

    it("database and deploy stages: cross-account actions that run the platform's builds as its action role; no in-VPC build here", async () => {
        const rec = await orders();
        const platform = plainValue((await planSample("platform-aws-prod", { preview: false })).outputs) as any;
        const builds = platform.homes.orders.builds;
        const stages = rec.inputs(rec.one("aws:codepipeline/pipeline:Pipeline")).stages as { name: string; actions: Record<string, any>[] }[];
        const [database] = stages.find((s) => s.name === "Database")!.actions;
        const [deploy] = stages.find((s) => s.name === "Deploy")!.actions;
        assert.deepEqual([database.roleArn, database.configuration.ProjectName], [builds.actionsRoleArn, "acme-prod-orders-database"]);
        assert.deepEqual([deploy.roleArn, deploy.configuration.ProjectName], [builds.actionsRoleArn, "acme-prod-orders-deploy"]);
        assert.deepEqual(JSON.parse(deploy.configuration.EnvironmentVariables), [{ name: "MANIFEST_DIR", value: ".", type: "PLAINTEXT" }], "the manifests' own repository (pipeline.deployRepository)");
        for (const action of [database, deploy]) assert.deepEqual(action.outputArtifacts, [], "a cross-account build action has no outputs");
        // Only the image build runs here: CodeBuild does not use the shared subnets.
        assert.deepEqual(rec.ofType("aws:codebuild/project:Project").map((p) => rec.inputs(p).name), ["acme-prod-orders-build"]);
        assert.equal(rec.ofType("aws:ec2/securityGroup:SecurityGroup").filter((g) => /deploy|clients/.test(g.name)).length, 0);
        // The pipeline role may assume the platform's action role and start its own build only.
        const statements = policy(rec, "orders-pipeline-pipeline-policy", "aws:iam/rolePolicy:RolePolicy", "policy").Statement;
        assert.deepEqual(statements.find((st) => st.Sid === "PlatformBuilds"), { Sid: "PlatformBuilds", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: [builds.actionsRoleArn] });
        assert.equal(statements.find((st) => st.Sid === "Builds")!.Resource.length, 1);
        assert.equal(rec.inputs(rec.one("aws:iam/role:Role", "orders-pipeline-pipeline-role")).name, "acme-prod-orders-pipeline", "the name the action role trusts");
    });

    it("artifacts: the bucket and the key admit exactly the platform's three build roles, read only, the key through S3 only", async () => {
        const rec = await orders();
        const roles = ["pipeline-actions", "deploy", "db-bootstrap"].map((r) => `arn:aws:iam::${PLATFORM_ACCOUNT}:role/acme-prod-orders-${r}`);
        const bucket = policy(rec, "orders-pipeline-artifacts-policy", "aws:s3/bucketPolicy:BucketPolicy", "policy").Statement;
        const grants = bucket.filter((st) => st.Effect === "Allow");
        assert.deepEqual(grants.map((g) => [g.Action, g.Resource]), [
            [["s3:GetObject", "s3:GetObjectVersion"], `${fabricatedArn(rec.one("aws:s3/bucket:Bucket", "orders-pipeline-artifacts"))}/*`],
            [["s3:GetBucketAcl", "s3:GetBucketLocation", "s3:ListBucket"], fabricatedArn(rec.one("aws:s3/bucket:Bucket", "orders-pipeline-artifacts"))],
        ]);
        for (const grant of grants) {
            assert.deepEqual(grant.Principal, { AWS: `arn:aws:iam::${PLATFORM_ACCOUNT}:root` });
            assert.deepEqual(grant.Condition, { ArnEquals: { "aws:PrincipalArn": roles } });
        }
        const key = policy(rec, "orders-key-key", "aws:kms/key:Key", "policy").Statement.find((st) => st.Sid === "PlatformBuildsReadArtifactsThroughS3")!;
        assert.deepEqual(key.Action, ["kms:Decrypt", "kms:DescribeKey"]);
        assert.deepEqual(key.Condition, { ArnEquals: { "aws:PrincipalArn": roles }, StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } });
        // The pack's resource-policy rule has nothing against either.
        assert.deepEqual(resourcePolicyProblems({ Statement: bucket }), []);
    });

    it("database stage: its database admits the platform's admin-jobs group; a targets role here, trusted by the platform's database build only", async () => {
        const rec = await orders();
        const platform = plainValue((await planSample("platform-aws-prod", { preview: false })).outputs) as any;
        const groups = rec.inputs(rec.one("aws:ec2/securityGroup:SecurityGroup", "orders-database-sg")).ingress
            .flatMap((rule: { securityGroups?: string[] }) => rule.securityGroups ?? []);
        assert.ok(groups.includes(`${PLATFORM_ACCOUNT}/${platform.homes.orders.builds.adminSecurityGroupId}`), groups.join(", "));
        const role = rec.one("aws:iam/role:Role", "targets-role");
        assert.equal(rec.inputs(role).name, "acme-prod-orders-db-targets");
        const [trust, ...others] = policy(rec, "targets-role", "aws:iam/role:Role", "assumeRolePolicy").Statement;
        assert.deepEqual(others, []);
        assert.deepEqual(trust.Principal, { AWS: `arn:aws:iam::${PLATFORM_ACCOUNT}:root` });
        assert.deepEqual(trust.Condition, { ArnEquals: { "aws:PrincipalArn": [`arn:aws:iam::${PLATFORM_ACCOUNT}:role/acme-prod-orders-db-bootstrap`] } });
        const statements = policy(rec, "targets-policy", "aws:iam/rolePolicy:RolePolicy", "policy").Statement;
        assert.deepEqual(statements.map((st) => [st.Sid, st.Action]), [
            ["Targets", ["ssm:GetParameter"]], ["MasterSecrets", ["secretsmanager:GetSecretValue"]], ["DomainKey", ["kms:Decrypt", "kms:DescribeKey"]],
        ]);
        const parameter = rec.one("aws:ssm/parameter:Parameter");
        assert.deepEqual(statements[0].Resource, [fabricatedArn(parameter)]);
        const targets = JSON.parse(rec.inputs(parameter).value);
        assert.equal(targets.database, "orders");
        assert.equal(targets.primaries.length, rec.ofType("aws:rds/instance:Instance").filter((i) => !rec.inputs(i).replicateSourceDb).length);
        assert.deepEqual(statements[1].Resource, targets.primaries.map((p: { secretArn: string }) => p.secretArn));
        assert.ok(targets.primaries.every((p: { host: string; secretArn: string }) => p.host && p.secretArn.includes(":secretsmanager:")), rec.inputs(parameter).value);
    });

    it("names every role and project exactly as the platform creates them (naming contract)", async () => {
        const platform = new Recorded((await planSample("platform-aws-prod", { preview: false })).resources);
        const name = (type: string, logical: string) => platform.inputs(platform.one(type, logical)).name as string;
        const rec = await orders();
        const stages = rec.inputs(rec.one("aws:codepipeline/pipeline:Pipeline")).stages as { name: string; actions: Record<string, any>[] }[];
        const project = (stage: string) => stages.find((s) => s.name === stage)!.actions[0].configuration.ProjectName;
        assert.equal(project("Database"), name("aws:codebuild/project:Project", "home-orders-database"));
        assert.equal(project("Deploy"), name("aws:codebuild/project:Project", "home-orders-deploy"));
        const bucket = policy(rec, "orders-pipeline-artifacts-policy", "aws:s3/bucketPolicy:BucketPolicy", "policy").Statement.find((st) => st.Effect === "Allow")!;
        for (const logical of ["home-orders-actions-role", "home-orders-deploy-role", "home-orders-database-role"]) {
            assert.ok(bucket.Condition.ArnEquals["aws:PrincipalArn"].includes(`arn:aws:iam::${PLATFORM_ACCOUNT}:role/${name("aws:iam/role:Role", logical)}`), logical);
        }
        const platformDeploy = policyOf(platform, platform.one("aws:iam/rolePolicy:RolePolicy", "home-orders-deploy-policy")).Statement;
        assert.deepEqual(platformDeploy.find((st) => st.Sid === "DomainArtifacts")!.Resource, [`arn:aws:s3:::${rec.inputs(rec.one("aws:s3/bucket:Bucket", "orders-pipeline-artifacts")).bucket}/*`]);
        const vars = variablesOf(platform.inputs(platform.one("aws:codebuild/project:Project", "home-orders-database")));
        assert.equal(vars.TARGETS_PARAMETER, rec.inputs(rec.one("aws:ssm/parameter:Parameter")).name);
        assert.equal(vars.TARGETS_ROLE_ARN, `arn:aws:iam::${ORDERS_ACCOUNT}:role/${rec.inputs(rec.one("aws:iam/role:Role", "targets-role")).name}`);
    });

    it("lets the platform's EKS nodes (node role only) and its Lambda worker pull from its repository; no key grant needed", async () => {
        const rec = await orders();
        const repository = rec.one("aws:ecr/repository:Repository");
        const repoPolicy = rec.one("aws:ecr/repositoryPolicy:RepositoryPolicy");
        assert.ok(repoPolicy.dependencies.includes(repository.urn));
        const statements = policy(rec, "orders-pipeline-images-policy", "aws:ecr/repositoryPolicy:RepositoryPolicy", "policy").Statement;
        assert.deepEqual(statements.map((s) => s.Sid), ["PlatformNodesPull", "LambdaECRImageRetrievalPolicy"]);
        const [nodes, lambda] = statements;
        // The platform account as principal (valid before the role exists), narrowed to its node role.
        assert.deepEqual(nodes.Principal, { AWS: `arn:aws:iam::${PLATFORM_ACCOUNT}:root` });
        assert.deepEqual(nodes.Condition, { ArnEquals: { "aws:PrincipalArn": `arn:aws:iam::${PLATFORM_ACCOUNT}:role/acme-prod-eks-node` } });
        assert.deepEqual(nodes.Action, ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]);
        // The image worker's function only (this policy replaces what Lambda would add itself).
        assert.deepEqual(lambda.Principal, { Service: "lambda.amazonaws.com" });
        const fn = `arn:aws:lambda:eu-west-1:${ORDERS_ACCOUNT}:function:acme-prod-orders-worker`;
        assert.deepEqual(lambda.Condition.StringLike["aws:SourceArn"], [fn, `${fn}:*`]);
        assert.equal(rec.inputs(rec.one("aws:lambda/function:Function")).name, "acme-prod-orders-worker");
        assert.ok(rec.one("aws:lambda/function:Function").dependencies.includes(repoPolicy.urn), "the function is created after Lambda may pull");
        // The pack's resource-policy rule (deferred in a preview) has nothing against it.
        assert.deepEqual(resourcePolicyProblems(policy(rec, "orders-pipeline-images-policy", "aws:ecr/repositoryPolicy:RepositoryPolicy", "policy")), []);
    });

    it("names the node role exactly as the platform creates it (naming contract)", async () => {
        const platform = new Recorded((await planSample("platform-aws-prod", { preview: false })).resources);
        const nodeRole = platform.ofType("aws:iam/role:Role").find((r) => r.name.endsWith("node-role"))!;
        assert.equal(platform.inputs(nodeRole).name, "acme-prod-eks-node");
        const statements = policy(await orders(), "orders-pipeline-images-policy", "aws:ecr/repositoryPolicy:RepositoryPolicy", "policy").Statement;
        assert.ok(statements[0].Condition.ArnEquals["aws:PrincipalArn"].endsWith(`:role/${platform.inputs(nodeRole).name}`));
    });

    it("without an image worker the repository admits the platform's nodes only", async () => {
        const config = organizationConfig("orders-aws-prod");
        const result = await runStackConfig("orders-aws-prod", { ...config, worker: { ...config.worker, package: "zip", artifact: "worker/1.0.0.zip" } } as never, {
            preview: false,
            stackReferences: { "platform-aws-prod": (await planSample("platform-aws-prod", { preview: false })).outputs },
        });
        const rec = new Recorded(result.resources);
        const statements = policy(rec, "orders-pipeline-images-policy", "aws:ecr/repositoryPolicy:RepositoryPolicy", "policy").Statement;
        assert.deepEqual(statements.map((s) => s.Sid), ["PlatformNodesPull"]);
    });

    it("without an organization nothing changes: the platform's role and subnets, the platform's access-log bucket", async () => {
        const rec = new Recorded((await runDomain("prod", {}, { preview: false })).resources);
        assert.equal(rec.ofType("landing-zone:aws:DomainWorkloadRole").length, 0);
        assert.equal(rec.ofType("landing-zone:aws:DomainAccessLogs").length, 0);
        assert.equal(rec.inputs(rec.one("pulumi:providers:aws")).allowedAccountIds, undefined);
        assert.equal(rec.inputs(rec.one("aws:kms/key:Key")).policy, undefined, "the default key policy, as before");
        // The deploy stage as before: the platform's deploy role, its cluster group admitting the build's group.
        assert.equal(rec.ofType("aws:iam/role:Role").filter((r) => r.name.includes("deploy")).length, 0);
        const project = rec.inputs(rec.one("aws:codebuild/project:Project", "pipeline-deploy"));
        assert.doesNotMatch(project.source.buildspec, /--role-arn/);
        assert.ok(!project.environment.environmentVariables.some((v: { name: string }) => v.name === "DEPLOY_ROLE_ARN"));
        assert.equal(rec.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r) => r.name.includes("cluster-api-from-deploy")).length, 1);
        // Same account: the node role's own policy pulls, Lambda adds its statement itself.
        assert.equal(rec.ofType("aws:ecr/repositoryPolicy:RepositoryPolicy").length, 0);
    });
});
