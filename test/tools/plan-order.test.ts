import { strict as assert } from "node:assert";
import { planStacks, referencedOrganization, referencedPlatform, referencedStacks } from "../../tools/plan/plan-stacks";
import { fabricatedId } from "../../tools/mock-engine";
import { plainValue } from "../harness";

describe("tools/plan/plan-stacks.ts (organization -> platform -> domain)", () => {
    it("a platform references its organization stack only when it names one; a domain its platform", () => {
        assert.equal(referencedOrganization({ "landing-zone:layer": "platform", "landing-zone:organizationStack": "organization-gcp" }), "organization-gcp");
        assert.equal(referencedOrganization({ "landing-zone:layer": "platform" }), undefined);
        assert.equal(referencedOrganization({ "landing-zone:layer": "domain", "landing-zone:organizationStack": "organization-gcp" }), undefined);
        assert.equal(referencedPlatform({ "landing-zone:layer": "domain", "landing-zone:cloud": "gcp", "landing-zone:environment": "dev" }), "platform-gcp-dev");
    });

    it("plans the organization, then the platform that reads it, then the domain, and resolves each StackReference", async () => {
        const plans = await planStacks(["orders-gcp-dev"], { preview: false });
        assert.deepEqual(plans.map((p) => p.stack), ["organization-gcp", "platform-gcp-dev", "orders-gcp-dev"]);
        for (const plan of plans) assert.equal(plan.error, undefined, `${plan.stack}: ${String(plan.error)}`);
        const platform = plans[1].result!;
        // The platform's project lands in the folder organization-gcp planned for dev.
        const project = platform.resources.find((r) => r.name === "lz-dev-platform-project")!;
        assert.equal((plainValue(project.inputs) as { folderId?: string }).folderId, "organization-dev-folder");
    });

    it("azure: --strict plans the platform against organization-azure's fabricated outputs, so its placement check runs", async () => {
        const plans = await planStacks(["orders-azure-prod"], { strict: true });
        assert.deepEqual(plans.map((p) => p.stack), ["organization-azure", "platform-azure-prod", "orders-azure-prod"]);
        for (const plan of plans) assert.equal(plan.error, undefined, `${plan.stack}: ${String(plan.error)}`);
        const hierarchy = (plainValue(plans[1].result!.outputs) as { hierarchy: Record<string, string> }).hierarchy;
        // Known only because the organization's outputs are (fabricated): the check ran and passed.
        assert.equal(hierarchy.environmentId, fabricatedId({ type: "azure-native:management:ManagementGroup", name: "organization-mg-corp" }));
        assert.equal(hierarchy.platformScope, "/subscriptions/00000000-0000-0000-0000-000000000003");
    });

    it("an aws domain in its own account reads organization-aws too: planned before its platform, both references resolved", async () => {
        assert.deepEqual(referencedStacks({ "landing-zone:layer": "domain", "landing-zone:cloud": "aws", "landing-zone:environment": "dev", "landing-zone:organizationStack": "organization-aws" }),
            [{ name: "organization-aws", stack: "organization-aws" }, { name: "platform-aws-dev", stack: "platform-aws-dev" }]);
        assert.deepEqual(referencedStacks({ "landing-zone:layer": "domain", "landing-zone:cloud": "aws", "landing-zone:environment": "dev" }),
            [{ name: "platform-aws-dev", stack: "platform-aws-dev" }]);
        const plans = await planStacks(["orders-aws-dev"], { preview: false });
        assert.deepEqual(plans.map((p) => p.stack), ["organization-aws", "platform-aws-dev", "orders-aws-dev"]);
        for (const plan of plans) assert.equal(plan.error, undefined, `${plan.stack}: ${String(plan.error)}`);
        const allowed = (i: number) => plainValue(plans[i].result!.resources.find((r) => r.type === "pulumi:providers:aws" && r.name === "aws")!.inputs) as { allowedAccountIds?: string };
        // Each stack's provider acts only in the account organization-aws planned for it.
        assert.deepEqual(JSON.parse(allowed(1).allowedAccountIds!), ["organization-account-shared-dev-id"]);
        assert.deepEqual(JSON.parse(allowed(2).allowedAccountIds!), ["organization-account-orders-dev-id"]);
    });
});
