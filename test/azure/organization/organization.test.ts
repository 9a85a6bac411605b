import { strict as assert } from "node:assert";
import { DIAGNOSTICS_ROLES, INHERIT_TAG_FROM_RESOURCE_GROUP, policyAssignmentSpecs, TAG_CONTRIBUTOR } from "../../../components/azure/guardrails";
import { DEFENDER_PLANS } from "../../../components/azure/security-services";
import { planSample, plainValue, type RecordedResource } from "../../harness";
import { organizationConfig, organizationSample, organizationVariant } from "../../organization-helpers";

const T = {
    group: "azure-native:management:ManagementGroup",
    placement: "azure-native:management:ManagementGroupSubscription",
    assignment: "azure-native:authorization:PolicyAssignment",
    role: "azure-native:authorization:RoleAssignment",
    pricing: "azure-native:security:Pricing",
    contact: "azure-native:security:SecurityContact",
    provider: "pulumi:providers:azure-native",
};
/** Aliases to a former logical name (the provider adds type aliases with no name). */
const namedAliases = (r: RecordedResource) => (r.aliases as { spec?: { name?: string } }[]).map((a) => a.spec?.name).filter((n): n is string => !!n);
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
            assert.equal(rec.inputs(provider).subscriptionId, placement.name.slice("organization-placement-".length));
        }
    });

    it("assigns the built-in definitions by id at group scope, enforced, with their parameters", async () => {
        const specs = policyAssignmentSpecs({ organization: {
            environments: ["prod"], domains: [], allowedRegions: ["westeurope"], securityContacts: [], existingAccounts: {},
            allowedCustomerIds: [], subscriptions: [], ciRepository: "", ciPolicies: [],
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
        assert.equal(rec.inputs(byName("lz-inherit-owner")).parameters.tagName.value, "owner");
    });

    it("the DeployIfNotExists diagnostics assignment has a managed identity and its roles at the same scope", async () => {
        const rec = await organizationSample("organization-azure");
        const dine = rec.ofType(T.assignment).find((a) => rec.inputs(a).policyAssignmentName === "lz-deploy-diagnostics")!;
        const inputs = rec.inputs(dine);
        assert.equal(inputs.identity.type, "SystemAssigned");
        assert.equal(inputs.location, "westeurope");
        const workspace = rec.one("azure-native:operationalinsights:Workspace");
        assert.ok(dine.dependencies.includes(workspace.urn), "the assignment must point at the central workspace");
        const roles = rec.ofType(T.role).filter((r) => r.dependencies.includes(dine.urn));
        assert.deepEqual(roles.map((r) => rec.inputs(r).roleDefinitionId.split("/").pop()).sort(), Object.values(DIAGNOSTICS_ROLES).sort());
        for (const role of roles) assert.equal(rec.inputs(role).principalType, "ServicePrincipal");
    });

    it("tags are inherited from the resource group (Modify, Tag Contributor at the landing zones group), never required by a Deny", async () => {
        const rec = await organizationSample("organization-azure");
        const landingzones = rec.ofType(T.group).find((g) => g.name === "organization-mg-landingzones")!;
        const tagAssignments = rec.ofType(T.assignment).filter((a) => rec.inputs(a).policyAssignmentName.startsWith("lz-inherit-"));
        assert.equal(tagAssignments.length, 4);
        for (const assignment of tagAssignments) {
            const inputs = rec.inputs(assignment);
            assert.ok(inputs.policyDefinitionId.endsWith(INHERIT_TAG_FROM_RESOURCE_GROUP), inputs.policyAssignmentName);
            assert.equal(inputs.identity.type, "SystemAssigned", "Modify remediation needs an identity");
            assert.ok(assignment.dependencies.includes(landingzones.urn), "assigned at the landing zones group");
            const roles = rec.ofType(T.role).filter((r) => r.dependencies.includes(assignment.urn));
            assert.deepEqual(roles.map((r) => rec.inputs(r).roleDefinitionId.split("/").pop()), [TAG_CONTRIBUTOR], inputs.policyAssignmentName);
            assert.ok(roles[0].dependencies.includes(landingzones.urn), "the role at the assignment's scope");
        }
    });

    it("Defender for Cloud plans and a security contact in every managed subscription", async () => {
        const rec = await organizationSample("organization-azure");
        const plans = rec.ofType(T.pricing);
        assert.equal(plans.length, DEFENDER_PLANS.length * 3);
        for (const plan of plans) assert.equal(rec.inputs(plan).pricingTier, "Standard");
        const configured = (sub: string) => plans.filter((p) => rec.inputs(p).scopeId === `/subscriptions/${sub}`)
            .map((p) => ({ pricingName: rec.inputs(p).pricingName, ...(rec.inputs(p).subPlan ? { subPlan: rec.inputs(p).subPlan } : {}) }));
        for (const sub of ["00000000-0000-0000-0000-0000000000f1", "00000000-0000-0000-0000-000000000002", "00000000-0000-0000-0000-000000000003"]) {
            const byName = (a: { pricingName: string }, b: { pricingName: string }) => a.pricingName.localeCompare(b.pricingName);
            assert.deepEqual(configured(sub).sort(byName), [...DEFENDER_PLANS].sort(byName), sub);
        }
        const contacts = rec.ofType(T.contact);
        assert.equal(contacts.length, 3);
        for (const contact of contacts) assert.equal(rec.inputs(contact).emails, "security@acme.example");
    });

    it("pins the Defender plan names and the current (not classic) sub-plans of Microsoft.Security/pricings", () => {
        // Names as the REST API 2024-01-01 lists them; DefenderForStorageV2 / PerKeyVault / PerSubscription are the
        // current plans (classic: PerTransaction or PerStorageAccount for storage, PerTransaction for Key Vault, PerApiCall for ARM).
        assert.deepEqual(DEFENDER_PLANS, [
            { pricingName: "Containers" },
            { pricingName: "StorageAccounts", subPlan: "DefenderForStorageV2" },
            { pricingName: "KeyVaults", subPlan: "PerKeyVault" },
            { pricingName: "OpenSourceRelationalDatabases" },
            { pricingName: "Arm", subPlan: "PerSubscription" },
        ]);
        const classic = ["PerTransaction", "PerStorageAccount", "PerApiCall"];
        assert.ok(DEFENDER_PLANS.every((p) => !classic.includes(p.subPlan ?? "")));
    });

    it("names each subscription's resources by its whole id: no two resources share a URN (the sample ids share their first 8 characters)", async () => {
        const rec = await organizationSample("organization-azure");
        const urns = rec.resources.map((r) => r.urn);
        assert.deepEqual(urns.filter((u, i) => urns.indexOf(u) !== i), []);
        assert.ok(rec.one(T.placement, "placement-00000000-0000-0000-0000-000000000003"));
        // A former short name is kept as an alias only where it was unique (colliding ones never deployed).
        assert.deepEqual([...rec.ofType(T.placement), ...rec.ofType(T.pricing), ...rec.ofType(T.contact)].flatMap(namedAliases), []);
        const base = organizationConfig("organization-azure");
        const distinct = await organizationVariant("organization-azure", {
            organization: { ...base.organization, subscriptions: [{ id: "11111111-0000-0000-0000-000000000001", group: "corp", environment: "prod" }] },
            azure: { ...base.azure, subscriptionId: "22222222-0000-0000-0000-000000000002" },
        });
        const placement = distinct.one(T.placement);
        assert.equal(placement.name, "organization-placement-11111111-0000-0000-0000-000000000001");
        assert.deepEqual(namedAliases(placement), ["organization-placement-11111111"]);
        assert.deepEqual(namedAliases(distinct.one(T.pricing, "22222222-0000-0000-0000-000000000002-Arm")), ["organization-security-defender-22222222-Arm"]);
    });

    it("exports each environment's management group and platform subscription", async () => {
        const outputs = plainValue((await planSample("organization-azure", { preview: false })).outputs) as any;
        assert.equal(outputs.environments.prod.platformScope, "00000000-0000-0000-0000-000000000003");
        assert.equal(outputs.environments.dev.platformScope, "00000000-0000-0000-0000-000000000002");
        assert.match(outputs.environments.prod.containerId, /organization-mg-corp$/);
    });
});
