import { strict as assert } from "node:assert";
import { parse } from "yaml";
import { appRoleSql, BUILD_SPEC, connectionsConsoleUrl, DATABASE_ROLE_SPEC, databaseRoleVariables, DEPLOY_SPEC } from "../../../components/aws/pipeline";
import { FAKE_CLUSTER_SG, FAKE_DEPLOY_ROLE, FAKE_LOGS_KEY, FAKE_PRIVATE_SUBNETS } from "./fake-platform";
import { domainOutput, fabricatedArn, list, parsePolicy, recordDomain } from "./helpers";

const PROJECT = "aws:codebuild/project:Project";
const PIPELINE = "aws:codepipeline/pipeline:Pipeline";
const CONNECTION = "aws:codeconnections/connection:Connection";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const external = { pipeline: { source: "external" as const, repository: "acme/orders-service", deployRepository: "acme/orders-deploy" } };

describe("components/aws/pipeline.ts", () => {
    it("pipeline.source managed: CodeCommit repositories (KMS), no external connection, push-triggered", async () => {
        const managed = { pipeline: { source: "managed" as const, repository: "orders-service", deployRepository: "orders-deploy" } };
        const rec = await recordDomain("dev", managed, { preview: false });
        const repos = rec.ofType("aws:codecommit/repository:Repository");
        assert.equal(repos.length, 2);
        const keyArn = fabricatedArn(rec.one("aws:kms/key:Key", "orders-key"));
        for (const repo of repos) {
            assert.equal(rec.inputs(repo).kmsKeyId, keyArn);
            assert.equal(repo.retainOnDelete, true, "source code outlives the stack");
        }
        assert.equal(rec.ofType(CONNECTION).length, 0);
        assert.equal((await domainOutput("dev", managed, "pipeline")).nextStep, undefined, "no human step");
        const source = rec.inputs(rec.one(PIPELINE)).stages[0];
        assert.deepEqual(source.actions.map((a: { provider: string }) => a.provider), ["CodeCommit", "CodeCommit"]);
        assert.equal(rec.ofType("aws:cloudwatch/eventTarget:EventTarget").length, 1);
    });

    it("pipeline.source external: a CodeConnections connection to the Git host, no CodeCommit", async () => {
        const rec = await recordDomain("dev", external, { preview: false });
        assert.equal(rec.ofType("aws:codecommit/repository:Repository").length, 0);
        assert.equal(rec.ofType("aws:codestarconnections/connection:Connection").length, 0);
        const connection = rec.one(CONNECTION);
        const statement = parsePolicy(rec.inputs(rec.one(ROLE_POLICY, "pipeline-pipeline-policy")).policy).Statement.find((st) => st.Sid === "Source")!;
        assert.deepEqual(list(statement.Action), ["codeconnections:UseConnection"]);
        assert.deepEqual(list(statement.Resource), [fabricatedArn(connection)]);
        const source = rec.inputs(rec.one(PIPELINE)).stages[0];
        for (const action of source.actions) {
            assert.equal(action.provider, "CodeStarSourceConnection");
            assert.equal(action.configuration.ConnectionArn, fabricatedArn(connection));
        }
        assert.deepEqual(source.actions.map((a: { configuration: { FullRepositoryId: string } }) => a.configuration.FullRepositoryId),
            ["acme/orders-service", "acme/orders-deploy"]);
    });

    it("the external connection is the default on aws (CodeCommit no longer takes new customers); its PENDING handshake is a stack output", async () => {
        const rec = await recordDomain("dev", {}, { preview: false });
        const connection = rec.one(CONNECTION);
        assert.equal(rec.inputs(connection).providerType, "GitHub");
        assert.equal(rec.ofType("aws:codecommit/repository:Repository").length, 0);
        const { nextStep } = await domainOutput("dev", {}, "pipeline", { preview: false });
        assert.ok(nextStep.includes(fabricatedArn(connection)), nextStep);
        assert.ok(nextStep.includes(connectionsConsoleUrl("eu-west-1")), nextStep);
        assert.match(nextStep, /PENDING.*Update pending connection.*fail/s);
        assert.equal(connectionsConsoleUrl("eu-west-1"), "https://eu-west-1.console.aws.amazon.com/codesuite/settings/connections?region=eu-west-1");
    });

    it("tags images with the commit and the build number, so a rebuild of a commit never collides with an immutable tag", () => {
        const tag = BUILD_SPEC.split("\n").find((line) => line.includes("IMAGE_TAG="))!;
        assert.match(tag, /CODEBUILD_RESOLVED_SOURCE_VERSION/);
        assert.match(tag, /\$CODEBUILD_BUILD_NUMBER/);
        assert.match(BUILD_SPEC, /docker push "\$REPOSITORY_URI:\$IMAGE_TAG"/);
    });

    it("grant before use: each CodeBuild project waits for its role's policies (the deploy project for its VPC permissions), the pipeline for its own", async () => {
        const rec = await recordDomain("dev", {}, { preview: false });
        const dependsOn = (type: string, name: string) => rec.one(type, name).dependencies;
        const urnOf = (name: string) => rec.one(ROLE_POLICY, name).urn;
        for (const [project, policies] of [
            ["pipeline-build", ["pipeline-build-policy"]],
            ["pipeline-database", ["pipeline-database-policy", "pipeline-database-vpc-policy"]],
            ["pipeline-deploy", ["pipeline-deploy-policy", "pipeline-deploy-vpc-policy"]],
        ] as const) {
            for (const policy of policies) assert.ok(dependsOn(PROJECT, project).includes(urnOf(policy)), `${project} does not wait for ${policy}`);
        }
        assert.ok(dependsOn(PIPELINE, "").includes(urnOf("pipeline-pipeline-policy")));
        const vpc = parsePolicy(rec.inputs(rec.one(ROLE_POLICY, "pipeline-deploy-vpc-policy")).policy);
        assert.ok(vpc.Statement.some((st) => list(st.Action).includes("ec2:DescribeSecurityGroups")));
    });

    it("pushes to the domain's own ECR repository: scan on push, immutable tags, KMS", async () => {
        const rec = await recordDomain("dev", {}, { preview: false });
        const repo = rec.inputs(rec.one("aws:ecr/repository:Repository"));
        assert.equal(repo.imageScanningConfiguration.scanOnPush, true);
        assert.equal(repo.imageTagMutability, "IMMUTABLE");
        assert.equal(repo.encryptionConfigurations[0].encryptionType, "KMS");
        assert.equal(repo.encryptionConfigurations[0].kmsKey, fabricatedArn(rec.one("aws:kms/key:Key", "orders-key")));
        assert.match(repo.name, /^acme-dev-orders-/);
    });

    it("source -> build -> deploy; only the Docker build runs privileged; both log to a KMS-encrypted CloudWatch group", async () => {
        const rec = await recordDomain("dev", {}, { preview: false });
        const pipeline = rec.inputs(rec.one(PIPELINE));
        assert.deepEqual(pipeline.stages.map((s: { name: string }) => s.name), ["Source", "Build", "Database", "Deploy"]);
        const build = rec.inputs(rec.one(PROJECT, "pipeline-build"));
        const deploy = rec.inputs(rec.one(PROJECT, "pipeline-deploy"));
        assert.equal(build.environment.privilegedMode, true);
        assert.equal(deploy.environment.privilegedMode, false);
        const logGroup = rec.inputs(rec.one("aws:cloudwatch/logGroup:LogGroup"));
        assert.equal(logGroup.kmsKeyId, FAKE_LOGS_KEY);
        assert.ok(logGroup.retentionInDays > 0);
        for (const project of [build, deploy]) {
            assert.equal(project.logsConfig.cloudwatchLogs.status, "ENABLED");
            assert.equal(project.logsConfig.cloudwatchLogs.groupName, logGroup.name);
        }
        const deployAction = pipeline.stages[3].actions[0];
        assert.equal(deployAction.configuration.ProjectName, deploy.name);
    });

    it("deploys as the platform's namespace-scoped deploy role and cannot change its cluster access", async () => {
        const rec = await recordDomain("dev", {}, { preview: false });
        assert.equal(rec.ofType("aws:eks/accessEntry:AccessEntry").length, 0, "a domain creates no access entry");
        assert.equal(rec.ofType("aws:eks/accessPolicyAssociation:AccessPolicyAssociation").length, 0);
        assert.equal(rec.ofType("aws:iam/role:Role").filter((r) => r.name.includes("deploy")).length, 0, "the deploy role is the platform's");
        const deploy = rec.inputs(rec.one(PROJECT, "pipeline-deploy"));
        const vars = Object.fromEntries(deploy.environment.environmentVariables.map((v: { name: string; value: string }) => [v.name, v.value]));
        assert.equal(vars.NAMESPACE, "orders");
        assert.match(deploy.source.buildspec, /kubectl apply --namespace "\$NAMESPACE"/);
        assert.equal(deploy.serviceRole, `arn:aws:iam::123456789012:role/${FAKE_DEPLOY_ROLE}`);
        for (const policy of rec.ofType("aws:iam/rolePolicy:RolePolicy").filter((r) => r.name.includes("deploy"))) {
            assert.equal(rec.inputs(policy).role, FAKE_DEPLOY_ROLE);
        }
        assert.equal((await domainOutput("dev", {}, "pipeline")).targetNamespace, "orders");
    });

    it("runs the deploy build in the private subnets, admitted by the cluster API on 443 only", async () => {
        const rec = await recordDomain("dev", {}, { preview: false });
        const sg = rec.one("aws:ec2/securityGroup:SecurityGroup", "deploy-sg");
        const deploy = rec.inputs(rec.one(PROJECT, "pipeline-deploy"));
        assert.deepEqual(deploy.vpcConfig.subnets, FAKE_PRIVATE_SUBNETS);
        assert.deepEqual(deploy.vpcConfig.securityGroupIds, [`${sg.name}-id`]);
        const egress = rec.inputs(sg).egress;
        assert.deepEqual(egress.map((e: { fromPort: number; toPort: number }) => [e.fromPort, e.toPort]), [[443, 443]]);
        assert.deepEqual(rec.inputs(sg).ingress, []);
        const rule = rec.inputs(rec.one("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "cluster-api"));
        assert.equal(rule.securityGroupId, FAKE_CLUSTER_SG);
        assert.equal(rule.referencedSecurityGroupId, `${sg.name}-id`);
        assert.equal(rule.cidrIpv4, undefined);
        assert.equal(rule.fromPort, 443);
        assert.equal(rule.toPort, 443);
        assert.equal(rec.inputs(rec.one(PROJECT, "pipeline-build")).vpcConfig, undefined);
    });

    it("keeps artifacts in a KMS-encrypted, non-public, TLS-only bucket", async () => {
        const rec = await recordDomain("dev", {}, { preview: false });
        const keyArn = fabricatedArn(rec.one("aws:kms/key:Key", "orders-key"));
        const store = rec.inputs(rec.one(PIPELINE)).artifactStores[0];
        assert.deepEqual(store.encryptionKey, { id: keyArn, type: "KMS" });
        const bucket = rec.one("aws:s3/bucket:Bucket", "artifacts");
        assert.equal(store.location, rec.inputs(bucket).bucket);
        const pab = rec.inputs(rec.one("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "artifacts"));
        assert.ok(pab.blockPublicAcls && pab.blockPublicPolicy && pab.ignorePublicAcls && pab.restrictPublicBuckets);
        const sse = rec.inputs(rec.one("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "artifacts"));
        assert.equal(sse.rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId, keyArn);
        const policy = parsePolicy(rec.inputs(rec.one("aws:s3/bucketPolicy:BucketPolicy", "artifacts")).policy);
        assert.ok(policy.Statement.some((s) => s.Effect === "Deny" && s.Condition?.Bool?.["aws:SecureTransport"] === "false"));
    });

    it("role policies name the pipeline's own resources; * only for calls without a resource-level form", async () => {
        const rec = await recordDomain("dev", { pipeline: { source: "managed" } }, { preview: false });
        for (const name of ["build-policy", "database-policy", "database-vpc-policy", "deploy-policy", "deploy-vpc-policy", "pipeline-policy", "events-policy"]) {
            const doc = parsePolicy(rec.inputs(rec.one(ROLE_POLICY, `pipeline-${name}`)).policy);
            for (const s of doc.Statement) {
                for (const action of list(s.Action)) assert.ok(!action.includes("*"), `${name}: ${action}`);
                if (list(s.Resource).includes("*")) {
                    for (const action of list(s.Action)) assert.match(action, /^ec2:Describe|^ecr:GetAuthorizationToken$/, name);
                }
            }
        }
    });

    it("database stage: before the deploy, an in-VPC project behind the database's admin-jobs group creates the app role on every primary", async () => {
        const sharded = { database: { layout: "sharded" as const, shards: 2, replicas: 1 } };
        const rec = await recordDomain("dev", sharded, { preview: false });
        const pipeline = rec.inputs(rec.one(PIPELINE));
        const stage = pipeline.stages.find((s: { name: string }) => s.name === "Database");
        const project = rec.inputs(rec.one(PROJECT, "pipeline-database"));
        assert.equal(stage.actions[0].configuration.ProjectName, project.name);
        assert.ok(pipeline.stages.indexOf(stage) < pipeline.stages.findIndex((s: { name: string }) => s.name === "Deploy"));
        const clients = rec.one("aws:ec2/securityGroup:SecurityGroup", "database-clients-sg");
        assert.deepEqual(project.vpcConfig.subnets, FAKE_PRIVATE_SUBNETS);
        assert.deepEqual(project.vpcConfig.securityGroupIds, [`${clients.name}-id`]);
        assert.equal(project.environment.privilegedMode, false);
        assert.equal(project.source.buildspec, DATABASE_ROLE_SPEC);
        const policy = parsePolicy(rec.inputs(rec.one(ROLE_POLICY, "pipeline-database-policy")).policy);
        assert.deepEqual(list(policy.Statement.find((st) => st.Sid === "MasterSecrets")!.Action), ["secretsmanager:GetSecretValue"]);
        const pipelinePolicy = parsePolicy(rec.inputs(rec.one(ROLE_POLICY, "pipeline-pipeline-policy")).policy);
        assert.ok(list(pipelinePolicy.Statement.find((st) => st.Sid === "Builds")!.Resource).includes(fabricatedArn(rec.one(PROJECT, "pipeline-database"))));
    });

    it("database stage input: a parameter with each primary's host and master secret ARN (never a password); variables hold no secret; idempotent SQL", async () => {
        const sharded = { database: { layout: "sharded" as const, shards: 2, replicas: 1 } };
        const rec = await recordDomain("dev", sharded, { preview: false });
        const parameter = rec.inputs(rec.one("aws:ssm/parameter:Parameter"));
        assert.equal(parameter.type, "String");
        const targets = JSON.parse(parameter.value);
        const primaries = rec.ofType("aws:rds/instance:Instance").filter((i) => !rec.inputs(i).replicateSourceDb);
        assert.equal(primaries.length, 2);
        assert.deepEqual(targets.primaries.map((p: { host: string }) => p.host).sort(),
            primaries.map((i) => `${rec.inputs(i).identifier}.c0example0.eu-west-1.rds.amazonaws.com`).sort());
        assert.ok(targets.primaries.every((p: { secretArn: string }) => p.secretArn.startsWith("arn:aws:secretsmanager:")));
        assert.doesNotMatch(parameter.value, /password/i);
        const project = rec.inputs(rec.one(PROJECT, "pipeline-database"));
        const vars = Object.fromEntries(project.environment.environmentVariables.map((v: { name: string; value: string; type: string }) => [v.name, v]));
        assert.equal(vars.TARGETS_PARAMETER.value, parameter.name);
        assert.equal(vars.TARGETS_ROLE_ARN, undefined, "its own account: no role to assume");
        assert.ok(Object.values(vars).every((v: any) => v.type === "PLAINTEXT" && !/secret/i.test(v.value)));
        const policy = parsePolicy(rec.inputs(rec.one(ROLE_POLICY, "pipeline-database-policy")).policy);
        assert.deepEqual(list(policy.Statement.find((st) => st.Sid === "Targets")!.Resource), [fabricatedArn(rec.one("aws:ssm/parameter:Parameter"))]);
        assert.deepEqual(list(policy.Statement.find((st) => st.Sid === "MasterSecrets")!.Resource).sort(), targets.primaries.map((p: { secretArn: string }) => p.secretArn).sort());
        const sql = appRoleSql();
        assert.match(sql, /IF NOT EXISTS \(SELECT FROM pg_catalog\.pg_roles WHERE rolname = 'app'\) THEN CREATE ROLE app LOGIN/);
        assert.match(sql, /GRANT rds_iam TO app;/);
        assert.match(sql, /EXECUTE format\('GRANT CONNECT, TEMPORARY ON DATABASE %I TO app', current_database\(\)\);/);
        assert.equal(databaseRoleVariables("p").find((v) => v.name === "APP_ROLE_SQL")!.value, sql);
    });

    it("every buildspec is valid YAML of buildspec version 0.2; the database stage runs in bash with psql and jq installed", () => {
        for (const spec of [BUILD_SPEC, DEPLOY_SPEC, DATABASE_ROLE_SPEC]) {
            const doc = parse(spec);
            assert.equal(doc.version, 0.2);
            assert.ok(doc.phases.build.commands.length > 0);
        }
        const database = parse(DATABASE_ROLE_SPEC);
        assert.equal(database.env.shell, "bash");
        assert.deepEqual(database.phases.install.commands[0], "dnf install -y -q postgresql15 jq");
        assert.match(database.phases.build.commands[0], /^set -euo pipefail\n/);
    });

    it("pipeline.enabled false: no pipeline and no pipeline output", async () => {
        const rec = await recordDomain("dev", { pipeline: { enabled: false } });
        assert.equal(rec.ofType(PIPELINE).length, 0);
        assert.equal(rec.ofType(PROJECT).length, 0);
        assert.equal(await domainOutput("dev", { pipeline: { enabled: false } }, "pipeline"), undefined);
    });

    it("protects the image and source repositories and the artifact bucket in prod only", async () => {
        const stateful = ["aws:ecr/repository:Repository", "aws:codecommit/repository:Repository"];
        const prod = await recordDomain("prod", { pipeline: { source: "managed" } });
        const dev = await recordDomain("dev", { pipeline: { source: "managed" } });
        for (const type of stateful) {
            assert.ok(prod.ofType(type).length > 0, type);
            for (const r of prod.ofType(type)) assert.equal(r.protect, true, r.name);
            for (const r of dev.ofType(type)) assert.equal(r.protect, false, r.name);
        }
        assert.equal(prod.one("aws:s3/bucket:Bucket", "artifacts").protect, true);
    });
});
