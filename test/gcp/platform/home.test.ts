import { strict as assert } from "node:assert";
import { NAMESPACE_QUOTAS } from "../../../components/kubernetes/namespace-baseline";
import { readStackConfig } from "../../../tools/plan/stack-files";
import { planSample, plainValue } from "../../harness";
import { serviceAgentEmail } from "../../../components/gcp/service-agents";
import { sample, T, variant } from "./helpers";

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

    it("vends each domain's build account in the domain project, with push (writer) on the platform's repository only", async () => {
        const rec = await sample("platform-gcp-prod");
        const repository = rec.one(T.repository);
        for (const domain of ["orders", "payments"]) {
            const sa = rec.one(T.account, `home-${domain}-build-sa`);
            assert.equal(rec.inputs(sa).accountId, `acme-prod-${domain}-builder`);
            assert.equal(rec.inputs(sa).project, rec.inputs(rec.one(T.project, domain)).projectId);
            const push = rec.one(T.repositoryIam, `home-${domain}-build-push`);
            assert.equal(rec.inputs(push).role, "roles/artifactregistry.writer");
            assert.equal(rec.inputs(push).repository, rec.inputs(repository).repositoryId);
            assert.equal(rec.inputs(push).project, rec.inputs(rec.one(T.project, "platform")).projectId);
            assert.ok(push.dependencies.includes(repository.urn) && push.dependencies.includes(sa.urn));
        }
    });

    it("promotion: the dev platform binds the prod deploy account (gcp.promotion.nextDeployers) in the namespace, like its own", async () => {
        const config = JSON.parse(readStackConfig("platform-gcp-dev").config["landing-zone:gcp"]);
        const prodDeployer: string = config.promotion.nextDeployers.orders;
        const dev = await sample("platform-gcp-dev");
        const binding = dev.inputs(dev.one(ROLE_BINDING, "home-orders-baseline-rbac-promote"));
        assert.equal(binding.metadata.namespace, "orders");
        assert.deepEqual(binding.roleRef, { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "edit" });
        assert.deepEqual(binding.subjects, [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: prodDeployer }]);
        const viewer = dev.inputs(dev.one(T.projectIam, "home-orders-promote-cluster-viewer"));
        assert.equal(viewer.role, "roles/container.clusterViewer");
        assert.equal(viewer.member, `serviceAccount:${prodDeployer}`);
        assert.equal(viewer.project, dev.inputs(dev.one(T.project, "platform")).projectId, "on the dev cluster's project");
        // The own deploy account stays bound too; prod (the last environment) binds no other environment's account.
        assert.equal(dev.inputs(dev.one(ROLE_BINDING, "home-orders-baseline-rbac-deploy")).subjects.length, 1);
        const prod = await sample("platform-gcp-prod");
        assert.equal(prod.ofType(ROLE_BINDING).filter((b) => b.name.endsWith("rbac-promote")).length, 0);
        assert.equal(prod.ofType(T.projectIam).filter((m) => m.name.includes("promote")).length, 0);
        // Without the block the dev platform binds nothing for promotion.
        const plain = await variant("platform-gcp-dev", { gcp: {} });
        assert.equal(plain.ofType(ROLE_BINDING).filter((b) => b.name.endsWith("rbac-promote")).length, 0);
    });

    it("lets each registered domain's Cloud Run service agent use the Shared VPC subnet (Direct VPC egress of its worker), on the subnet only", async () => {
        const SUBNET_IAM = "gcp:compute/subnetworkIAMMember:SubnetworkIAMMember";
        const rec = await sample("platform-gcp-prod");
        const subnet = rec.one(T.subnet);
        const grants = rec.ofType(SUBNET_IAM);
        assert.deepEqual(grants.map((g) => g.name).sort(), ["lz-prod-platform-home-orders-run-subnet-user", "lz-prod-platform-home-payments-run-subnet-user"]);
        for (const domain of ["orders", "payments"]) {
            const grant = rec.one(SUBNET_IAM, `home-${domain}-run-subnet-user`);
            const inputs = rec.inputs(grant);
            assert.equal(inputs.role, "roles/compute.networkUser");
            assert.equal(inputs.subnetwork, rec.inputs(subnet).name);
            assert.equal(inputs.region, rec.inputs(subnet).region);
            assert.equal(inputs.project, rec.inputs(subnet).project);
            assert.ok(grant.dependencies.includes(subnet.urn), "the grant names the subnet (an output)");
            // The agent exists first: its identity is generated after the domain project's Cloud Run API is on.
            const identity = rec.one(T.agent, `${domain}-agent-run`);
            assert.equal(rec.inputs(identity).service, "run.googleapis.com");
            assert.ok(grant.dependencies.includes(identity.urn), "the grant waits for the Cloud Run service agent");
            const api = rec.ofType(T.service).find((s) => s.name.startsWith(`lz-prod-${domain}-`) && rec.inputs(s).service === "run.googleapis.com");
            assert.ok(api && identity.dependencies.includes(api.urn), "the Cloud Run API is enabled in the domain project first");
        }
        // No project-level network grant on the host project.
        assert.ok(!rec.ofType(T.projectIam).some((m) => rec.inputs(m).role === "roles/compute.networkUser"));
    });

    it("the member is the domain project's Cloud Run service agent, built from that project's number", async () => {
        assert.equal(serviceAgentEmail("run", "123456789012"), "service-123456789012@serverless-robot-prod.iam.gserviceaccount.com");
        const rec = await sample("platform-gcp-prod");
        for (const domain of ["orders", "payments"]) {
            const grant = rec.one("gcp:compute/subnetworkIAMMember:SubnetworkIAMMember", `home-${domain}-run-subnet-user`);
            assert.ok(grant.dependencies.includes(rec.one(T.project, `lz-prod-${domain}-project`).urn), "the member reads the domain project's number");
            assert.ok(!grant.dependencies.includes(rec.one(T.project, "lz-prod-platform-project").urn), "not the host project's agent");
        }
    });

    it("lets each registered domain's Cloud Run service agent pull from the platform's registry (the worker's image is in another project)", async () => {
        const rec = await sample("platform-gcp-prod");
        const repository = rec.one(T.repository);
        for (const domain of ["orders", "payments"]) {
            const grant = rec.one(T.repositoryIam, `home-${domain}-run-image-reader`);
            assert.equal(rec.inputs(grant).role, "roles/artifactregistry.reader");
            assert.equal(rec.inputs(grant).repository, rec.inputs(repository).repositoryId);
            assert.ok(grant.dependencies.includes(repository.urn));
            assert.ok(grant.dependencies.includes(rec.one(T.agent, `${domain}-agent-run`).urn), "the member is the domain's Cloud Run agent");
        }
    });
});
