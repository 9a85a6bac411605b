import { strict as assert } from "node:assert";
import { sample, sampleConfig, T, variant } from "./helpers";

/** The platform without an organization stack (it then owns the landing zone folder and its policies). */
const standalone = (preview = true) => variant("platform-gcp-prod", {
    organizationStack: undefined, hierarchy: { ...sampleConfig("platform-gcp-prod").hierarchy, parentId: "organizations/123456789012" },
}, preview);

const REQUIRED: Record<string, "boolean" | "deny-all"> = {
    "storage.uniformBucketLevelAccess": "boolean",
    "storage.publicAccessPrevention": "boolean",
    "iam.disableServiceAccountKeyCreation": "boolean",
    "compute.vmExternalIpAccess": "deny-all",
    "sql.restrictPublicIp": "boolean",
    "iam.automaticIamGrantsForDefaultServiceAccounts": "boolean",
    "compute.skipDefaultNetworkCreation": "boolean",
};

describe("components/gcp/org-policies", () => {
    it("with an organization stack the platform sets no org policy (organization-gcp owns them)", async () => {
        assert.equal((await sample("platform-gcp-prod")).ofType(T.policy).length, 0);
    });

    it("enforces the landing zone guardrails on the landing zone folder it owns (Org Policy API)", async () => {
        const rec = await standalone();
        const root = rec.one(T.folder, "lz-folder");
        const policies = rec.ofType(T.policy);
        // exactly the seven guardrails above, no more (an added rule is a deliberate change here)
        assert.equal(policies.length, 7);
        assert.equal(Object.keys(REQUIRED).length, 7);
        for (const [constraint, kind] of Object.entries(REQUIRED)) {
            const policy = policies.find((p) => p.name.endsWith(constraint.replace(/\./g, "-")));
            assert.ok(policy, `missing org policy ${constraint}`);
            // Attached to the landing zone folder: its parent and name come from that folder.
            assert.ok(policy.dependencies.includes(root.urn), `${constraint} must be set on the landing zone folder`);
            const rules = rec.inputs(policy).spec.rules;
            assert.equal(rules.length, 1);
            if (kind === "boolean") assert.equal(rules[0].enforce, "TRUE", constraint);
            else assert.equal(rules[0].denyAll, "TRUE", constraint);
        }
    });

    it("a policy's name is <folder>/policies/<constraint> (fabricated ids)", async () => {
        const rec = await standalone(false);
        assert.ok(rec.ofType(T.policy).length > 0);
        for (const p of rec.ofType(T.policy)) {
            const { name, parent } = rec.inputs(p);
            assert.match(name, /\/policies\/[a-zA-Z]+\.[a-zA-Z]+$/);
            assert.ok(name.startsWith(`${parent}/policies/`), name);
        }
    });
});
