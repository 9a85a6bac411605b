import { strict as assert } from "node:assert";
import { INHERIT_TAG_FROM_RESOURCE_GROUP, policyAssignmentSpecs, TAG_CONTRIBUTOR } from "../../../components/azure/guardrails";
import { STANDARD_TAG_KEYS } from "../../../components/core/tags";

/**
 * The built-in definitions organization-azure assigns, as Azure's catalogue has them
 * (Azure/azure-policy, built-in-policies/...): kind, display name, parameters, and the parameters
 * without a default (an assignment must set them). A wrong id or parameter name fails the
 * assignment at deploy time only; this pins them.
 */
const CATALOGUE: Record<string, { kind: "policyDefinitions" | "policySetDefinitions"; displayName: string; parameters: Record<string, { required?: boolean; allowed?: string[] }> }> = {
    // policyDefinitions/General/AllowedLocations_Deny.json
    "e56962a6-4747-49cd-b67b-bf8b01975c4c": { kind: "policyDefinitions", displayName: "Allowed locations", parameters: { listOfAllowedLocations: { required: true } } },
    // policyDefinitions/General/InvalidResourceTypes_Deny.json
    "6c112d4e-5bc7-47ae-a041-ea2d9dccd749": {
        kind: "policyDefinitions", displayName: "Not allowed resource types",
        parameters: { listOfResourceTypesNotAllowed: { required: true }, effect: { allowed: ["Audit", "Deny", "Disabled"] } },
    },
    // policySetDefinitions/Monitoring/AzureMonitor_DiagSettings_logAnalytics_allLogs.json
    "0884adba-2312-4468-abeb-5422caed1038": {
        kind: "policySetDefinitions", displayName: "Enable allLogs category group resource logging for supported resources to Log Analytics",
        parameters: { logAnalytics: { required: true }, effect: { allowed: ["DeployIfNotExists", "AuditIfNotExists", "Disabled"] }, diagnosticSettingName: {}, resourceLocationList: {}, resourceTypeList: {} },
    },
    // policyDefinitions/Network/NetworkPublicIPNic_Deny.json (deny, no parameters)
    "83a86a26-fd1f-447c-b59d-e51f44264114": { kind: "policyDefinitions", displayName: "Network interfaces should not have public IPs", parameters: {} },
    // policyDefinitions/Storage/Storage_AuditForHTTPSEnabled_Audit.json
    "404c3081-a854-4457-ae30-26a93ef643f9": {
        kind: "policyDefinitions", displayName: "Secure transfer to storage accounts should be enabled", parameters: { effect: { allowed: ["Audit", "Deny", "Disabled"] } },
    },
    // policyDefinitions/Storage/ASC_Storage_DisallowPublicBlobAccess_Audit.json (3.1.0-preview)
    "4fa4b6c0-31ca-4c0d-b10d-24b96f62a751": {
        kind: "policyDefinitions", displayName: "[Preview]: Storage account public access should be disallowed",
        parameters: { effect: { allowed: ["audit", "Audit", "deny", "Deny", "disabled", "Disabled"] } },
    },
    // policyDefinitions/Kubernetes/ContainerNoPrivilege.json
    "95edb821-ddaf-4404-9732-666045e056b4": {
        kind: "policyDefinitions", displayName: "Kubernetes cluster should not allow privileged containers",
        parameters: {
            effect: { allowed: ["audit", "Audit", "deny", "Deny", "disabled", "Disabled"] },
            excludedNamespaces: {}, namespaces: {}, labelSelector: {}, excludedContainers: {}, excludedImages: {},
        },
    },
    // policyDefinitions/Tags/InheritTag_Add_Modify.json (modify, mode Indexed)
    "ea3f2387-9b95-492a-a190-fcdc54f7b070": { kind: "policyDefinitions", displayName: "Inherit a tag from the resource group if missing", parameters: { tagName: { required: true } } },
};

/** policyDefinitions/Tags/RequireTag_Deny.json: "Require a tag on resources", deny only (no effect parameter). */
const REQUIRE_TAG_DENY = "871b6d14-10aa-478d-b590-94f262ecfa99";

const specs = policyAssignmentSpecs({
    organization: {
        environments: ["prod"], domains: [], allowedRegions: ["westeurope"], securityContacts: [], existingAccounts: {},
        allowedCustomerIds: [], subscriptions: [], ciRepository: "", ciPolicies: [],
    },
}, "/workspace");

