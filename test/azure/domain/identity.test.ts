import { strict as assert } from "node:assert";
import { BROAD_ROLES, BUILT_IN_ROLES, WORKLOAD_IDENTITY_AUDIENCE } from "../../../components/azure/identity";
import { fabricatedId, fakeExports, runDomain, SUBSCRIPTION } from "./fake-platform";

const IDENTITY = "azure-native:managedidentity:UserAssignedIdentity";
const FEDERATION = "azure-native:managedidentity:FederatedIdentityCredential";
const ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";

describe("components/azure/identity", () => {
    it("federates one user-assigned identity to the domain ServiceAccount on the cluster's OIDC issuer", async () => {
        const rec = await runDomain({ environment: "dev" });
        const identity = rec.inputs(rec.one(IDENTITY, "orders-identity"));
        const federation = rec.inputs(rec.one(FEDERATION));
        assert.equal(federation.resourceName, identity.resourceName);
        assert.equal(federation.issuer, (fakeExports.cluster as { oidcIssuer: string }).oidcIssuer);
        assert.equal(federation.subject, "system:serviceaccount:orders:workload");
        assert.deepEqual(federation.audiences, [WORKLOAD_IDENTITY_AUDIENCE]);
        assert.equal(rec.outputs!.identity.serviceAccountName, "workload");
    });

    it("annotates the ServiceAccount with the identity's client id (azure.workload.identity/client-id)", async () => {
        const rec = await runDomain({ environment: "dev" });
        const sa = rec.one("kubernetes:core/v1:ServiceAccount");
        const annotations = (sa.inputs.metadata as { annotations: Record<string, unknown> }).annotations;
        assert.ok("azure.workload.identity/client-id" in annotations, JSON.stringify(annotations));
        const identity = rec.one(IDENTITY, "orders-identity");
        assert.ok(sa.dependencies.includes(identity.urn), "the ServiceAccount waits for the identity");
        assert.equal(rec.inputs(sa).metadata.namespace, "orders");
    });

    it("scopes every role assignment to this domain's container or queue: no subscription/RG scope, no broad role", async () => {
        const rec = await runDomain({ environment: "prod" }, { preview: false });
        const container = rec.one("azure-native:storage:BlobContainer");
        const queue = rec.one("azure-native:servicebus:Queue");
        const allowedScopes = new Set([fabricatedId(container), fabricatedId(queue)]);
        // The workload's grants (the storage account's key access is another identity's, see storage).
        const assignments = rec.ofType(ROLE_ASSIGNMENT).filter((r) => r.name.startsWith("orders-access-")).map((r) => rec.inputs(r));
        assert.equal(assignments.length, 3);
        for (const assignment of assignments) {
            assert.ok(allowedScopes.has(assignment.scope), `scope ${assignment.scope}`);
            assert.doesNotMatch(assignment.scope, /^\/subscriptions\/[^/]+(\/resourceGroups\/[^/]+)?\/?$/);
            const role = assignment.roleDefinitionId.split("/").pop();
            assert.ok(!Object.values(BROAD_ROLES).includes(role), `broad role ${role}`);
            assert.equal(assignment.roleDefinitionId, `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/${role}`);
            assert.equal(assignment.principalType, "ServicePrincipal");
        }
        const byRole = (role: string) => assignments.filter((a) => a.roleDefinitionId.endsWith(role)).map((a) => a.scope);
        assert.deepEqual(byRole(BUILT_IN_ROLES.storageBlobDataContributor), [fabricatedId(container)]);
        assert.deepEqual(byRole(BUILT_IN_ROLES.serviceBusDataSender), [fabricatedId(queue)]);
        assert.deepEqual(byRole(BUILT_IN_ROLES.serviceBusDataReceiver), [fabricatedId(queue)]);
        // No role assignment of the stack, whoever its principal, is broad or subscription/RG-wide.
        for (const assignment of rec.ofType(ROLE_ASSIGNMENT).map((r) => rec.inputs(r))) {
            assert.ok(!Object.values(BROAD_ROLES).includes(assignment.roleDefinitionId.split("/").pop()));
            assert.doesNotMatch(assignment.scope, /^\/subscriptions\/[^/]+(\/resourceGroups\/[^/]+)?\/?$/);
        }
    });

    it("names role assignments with stable GUIDs (the same on every run, different per grant)", async () => {
        const names = async () => {
            const rec = await runDomain({ environment: "dev" }, { fresh: true });
            return rec.ofType(ROLE_ASSIGNMENT).map((r) => rec.inputs(r).roleAssignmentName as string).sort();
        };
        const first = await names();
        assert.deepEqual(await names(), first);
        assert.equal(new Set(first).size, first.length);
        assert.ok(first.every((n) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(n)));
    });
});
