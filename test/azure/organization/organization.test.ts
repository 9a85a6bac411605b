import { strict as assert } from "node:assert";
import { DIAGNOSTICS_ROLES, policyAssignmentSpecs } from "../../../components/azure/guardrails";
import { DEFENDER_PLANS } from "../../../components/azure/security-services";
import { planSample, plainValue, type RecordedResource } from "../../harness";
import { organizationSample } from "../../organization-helpers";

const T = {
    group: "azure-native:management:ManagementGroup",
    placement: "azure-native:management:ManagementGroupSubscription",
    assignment: "azure-native:authorization:PolicyAssignment",
    role: "azure-native:authorization:RoleAssignment",
    pricing: "azure-native:security:Pricing",
    contact: "azure-native:security:SecurityContact",
    provider: "pulumi:providers:azure-native",
};
const providerOf = (r: RecordedResource) => r.provider?.slice(0, r.provider.lastIndexOf("::")) ?? "";

describe("azure/organization.ts (organization-azure)", () => {
    it("the Azure Landing Zones tree under the tenant root group, each group under its parent, all protected", async () => {
        const rec = await organizationSample("organization-azure");
        const groups = rec.ofType(T.group);
        const byRole = (role: string) => groups.find((g) => g.name === `organization-mg-${role}`)!;
        assert.equal(groups.length, 10);
        assert.equal(rec.inputs(byRole("root")).details.parent.id, "/providers/Microsoft.Management/managementGroups/00000000-0000-0000-0000-000000000001");
        const tree: Record<string, string> = {
            platform: "root", management: "platform", connectivity: "platform", identity: "platform",
            landingzones: "root", corp: "landingzones", online: "landingzones", sandbox: "root", decommissioned: "root",
        };
        for (const [role, parent] of Object.entries(tree)) {
            assert.ok(byRole(role).dependencies.includes(byRole(parent).urn), `${role} is not under ${parent}`);
            assert.equal(byRole(role).protect, true);
        }
        assert.equal(rec.inputs(byRole("corp")).groupId, "acme-corp");
    });

    it("places each configured subscription with that subscription's provider", async () => {
        const rec = await organizationSample("organization-azure");
        const placements = rec.ofType(T.placement);
        assert.equal(placements.length, 3);
        for (const placement of placements) {
            const provider = rec.resources.find((r) => r.urn === providerOf(placement))!;
            assert.ok(provider, `${placement.name} has no provider of its own`);
            assert.match(rec.inputs(provider).subscriptionId, new RegExp(`^${placement.name.split("-").pop()}`));
        }
    });

    it("assigns the built-in definitions by id at group scope, enforced, with their parameters", async () => {
        const specs = policyAssignmentSpecs({ organization: {
            environments: ["prod"], domains: [], allowedRegions: ["westeurope"], securityContacts: [], existingAccounts: {},
            allowedCustomerIds: [], subscriptions: [],
        } }, "/workspace");
        for (const spec of specs) {
            assert.ok(spec.name.length <= 24, `${spec.name}: management-group assignment names are at most 24 characters`);
            assert.match(spec.definitionId, /^\/providers\/Microsoft\.Authorization\/policy(Set)?Definitions\/[0-9a-f-]{36}$/);
        }
        const rec = await organizationSample("organization-azure");
        const assignments = rec.ofType(T.assignment);
        assert.equal(assignments.length, specs.length);
        const byName = (name: string) => assignments.find((a) => rec.inputs(a).policyAssignmentName === name)!;
        for (const a of assignments) assert.equal(rec.inputs(a).enforcementMode, "Default", a.name);
        assert.deepEqual(rec.inputs(byName("lz-allowed-locations")).parameters.listOfAllowedLocations.value, ["westeurope", "northeurope"]);
        const corp = rec.ofType(T.group).find((g) => g.name === "organization-mg-corp")!;
        assert.ok(byName("lz-deny-nic-public-ip").dependencies.includes(corp.urn), "deny public IP on NICs applies to corp");
        assert.equal(rec.inputs(byName("lz-storage-https")).parameters.effect.value, "Deny");
        assert.ok(rec.inputs(byName("lz-deny-classic")).parameters.listOfResourceTypesNotAllowed.value.includes("Microsoft.ClassicCompute/virtualMachines"));
        assert.equal(rec.inputs(byName("lz-tag-owner")).parameters.tagName.value, "owner");
    });

    it("the DeployIfNotExists diagnostics assignment has a managed identity and its roles at the same scope", async () => {
        const rec = await organizationSample("organization-azure");
        const dine = rec.ofType(T.assignment).find((a) => rec.inputs(a).policyAssignmentName === "lz-deploy-diagnostics")!;
        const inputs = rec.inputs(dine);
        assert.equal(inputs.identity.type, "SystemAssigned");
        assert.equal(inputs.location, "westeurope");
        const workspace = rec.one("azure-native:operationalinsights:Workspace");
        assert.ok(dine.dependencies.includes(workspace.urn), "the assignment must point at the central workspace");
        const roles = rec.ofType(T.role);
        assert.deepEqual(roles.map((r) => rec.inputs(r).roleDefinitionId.split("/").pop()).sort(), Object.values(DIAGNOSTICS_ROLES).sort());
        for (const role of roles) {
            assert.ok(role.dependencies.includes(dine.urn), "the role is granted to the assignment's identity");
            assert.equal(rec.inputs(role).principalType, "ServicePrincipal");
        }
    });

    it("Defender for Cloud plans and a security contact in every managed subscription", async () => {
        const rec = await organizationSample("organization-azure");
        const plans = rec.ofType(T.pricing);
        assert.equal(plans.length, DEFENDER_PLANS.length * 3);
        for (const plan of plans) assert.equal(rec.inputs(plan).pricingTier, "Standard");
        assert.deepEqual([...new Set(plans.map((p) => rec.inputs(p).pricingName))].sort(), [...DEFENDER_PLANS].sort());
        const contacts = rec.ofType(T.contact);
        assert.equal(contacts.length, 3);
        for (const contact of contacts) assert.equal(rec.inputs(contact).emails, "security@acme.example");
    });

    it("exports each environment's management group and platform subscription", async () => {
        const outputs = plainValue((await planSample("organization-azure", { preview: false })).outputs) as any;
        assert.equal(outputs.environments.prod.platformScope, "00000000-0000-0000-0000-000000000003");
        assert.equal(outputs.environments.dev.platformScope, "00000000-0000-0000-0000-000000000002");
        assert.match(outputs.environments.prod.containerId, /organization-mg-corp$/);
    });
});
