import { strict as assert } from "node:assert";
import { planSample, plainValue } from "../../harness";
import { organized, policyOf } from "./helpers";

const SHARE = "aws:ram/resourceShare:ResourceShare";
const SHARED_RESOURCE = "aws:ram/resourceAssociation:ResourceAssociation";
const SHARED_WITH = "aws:ram/principalAssociation:PrincipalAssociation";
const ASSOCIATION = "aws:eks/podIdentityAssociation:PodIdentityAssociation";

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

    it("deploy role: trusts only the domain account's deploy build role (by the naming contract), keeps its namespace-scoped access", async () => {
        const rec = await organized("platform-aws-prod", false);
        for (const domain of ["orders", "payments"]) {
            const role = rec.one("aws:iam/role:Role", `home-${domain}-deploy-role`);
            assert.equal(rec.inputs(role).name, `acme-prod-${domain}-deploy`);
            const [trust, ...others] = policyOf(rec, role, "assumeRolePolicy").Statement;
            assert.deepEqual(others, []);
            assert.deepEqual(trust.Principal, { AWS: `arn:aws:iam::${accountOf(domain)}:root` });
            assert.equal(trust.Action, "sts:AssumeRole");
            assert.deepEqual(trust.Condition, { ArnEquals: { "aws:PrincipalArn": `arn:aws:iam::${accountOf(domain)}:role/acme-prod-${domain}-deploy-build` } });
            // update-kubeconfig --profile deploy describes the cluster as this role.
            const describe = policyOf(rec, rec.one("aws:iam/rolePolicy:RolePolicy", `home-${domain}-deploy-describe`));
            assert.deepEqual(describe.Statement, [{ Sid: "Cluster", Effect: "Allow", Action: ["eks:DescribeCluster"], Resource: ["arn:aws:eks:eu-west-1:123456789012:cluster-eks"] }]);
            const access = rec.inputs(rec.one("aws:eks/accessPolicyAssociation:AccessPolicyAssociation", `home-${domain}-deploy-access-policy`));
            assert.deepEqual(access.accessScope, { type: "namespace", namespaces: [domain] });
        }
    });

    it("cluster API: admits HTTPS from the shared private subnets (the domains' build groups are unknown to it), once per subnet", async () => {
        const rec = await organized("platform-aws-prod", false);
        const rules = rec.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r) => r.name.startsWith("cluster-api-shared-builds"));
        const privateCidrs = ["a", "b", "c"].map((z) => rec.inputs(rec.one("aws:ec2/subnet:Subnet", `network-private-eu-west-1${z}`)).cidrBlock);
        assert.deepEqual(rules.map((r) => rec.inputs(r).cidrIpv4), privateCidrs);
        const cluster = rec.one("aws:eks/cluster:Cluster");
        for (const rule of rules) {
            const inputs = rec.inputs(rule);
            assert.deepEqual([inputs.ipProtocol, inputs.fromPort, inputs.toPort], ["tcp", 443, 443]);
            // On the cluster's own security group (its vpcConfig.clusterSecurityGroupId).
            assert.ok(rule.dependencies.includes(cluster.urn), rule.name);
        }
    });

    it("the association waits for the chain grant (no credentials before the role may assume the target)", async () => {
        const rec = await organized("platform-aws-prod");
        const association = rec.one(ASSOCIATION, "home-orders-");
        const grant = rec.one("aws:iam/rolePolicy:RolePolicy", "home-orders-workload-chain");
        assert.ok(association.dependencies.includes(grant.urn));
    });
});
