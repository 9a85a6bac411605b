import { strict as assert } from "node:assert";
import { artifactBucketName } from "../../../components/aws/build-contract";
import { carveBuildSubnets } from "../../../components/aws/network";
import { DATABASE_ROLE_SPEC, DEPLOY_SPEC } from "../../../components/aws/pipeline";
import { planSample, plainValue } from "../../harness";
import { fabricatedArn } from "../domain/helpers";
import { domainNaming, organized, policyOf, sample, variablesOf } from "./helpers";

const SHARE = "aws:ram/resourceShare:ResourceShare";
const SHARED_RESOURCE = "aws:ram/resourceAssociation:ResourceAssociation";
const SHARED_WITH = "aws:ram/principalAssociation:PrincipalAssociation";
const ASSOCIATION = "aws:eks/podIdentityAssociation:PodIdentityAssociation";
const PROJECT = "aws:codebuild/project:Project";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

// organization-aws planned with fabricated outputs: account ids are `organization-account-<role>-id`.
const SHARED_PROD = "organization-account-shared-prod-id";
const accountOf = (domain: string) => `organization-account-${domain}-prod-id`;

describe("aws platform reading organization-aws (landing-zone:organizationStack)", () => {
    it("creates no OU and no account: the hierarchy is the organization's, read from its outputs", async () => {
        for (const stack of ["platform-aws-prod", "platform-aws-dev"] as const) {
            const rec = await organized(stack);
            assert.deepEqual(rec.resources.filter((r) => r.type.startsWith("aws:organizations")).map((r) => r.name), [], stack);
        }
        const outputs = plainValue((await planSample("platform-aws-prod", { preview: false })).outputs) as any;
        assert.equal(outputs.hierarchy.mode, "existing");
        assert.equal(outputs.hierarchy.environmentId, "organization-ou-workloads-prod-id");
        assert.equal(outputs.hierarchy.platformScope, SHARED_PROD);
        assert.deepEqual(outputs.hierarchy.domainScopes, { orders: accountOf("orders"), payments: accountOf("payments") });
        assert.deepEqual(outputs.extras.domainRoleArns, {}, "no management-account role to assume");
    });

    it("runs in the shared-services account the organization recorded: the provider refuses any other", async () => {
        const rec = await organized("platform-aws-prod", false);
        const allowed = rec.inputs(rec.one("pulumi:providers:aws")).allowedAccountIds;
        assert.deepEqual(typeof allowed === "string" ? JSON.parse(allowed) : allowed, [SHARED_PROD]);
        assert.equal(rec.inputs(rec.one("pulumi:providers:aws")).assumeRoles, undefined, "runs with that account's credentials, assumes no role");
    });

    it("RAM: one share per domain, inside the organization only, with its data and private subnets, to its account", async () => {
        const rec = await organized("platform-aws-prod", false);
        const shares = rec.ofType(SHARE);
        assert.deepEqual(shares.map((s) => rec.inputs(s).name).sort(), ["acme-prod-orders-subnets", "acme-prod-payments-subnets"]);
        for (const domain of ["orders", "payments"]) {
            const share = rec.one(SHARE, `share-${domain}-`);
            assert.equal(rec.inputs(share).allowExternalPrincipals, false);
            const shareArn = `arn:aws:ram:eu-west-1:123456789012:share-${domain}-share`;
            const resources = rec.ofType(SHARED_RESOURCE).filter((r) => r.name.startsWith(`share-${domain}-`));
            const subnets = resources.map((r) => rec.inputs(r).resourceArn).sort();
            assert.deepEqual(subnets, ["data", "private"].flatMap((tier) => ["a", "b", "c"].map((z) => `arn:aws:ec2:eu-west-1:123456789012:network-${tier}-eu-west-1${z}`)).sort());
            for (const r of resources) assert.equal(rec.inputs(r).resourceShareArn, shareArn);
            const principal = rec.one(SHARED_WITH, `share-${domain}-`);
            assert.equal(rec.inputs(principal).principal, accountOf(domain));
            assert.equal(rec.inputs(principal).resourceShareArn, shareArn);
        }
        // The public subnets stay the platform's own.
        assert.ok(!rec.ofType(SHARED_RESOURCE).some((r) => /public/.test(String(rec.inputs(r).resourceArn))));
    });

    it("Pod Identity chains to the domain's own workload role: targetRoleArn by the naming contract, a chain role allowed to assume exactly it", async () => {
        const rec = await organized("platform-aws-prod", false);
        for (const domain of ["orders", "payments"]) {
            const target = `arn:aws:iam::${accountOf(domain)}:role/acme-prod-${domain}-workload`;
            const association = rec.inputs(rec.one(ASSOCIATION, `home-${domain}-`));
            assert.equal(association.targetRoleArn, target);
            const chainRole = rec.one("aws:iam/role:Role", `home-${domain}-workload-role`);
            assert.equal(rec.inputs(chainRole).name, `acme-prod-${domain}-workload-chain`);
            assert.equal(association.roleArn, `arn:aws:iam:eu-west-1:123456789012:home-${domain}-workload-role`);
            const trust = policyOf(rec, chainRole, "assumeRolePolicy");
            assert.deepEqual(trust.Statement[0].Principal, { Service: "pods.eks.amazonaws.com" });
            const chain = policyOf(rec, rec.one("aws:iam/rolePolicy:RolePolicy", `home-${domain}-workload-chain`));
            assert.deepEqual(chain.Statement, [{ Sid: "AssumeDomainWorkloadRole", Effect: "Allow", Action: ["sts:AssumeRole", "sts:TagSession"], Resource: [target] }]);
        }
        const outputs = plainValue((await planSample("platform-aws-prod", { preview: false })).outputs) as any;
        const home = outputs.homes.orders;
        assert.equal(home.workloadPrincipal, `arn:aws:iam::${accountOf("orders")}:role/acme-prod-orders-workload`);
        assert.equal(home.workloadRoleName, "acme-prod-orders-workload");
        assert.equal(home.accountId, accountOf("orders"));
        assert.deepEqual(home.sharedSubnetIds.data, ["network-data-eu-west-1a-id", "network-data-eu-west-1b-id", "network-data-eu-west-1c-id"]);
        assert.equal(home.sharedSubnetIds.private.length, 3);
    });

    it("deploy: the platform runs each domain account's deploy build, as the domain's deploy role, in its own VPC (CodeBuild does not use shared subnets)", async () => {
        const rec = await organized("platform-aws-prod", false);
        const buildSubnets = ["a", "b", "c"].map((z) => `network-build-eu-west-1${z}-id`);
        for (const domain of ["orders", "payments"]) {
            const role = rec.one("aws:iam/role:Role", `home-${domain}-deploy-role`);
            assert.equal(rec.inputs(role).name, `acme-prod-${domain}-deploy`);
            const [trust, ...others] = policyOf(rec, role, "assumeRolePolicy").Statement;
            assert.deepEqual(others, []);
            assert.deepEqual(trust.Principal, { Service: "codebuild.amazonaws.com" });
            assert.deepEqual(trust.Condition, { StringEquals: { "aws:SourceAccount": SHARED_PROD } });
            const access = rec.inputs(rec.one("aws:eks/accessPolicyAssociation:AccessPolicyAssociation", `home-${domain}-deploy-access-policy`));
            assert.deepEqual(access.accessScope, { type: "namespace", namespaces: [domain] });

            const project = rec.inputs(rec.one(PROJECT, `home-${domain}-deploy`));
            assert.equal(project.name, `acme-prod-${domain}-deploy`);
            assert.equal(project.serviceRole, `arn:aws:iam:eu-west-1:123456789012:${role.name}`);
            assert.equal(project.source.buildspec, DEPLOY_SPEC);
            assert.deepEqual(project.vpcConfig.subnets, buildSubnets, "the build subnets, which the platform shares with no account");
            const sg = rec.one("aws:ec2/securityGroup:SecurityGroup", `home-${domain}-deploy-sg`);
            assert.deepEqual(project.vpcConfig.securityGroupIds, [`${sg.name}-id`]);
            const vars = variablesOf(project);
            assert.equal(vars.NAMESPACE, domain);
            assert.equal(vars.CLUSTER_NAME, "acme-prod");
            // What the role may do besides its access entry: its logs, the domain's artifacts, describe the cluster, the domain's keys through S3 only.
            const statements = policyOf(rec, rec.one(ROLE_POLICY, `home-${domain}-deploy-policy`)).Statement;
            assert.deepEqual(statements.map((st) => st.Sid), ["BuildLogs", "DomainArtifacts", "DomainArtifactBucket", "Cluster", "DomainKeyThroughS3"]);
            const bucket = `arn:aws:s3:::${artifactBucketName(domainNaming(domain))}`;
            assert.deepEqual(statements[1].Resource, [`${bucket}/*`]);
            assert.deepEqual([statements[2].Action, statements[2].Resource], [["s3:GetBucketAcl", "s3:GetBucketLocation", "s3:ListBucket"], [bucket]]);
            assert.deepEqual(statements[4].Resource, [`arn:aws:kms:eu-west-1:${accountOf(domain)}:key/*`]);
            assert.deepEqual(statements[4].Condition, { StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } });
        }
    });

    it("build subnets: one per zone in the fourth CIDR block, NAT egress like the private tier, in no RAM share", async () => {
        const rec = await organized("platform-aws-prod", false);
        const vpcCidr = rec.inputs(rec.one("aws:ec2/vpc:Vpc")).cidrBlock;
        const zones = ["a", "b", "c"].map((z) => `eu-west-1${z}`);
        const builds = zones.map((zone) => rec.one("aws:ec2/subnet:Subnet", `network-build-${zone}`));
        assert.deepEqual(builds.map((b) => rec.inputs(b).cidrBlock), carveBuildSubnets(vpcCidr, 3));
        const taken = ["public", "private", "data"].flatMap((tier) => zones.map((zone) => rec.inputs(rec.one("aws:ec2/subnet:Subnet", `network-${tier}-${zone}`)).cidrBlock));
        assert.ok(builds.every((b) => !taken.includes(rec.inputs(b).cidrBlock)));
        for (const zone of zones) {
            const association = rec.inputs(rec.one("aws:ec2/routeTableAssociation:RouteTableAssociation", `network-build-rta-${zone}`));
            assert.equal(association.routeTableId, `network-private-rt-${zone}-id`);
        }
        const shared = rec.ofType(SHARED_RESOURCE).map((a) => rec.inputs(a).resourceArn as string);
        assert.ok(shared.length > 0 && builds.every((b) => !shared.some((arn) => arn.endsWith(b.name))), shared.join(", "));
        // Without domain accounts there are none.
        assert.equal((await sample("platform-aws-prod", false)).ofType("aws:ec2/subnet:Subnet").filter((s) => s.name.includes("-build-")).length, 0);
    });

    it("cluster API: admits HTTPS from each domain's deploy group only (no CIDR rule)", async () => {
        const rec = await organized("platform-aws-prod", false);
        const rules = rec.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assert.deepEqual(rules.filter((r) => rec.inputs(r).cidrIpv4 !== undefined && rec.inputs(r).fromPort === 443).map((r) => r.name), []);
        for (const domain of ["orders", "payments"]) {
            const rule = rec.inputs(rec.one("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", `home-${domain}-cluster-api-from-deploy`));
            const sg = rec.one("aws:ec2/securityGroup:SecurityGroup", `home-${domain}-deploy-sg`);
            assert.equal(rule.referencedSecurityGroupId, `${sg.name}-id`);
            assert.deepEqual([rule.ipProtocol, rule.fromPort, rule.toPort], ["tcp", 443, 443]);
        }
    });

    it("database: a build role that may only assume the domain account's targets role, behind an admin-jobs group of the platform", async () => {
        const rec = await organized("platform-aws-prod", false);
        for (const domain of ["orders", "payments"]) {
            const role = rec.one("aws:iam/role:Role", `home-${domain}-database-role`);
            assert.equal(rec.inputs(role).name, `acme-prod-${domain}-db-bootstrap`);
            const targetsRole = `arn:aws:iam::${accountOf(domain)}:role/acme-prod-${domain}-db-targets`;
            const statements = policyOf(rec, rec.one(ROLE_POLICY, `home-${domain}-database-policy`)).Statement;
            const sts = statements.filter((st) => [st.Action].flat().some((a: string) => a.startsWith("sts:")));
            assert.deepEqual(sts, [{ Sid: "AssumeDomainTargetsRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: [targetsRole] }]);
            assert.ok(!JSON.stringify(statements).includes("secretsmanager"), "the secrets are read as the domain's role, in its account");
            const project = rec.inputs(rec.one(PROJECT, `home-${domain}-database`));
            assert.equal(project.source.buildspec, DATABASE_ROLE_SPEC);
            const vars = variablesOf(project);
            assert.equal(vars.TARGETS_ROLE_ARN, targetsRole);
            assert.equal(vars.TARGETS_PARAMETER, `acme-prod-${domain}-database-targets`);
            const sg = rec.one("aws:ec2/securityGroup:SecurityGroup", `home-${domain}-db-admin-sg`);
            assert.deepEqual(project.vpcConfig.securityGroupIds, [`${sg.name}-id`]);
            const egress = rec.inputs(sg).egress.map((e: { fromPort: number; cidrBlocks: string[] }) => [e.fromPort, e.cidrBlocks]);
            assert.deepEqual(egress, [[5432, [rec.inputs(rec.one("aws:ec2/vpc:Vpc")).cidrBlock]], [443, ["0.0.0.0/0"]]]);
            assert.deepEqual(rec.inputs(sg).ingress, []);
        }
    });

    it("pipeline actions: a role only the domain's pipeline role assumes, starting that domain's two builds only", async () => {
        const rec = await organized("platform-aws-prod", false);
        for (const domain of ["orders", "payments"]) {
            const role = rec.one("aws:iam/role:Role", `home-${domain}-actions-role`);
            assert.equal(rec.inputs(role).name, `acme-prod-${domain}-pipeline-actions`);
            const [trust, ...others] = policyOf(rec, role, "assumeRolePolicy").Statement;
            assert.deepEqual(others, []);
            assert.deepEqual(trust.Principal, { AWS: `arn:aws:iam::${accountOf(domain)}:root` });
            assert.equal(trust.Action, "sts:AssumeRole");
            assert.deepEqual(trust.Condition, { ArnEquals: { "aws:PrincipalArn": [`arn:aws:iam::${accountOf(domain)}:role/acme-prod-${domain}-pipeline`] } });
            const statements = policyOf(rec, rec.one(ROLE_POLICY, `home-${domain}-actions-policy`)).Statement;
            const builds = statements.find((st) => st.Sid === "Builds")!;
            assert.deepEqual(builds.Resource, [`home-${domain}-deploy`, `home-${domain}-database`].map((n) => fabricatedArn(rec.one(PROJECT, n))));
            assert.ok(!JSON.stringify(statements).includes("s3:PutObject"), "the actions have no outputs: read only");
            // The domain team's read-only view of both builds.
            const logs = rec.one("aws:iam/role:Role", `home-${domain}-build-logs-role`);
            const [people] = policyOf(rec, logs, "assumeRolePolicy").Statement;
            assert.deepEqual(people.Principal, { AWS: `arn:aws:iam::${accountOf(domain)}:root` });
            assert.deepEqual(people.Condition, { ArnLike: { "aws:PrincipalArn": [`arn:aws:iam::${accountOf(domain)}:role/aws-reserved/sso.amazonaws.com/*`] } }, "its IAM Identity Center roles only");
            const read = policyOf(rec, rec.one(ROLE_POLICY, `home-${domain}-build-logs-policy`)).Statement.flatMap((st) => [st.Action].flat());
            assert.ok(read.every((a: string) => /^(codebuild:(BatchGet|List)|logs:(Describe|Filter|Get))/.test(a)), read.join(", "));
        }
        const outputs = plainValue((await planSample("platform-aws-prod", { preview: false })).outputs) as any;
        const builds = outputs.homes.orders.builds;
        assert.deepEqual(Object.keys(builds).sort(), ["actionsRoleArn", "adminSecurityGroupId", "buildLogsRoleArn", "databaseProject", "deployProject", "logGroupName"]);
        assert.equal(builds.deployProject, "acme-prod-orders-deploy");
        assert.equal(builds.logGroupName, "/aws/codebuild/acme-prod-orders-pipeline");
    });

    it("without domain accounts the platform runs no build for anyone", async () => {
        const rec = await sample("platform-aws-dev", false);
        assert.ok(rec.ofType("landing-zone:aws:DomainHome").length > 0);
        assert.equal(rec.ofType(PROJECT).length, 0);
        assert.equal(rec.ofType("aws:iam/role:Role").filter((r) => /actions-role|build-logs-role|database-role/.test(r.name)).length, 0);
    });

    it("the association waits for the chain grant (no credentials before the role may assume the target)", async () => {
        const rec = await organized("platform-aws-prod");
        const association = rec.one(ASSOCIATION, "home-orders-");
        const grant = rec.one("aws:iam/rolePolicy:RolePolicy", "home-orders-workload-chain");
        assert.ok(association.dependencies.includes(grant.urn));
    });
});
