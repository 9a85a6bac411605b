import { strict as assert } from "node:assert";
import { NAMESPACE_QUOTAS } from "../../../components/kubernetes/namespace-baseline";
import { planSample, plainValue } from "../../harness";
import { sample } from "./helpers";

const ROLE_BINDING = "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding";

describe("gcp/home.ts: the platform vends each registered domain its home", () => {
    it("exports each domain's workload KSA as a Workload Identity Federation principal; the KSA carries no annotation", async () => {
        const outputs = plainValue((await planSample("platform-gcp-prod", { preview: false })).outputs) as Record<string, any>;
        assert.deepEqual(outputs.domains, ["orders", "payments"]);
        for (const domain of ["orders", "payments"]) {
            assert.match(outputs.homes[domain].workloadPrincipal,
                new RegExp(`^principal://iam\\.googleapis\\.com/projects/[^/]+/locations/global/workloadIdentityPools/[a-z0-9-]+\\.svc\\.id\\.goog/subject/ns/${domain}/sa/workload$`));
        }
        const rec = await sample("platform-gcp-prod");
        for (const sa of rec.ofType("kubernetes:core/v1:ServiceAccount")) assert.equal(rec.inputs(sa).metadata.annotations, undefined, sa.name);
    });

    it("gives each domain's deploy service account edit in its namespace only, and cluster viewer to get credentials", async () => {
        const rec = await sample("platform-gcp-prod");
        for (const domain of ["orders", "payments"]) {
            const sa = rec.inputs(rec.one("gcp:serviceaccount/account:Account", `home-${domain}-deploy-sa`));
            assert.equal(sa.accountId, `acme-prod-${domain}-deploy`);
            const binding = rec.inputs(rec.one(ROLE_BINDING, `home-${domain}-baseline-rbac-deploy`));
            assert.equal(binding.metadata.namespace, domain);
            assert.deepEqual(binding.roleRef, { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "edit" });
            assert.equal(binding.subjects.length, 1);
            assert.equal(binding.subjects[0].kind, "User");
            const viewer = rec.inputs(rec.one("gcp:projects/iAMMember:IAMMember", `home-${domain}-deploy-cluster-viewer`));
            assert.equal(viewer.role, "roles/container.clusterViewer");
        }
        assert.equal(rec.ofType("kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding").length, 0);
    });

    it("sizes each namespace's quota from its registration", async () => {
        const rec = await sample("platform-gcp-prod");
        const quota = (domain: string) => rec.inputs(rec.one("kubernetes:core/v1:ResourceQuota", `home-${domain}-`)).spec.hard;
        assert.equal(quota("orders")["limits.cpu"], NAMESPACE_QUOTAS.large.limitsCpu);
        assert.equal(quota("payments")["limits.cpu"], NAMESPACE_QUOTAS.medium.limitsCpu);
        const egress = rec.inputs(rec.one("kubernetes:networking.k8s.io/v1:NetworkPolicy", "home-orders-baseline-allow-egress")).spec.egress;
        assert.ok(egress.some((r: { to: { ipBlock: { cidr: string } }[]; ports: { port: number }[] }) =>
            r.to[0].ipBlock.cidr === "169.254.169.252/32" && r.ports.some((p) => p.port === 988)), "GKE metadata server for Workload Identity tokens");
        type Rule = { to: { ipBlock: { cidr: string } }[]; ports: { port: number }[] };
        // Cloud SQL: PostgreSQL directly (5432) and through the connectors / Auth Proxy (3307); Memorystore TLS (6378).
        const privateServices = (egress as Rule[]).filter((r) => r.to[0].ipBlock.cidr === "10.0.0.0/8").flatMap((r) => r.ports.map((p) => p.port));
        assert.deepEqual([...privateServices].sort(), [3307, 5432, 6378]);
    });
});
