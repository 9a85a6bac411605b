import { strict as assert } from "node:assert";
import { resourcePolicyProblems } from "../../../policies/aws/disallow-public-resource-policies";
import { planSample, Recorded, runStackConfig } from "../../harness";
import { organizationConfig } from "../../organization-helpers";
import { runDomain } from "./helpers";
import { parse } from "yaml";

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

    it("deploy stage: runs as a build role of its own account that may only assume the platform's deploy role (naming contract)", async () => {
        const rec = await orders();
        const platformDeployRole = `arn:aws:iam::${PLATFORM_ACCOUNT}:role/acme-prod-orders-deploy`;
        const role = rec.one("aws:iam/role:Role", "deploy-build-role");
        assert.equal(rec.inputs(role).name, "acme-prod-orders-deploy-build");
        const [trust, ...others] = policy(rec, "deploy-build-role", "aws:iam/role:Role", "assumeRolePolicy").Statement;
        assert.deepEqual(others, []);
        assert.deepEqual(trust.Principal, { Service: "codebuild.amazonaws.com" });
        assert.deepEqual(trust.Condition, { StringEquals: { "aws:SourceAccount": ORDERS_ACCOUNT } });
        // Its only STS (and only cross-account) permission: assume the platform's deploy role.
        const statements = policy(rec, "pipeline-deploy-policy", "aws:iam/rolePolicy:RolePolicy", "policy").Statement;
        assert.equal(rec.inputs(rec.one("aws:iam/rolePolicy:RolePolicy", "pipeline-deploy-policy")).role, "acme-prod-orders-deploy-build");
        const sts = statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith("sts:")));
        assert.deepEqual(sts, [{ Sid: "AssumePlatformDeployRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: [platformDeployRole] }]);
        assert.deepEqual(statements.map((s) => s.Sid), ["BuildLogs", "Artifacts", "AssumePlatformDeployRole", "DomainKey"]);
        assert.ok(!JSON.stringify(statements).includes("eks:"), "no EKS call as the build role: the cluster is the platform's");
        // The project runs as it, and the buildspec's kubeconfig assumes the platform role.
        const project = rec.inputs(rec.one("aws:codebuild/project:Project", "pipeline-deploy"));
        assert.equal(project.serviceRole, `arn:aws:iam:eu-west-1:123456789012:${role.name}`);
        const commands = (parse(project.source.buildspec) as { phases: { build: { commands: string[] } } }).phases.build.commands;
        const kubeconfig = commands.findIndex((c) => c.startsWith("aws eks update-kubeconfig"));
        assert.deepEqual(commands.slice(0, kubeconfig + 1), [
            "aws configure set profile.deploy.role_arn \"$DEPLOY_ROLE_ARN\"",
            "aws configure set profile.deploy.credential_source EcsContainer",
            "aws configure set profile.deploy.role_session_name \"deploy-$CODEBUILD_BUILD_NUMBER\"",
            "aws eks update-kubeconfig --name \"$CLUSTER_NAME\" --region \"$AWS_REGION\" --profile deploy",
        ], "describe-cluster and get-token both run as the platform's deploy role");
        assert.ok(commands.findIndex((c) => c.startsWith("kubectl kustomize")) > kubeconfig, "kubectl runs after the kubeconfig is written");
        const vars = Object.fromEntries(project.environment.environmentVariables.map((v: { name: string; value: string }) => [v.name, v.value]));
        assert.equal(vars.DEPLOY_ROLE_ARN, platformDeployRole);
        assert.equal(vars.CLUSTER_NAME, "acme-prod");
    });

    it("deploy stage: in the shared private subnets behind a group of its own; no rule on the platform's cluster group", async () => {
        const rec = await orders();
        const project = rec.inputs(rec.one("aws:codebuild/project:Project", "pipeline-deploy"));
        assert.deepEqual(project.vpcConfig.subnets, ["a", "b", "c"].map((z) => `network-private-eu-west-1${z}-id`));
        const sg = rec.one("aws:ec2/securityGroup:SecurityGroup", "deploy-sg");
        assert.deepEqual(project.vpcConfig.securityGroupIds, [`${sg.name}-id`]);
        assert.equal(rec.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r) => r.name.includes("cluster-api")).length, 0);
        // Interfaces and the group are the domain account's; the shared subnets stay the platform's.
        const statements = policy(rec, "pipeline-deploy-vpc-policy", "aws:iam/rolePolicy:RolePolicy", "policy").Statement;
        const create = statements.find((s) => s.Sid === "BuildNetworkInterface")!;
        assert.deepEqual(create.Resource, [
            `arn:aws:ec2:eu-west-1:${ORDERS_ACCOUNT}:network-interface/*`,
            ...["a", "b", "c"].map((z) => `arn:aws:ec2:eu-west-1:${PLATFORM_ACCOUNT}:subnet/network-private-eu-west-1${z}-id`),
            `arn:aws:ec2:eu-west-1:${ORDERS_ACCOUNT}:security-group/${sg.name}-id`,
        ]);
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