describe("azure/guardrails.ts: built-in definitions by id, with their own parameter names", () => {
    it("assigns only definitions of the catalogue, each by its kind (definition or initiative)", () => {
        for (const spec of specs) {
            const [, , , kind, guid] = spec.definitionId.split("/");
            const entry = CATALOGUE[guid];
            assert.ok(entry, `${spec.name}: ${guid} is not a built-in definition this test knows`);
            assert.equal(kind, entry.kind, `${spec.name}: ${guid} is a ${entry.kind} entry ("${entry.displayName}")`);
        }
    });

    it("passes only parameters the definition declares, every required one, and an effect it allows", () => {
        for (const spec of specs) {
            const entry = CATALOGUE[spec.definitionId.split("/").pop()!];
            const declared = Object.keys(entry.parameters);
            for (const name of Object.keys(spec.parameters)) {
                assert.ok(declared.includes(name), `${spec.name}: "${entry.displayName}" has no parameter ${name} (it has: ${declared.join(", ") || "none"})`);
                const allowed = entry.parameters[name].allowed;
                const value = (spec.parameters[name] as { value: unknown }).value;
                if (allowed) assert.ok(allowed.includes(String(value)), `${spec.name}: ${name} ${String(value)} is not one of ${allowed.join(", ")}`);
            }
            for (const [name, p] of Object.entries(entry.parameters)) {
                if (p.required) assert.ok(name in spec.parameters, `${spec.name}: "${entry.displayName}" needs ${name}`);
            }
        }
    });

    it("covers each guardrail of the issue with the definition meant for it", () => {
        const byName = Object.fromEntries(specs.map((s) => [s.name, s.definitionId.split("/").pop()]));
        assert.deepEqual(byName["lz-allowed-locations"], "e56962a6-4747-49cd-b67b-bf8b01975c4c");
        assert.deepEqual(byName["lz-deny-classic"], "6c112d4e-5bc7-47ae-a041-ea2d9dccd749");
        assert.deepEqual(byName["lz-deploy-diagnostics"], "0884adba-2312-4468-abeb-5422caed1038");
        assert.deepEqual(byName["lz-deny-nic-public-ip"], "83a86a26-fd1f-447c-b59d-e51f44264114");
        assert.deepEqual(byName["lz-storage-https"], "404c3081-a854-4457-ae30-26a93ef643f9");
        assert.deepEqual(byName["lz-storage-no-public"], "4fa4b6c0-31ca-4c0d-b10d-24b96f62a751");
        assert.deepEqual(byName["lz-aks-no-privileged"], "95edb821-ddaf-4404-9732-666045e056b4");
        for (const tag of ["lz-inherit-owner", "lz-inherit-environment"]) assert.deepEqual(byName[tag], INHERIT_TAG_FROM_RESOURCE_GROUP, tag);
        // Deny, not the definitions' Audit default, wherever the definition lets the assignment choose.
        for (const name of ["lz-storage-https", "lz-storage-no-public", "lz-aks-no-privileged", "lz-deny-classic"]) {
            assert.equal((specs.find((s) => s.name === name)!.parameters.effect as { value: string }).value, "Deny", name);
        }
    });

    it("denies no resource for a missing tag: Azure creates resources of its own without our tags (node resource group, traffic analytics, Network Watcher)", () => {
        assert.deepEqual(specs.filter((s) => s.definitionId.endsWith(REQUIRE_TAG_DENY)).map((s) => s.name), []);
        const tags = specs.filter((s) => s.definitionId.endsWith(INHERIT_TAG_FROM_RESOURCE_GROUP));
        // Every standard tag but managed-by (what Azure creates is not managed by the landing zone's stacks).
        assert.deepEqual(tags.map((s) => (s.parameters.tagName as { value: string }).value), STANDARD_TAG_KEYS.filter((t) => t !== "managed-by"));
        for (const spec of tags) {
            assert.equal(spec.scope, "landingzones", spec.name);
            // Modify remediates with an identity: Tag Contributor, not the definition's Contributor.
            assert.deepEqual(spec.remediationRoles, [TAG_CONTRIBUTOR], spec.name);
        }
    });
});
