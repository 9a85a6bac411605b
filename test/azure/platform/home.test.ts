import { strict as assert } from "node:assert";
import { domainEgress, WORKLOAD_IDENTITY_AUDIENCE } from "../../../components/azure/home";
import { BUILTIN_ROLES } from "../../../components/azure/rbac";
import { NAMESPACE_QUOTAS } from "../../../components/kubernetes/namespace-baseline";
import { DOMAIN_ADMINS, DOMAIN_READERS, fabricatedId, runPlatform } from "./run-platform";

const IDENTITY = "azure-native:managedidentity:UserAssignedIdentity";
const FEDERATION = "azure-native:managedidentity:FederatedIdentityCredential";
const ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";
const roleOf = (assignment: Record<string, any>) => String(assignment.roleDefinitionId).split("/").pop();

describe("azure/home.ts: the platform vends each registered domain its home", () => {
    it("federates each domain's workload identity to exactly its namespace's workload ServiceAccount, annotated with its client id", async () => {
        const { rec, outputs } = await runPlatform("prod");
        for (const domain of ["orders", "payments"]) {
            const identity = rec.one(IDENTITY, `home-${domain}-workload-identity`);
            const federation = rec.inputs(rec.one(FEDERATION, `home-${domain}-`));
            assert.equal(federation.subject, `system:serviceaccount:${domain}:workload`);
            assert.deepEqual(federation.audiences, [WORKLOAD_IDENTITY_AUDIENCE]);
            assert.equal(federation.issuer, outputs.cluster.oidcIssuer);
            assert.ok(rec.one(FEDERATION, `home-${domain}-`).dependencies.includes(identity.urn), "the credential waits for its identity");
            const saRecord = rec.one("kubernetes:core/v1:ServiceAccount", `home-${domain}-`);
            const sa = rec.inputs(saRecord);
            assert.equal(sa.metadata.namespace, domain);
            assert.equal(sa.metadata.labels["azure.workload.identity/use"], "true");
            // The client id is only known once the identity exists: the annotation is there and waits for it.
            assert.ok("azure.workload.identity/client-id" in (saRecord.inputs.metadata as { annotations: object }).annotations);
            assert.ok(saRecord.dependencies.includes(identity.urn), "the ServiceAccount waits for the identity");
            assert.equal(outputs.homes[domain].workloadIdentityName, rec.inputs(identity).resourceName);
        }
        assert.deepEqual(outputs.domains, ["orders", "payments"]);
    });

    it("binds the deploy identity and the domain's personas at the namespace's scope only", async () => {
        const { rec } = await runPlatform("prod", {}, { preview: false });
        const cluster = fabricatedId(rec.one("azure-native:containerservice:ManagedCluster"));
        const assignments = rec.ofType(ROLE_ASSIGNMENT).filter((r) => r.name.startsWith("home-orders-")).map((r) => rec.inputs(r));
        const at = (role: string) => assignments.filter((a) => roleOf(a) === role);
        const deployIdentity = fabricatedId(rec.one(IDENTITY, "home-orders-deploy-identity"));
        assert.ok(deployIdentity);
        assert.deepEqual(at(BUILTIN_ROLES.aksRbacWriter).map((a) => a.scope), [`${cluster}/namespaces/orders`]);
        assert.deepEqual(at(BUILTIN_ROLES.aksRbacAdmin).map((a) => [a.scope, a.principalId, a.principalType]), [[`${cluster}/namespaces/orders`, DOMAIN_ADMINS, "Group"]]);
        assert.deepEqual(at(BUILTIN_ROLES.aksRbacReader).map((a) => [a.scope, a.principalId, a.principalType]), [[`${cluster}/namespaces/orders`, DOMAIN_READERS, "Group"]]);
        // Cluster scope only for listing the user kubeconfig (no rights inside the cluster), never cluster admin.
        for (const a of assignments.filter((x) => x.scope === cluster)) assert.equal(roleOf(a), BUILTIN_ROLES.aksClusterUser);
        assert.equal(at(BUILTIN_ROLES.aksRbacClusterAdmin).length, 0);
    });

    it("sizes each namespace's quota from its registration and lets pods reach the VNet's private endpoints and Entra ID only", async () => {
        const { rec } = await runPlatform("prod");
        const quota = (domain: string) => rec.inputs(rec.one("kubernetes:core/v1:ResourceQuota", `home-${domain}-`)).spec.hard;
        assert.equal(quota("orders")["limits.cpu"], NAMESPACE_QUOTAS.large.limitsCpu);
        assert.equal(quota("payments")["limits.cpu"], NAMESPACE_QUOTAS.medium.limitsCpu);
        const rules = domainEgress("10.30.0.0/16");
        assert.deepEqual(rules[0], { cidr: "10.30.0.0/16", ports: [5432, 10000, 5671, 443] });
        assert.ok(rules[1].except?.includes("169.254.169.254/32"));
        assert.deepEqual(rules[1].ports, [443]);
    });

    it("dev: pods reach the domain's public Standard Service Bus namespace over AMQP (5671); prod keeps AMQP inside the VNet", async () => {
        const egressPorts = async (environment: "dev" | "prod") => {
            const { rec } = await runPlatform(environment);
            const policy = rec.inputs(rec.one("kubernetes:networking.k8s.io/v1:NetworkPolicy", "home-orders-baseline-allow-egress"));
            const internet = policy.spec.egress.find((e: any) => e.to?.[0]?.ipBlock?.cidr === "0.0.0.0/0");
            return { ports: internet.ports.map((p: any) => p.port), except: internet.to[0].ipBlock.except };
        };
        const dev = await egressPorts("dev");
        assert.deepEqual(dev.ports, [443, 5671]);
        assert.ok(dev.except.includes("169.254.169.254/32"));
        assert.deepEqual((await egressPorts("prod")).ports, [443]);
    });
});
