import { strict as assert } from "node:assert";
import { BROAD_ROLES } from "../../../components/azure/identity";
import { BUILTIN_ROLES } from "../../../components/azure/rbac";
import { fabricatedId, runDomain, SUBSCRIPTION, WORKLOAD_PRINCIPAL_ID } from "./fake-platform";

const ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";
const ENTRA_ADMIN = "azure-native:dbforpostgresql:AdministratorsMicrosoftEntra";

describe("components/azure/identity", () => {
    it("grants the workload identity the platform vended (its principal id); creates no identity of its own", async () => {
        const rec = await runDomain({ environment: "dev" });
        // Its identities are the storage account's key access (see storage) and the database bootstrap's
        // (see database-bootstrap), never a workload identity.
        assert.deepEqual(rec.ofType("azure-native:managedidentity:UserAssignedIdentity").map((r) => r.name).sort(),
            ["orders-database-bootstrap-identity", "orders-storage-cmk-identity"]);
        assert.equal(rec.ofType("azure-native:managedidentity:FederatedIdentityCredential").length, 0);
        const grants = rec.ofType(ROLE_ASSIGNMENT).filter((r) => r.name.startsWith("orders-access-")).map((r) => rec.inputs(r));
        assert.ok(grants.length > 0);
        for (const grant of grants) assert.equal(grant.principalId, WORKLOAD_PRINCIPAL_ID);
        // The workload is never a database administrator (its role is created by the bootstrap).
        const admins = rec.ofType(ENTRA_ADMIN).map((a) => rec.inputs(a));
        assert.ok(admins.length > 0);
        for (const admin of admins) {
            assert.notEqual(admin.objectId, WORKLOAD_PRINCIPAL_ID);
            assert.notEqual(admin.principalName, "acme-dev-orders-workload");
        }
        assert.equal(rec.outputs!.identity.serviceAccountName, "workload");
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
        assert.deepEqual(byRole(BUILTIN_ROLES.storageBlobDataContributor), [fabricatedId(container)]);
        assert.deepEqual(byRole(BUILTIN_ROLES.serviceBusDataSender), [fabricatedId(queue)]);
        assert.deepEqual(byRole(BUILTIN_ROLES.serviceBusDataReceiver), [fabricatedId(queue)]);
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
