import { strict as assert } from "node:assert";
import { NAMESPACE_QUOTAS } from "../../../components/kubernetes/namespace-baseline";
import { policyOf, sample } from "./helpers";

const ASSOCIATION = "aws:eks/podIdentityAssociation:PodIdentityAssociation";
const ENTRY = "aws:eks/accessEntry:AccessEntry";
const POLICY_ASSOCIATION = "aws:eks/accessPolicyAssociation:AccessPolicyAssociation";

describe("aws/home.ts: the platform vends each registered domain its home", () => {
    it("binds each domain's workload role to its namespace's workload ServiceAccount with EKS Pod Identity", async () => {
        const rec = await sample("platform-aws-prod", false);
        for (const domain of ["orders", "payments"]) {
            const association = rec.inputs(rec.one(ASSOCIATION, `home-${domain}-`));
            assert.equal(association.namespace, domain);
            assert.equal(association.serviceAccount, "workload");
            const role = rec.one("aws:iam/role:Role", `home-${domain}-workload-role`);
            assert.match(association.roleArn, new RegExp(`${role.name}$`), "the association names the domain's own role");
            const trust = policyOf(rec, role, "assumeRolePolicy").Statement;
            assert.equal(trust.length, 1);
            assert.deepEqual(trust[0].Principal, { Service: "pods.eks.amazonaws.com" });
            assert.deepEqual(trust[0].Action, ["sts:AssumeRole", "sts:TagSession"]);
            assert.ok(trust[0].Condition.StringEquals["aws:SourceAccount"], "confused-deputy guard");
        }
        const addons = rec.ofType("aws:eks/addon:Addon").map((a) => rec.inputs(a).addonName);
        assert.ok(addons.includes("eks-pod-identity-agent"));
    });

    it("gives each domain's deploy role edit rights in its own namespace only (access entry, namespace-scoped policy)", async () => {
        const rec = await sample("platform-aws-prod", false);
        for (const domain of ["orders", "payments"]) {
            const role = rec.one("aws:iam/role:Role", `home-${domain}-deploy-role`);
            assert.deepEqual(policyOf(rec, role, "assumeRolePolicy").Statement[0].Principal, { Service: "codebuild.amazonaws.com" });
            const entry = rec.inputs(rec.one(ENTRY, `home-${domain}-deploy-access`));
            assert.equal(entry.kubernetesGroups, undefined, "no Kubernetes group (e.g. system:masters)");
            const policy = rec.inputs(rec.one(POLICY_ASSOCIATION, `home-${domain}-deploy-access-policy`));
            assert.match(policy.policyArn, /cluster-access-policy\/AmazonEKSEditPolicy$/);
            assert.deepEqual(policy.accessScope, { type: "namespace", namespaces: [domain] });
            assert.equal(policy.principalArn, entry.principalArn);
            // Without an organization the domain's build runs in this account: no describe grant, no shared-subnet rule.
            assert.equal(rec.ofType("aws:iam/rolePolicy:RolePolicy").filter((r) => r.name.includes(`home-${domain}-deploy-describe`)).length, 0);
        }
        assert.equal(rec.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r) => r.name.includes("cluster-api-shared-builds")).length, 0);
    });

    it("sizes each namespace's quota from its registration and egresses to the data tier, AWS APIs and the Pod Identity agent", async () => {
        const rec = await sample("platform-aws-prod");
        const quota = (domain: string) => rec.inputs(rec.one("kubernetes:core/v1:ResourceQuota", `home-${domain}-`)).spec.hard;
        assert.equal(quota("orders")["limits.cpu"], NAMESPACE_QUOTAS.large.limitsCpu, "orders registered quota: large");
        assert.equal(quota("payments")["limits.cpu"], NAMESPACE_QUOTAS.medium.limitsCpu, "default quota: medium");
        const egress = rec.inputs(rec.one("kubernetes:networking.k8s.io/v1:NetworkPolicy", "home-orders-baseline-allow-egress")).spec.egress;
        const rule = (cidr: string) => egress.find((e: { to: { ipBlock: { cidr: string } }[] }) => e.to[0].ipBlock.cidr === cidr);
        assert.deepEqual(rule("10.20.0.0/16").ports.map((p: { port: number }) => p.port), [5432, 6379]);
        assert.deepEqual(rule("169.254.170.23/32").ports.map((p: { port: number }) => p.port), [80]);
        assert.deepEqual(rule("0.0.0.0/0").to[0].ipBlock.except, ["169.254.169.254/32"]);
        const sa = rec.inputs(rec.one("kubernetes:core/v1:ServiceAccount", "home-orders-"));
        assert.equal(sa.metadata.annotations, undefined, "Pod Identity needs no annotation");
    });
});
