import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { Hierarchy } from "../../../components/azure/hierarchy";
import type { OrganizationReference } from "../../../components/core/contracts";
import { placementProblem } from "../../../components/azure/organization-placement";
import { fabricatedId } from "../../../tools/mock-engine";
import { Recorded, planSample, plainValue, runStackConfig, testContext } from "../../harness";
import { baseConfig, SUBSCRIPTION } from "./run-platform";

const MG = "azure-native:management:ManagementGroup";
const MG_SUB = "azure-native:management:ManagementGroupSubscription";
const RG = "azure-native:resources:ResourceGroup";
const HIERARCHY = "landing-zone:azure:Hierarchy";
const REF = "pulumi:pulumi:StackReference";
/** organization-azure's sample places ...0002 for dev and ...0003 (= SUBSCRIPTION) for prod under corp. */
const DEV_SUBSCRIPTION = "00000000-0000-0000-0000-000000000002";

/** The prod platform reading organization-azure (the sample's organization, as the plan has it). */
function orgPlatform(overrides: Record<string, unknown> = {}, preview = true) {
    const { hierarchy: _hierarchy, ...base } = baseConfig("prod");
    return runStackConfig("platform-azure-prod", { ...base, organizationStack: "organization-azure", ...overrides }, {
        preview, extra: { "azure-native:location": "westeurope" },
    });
}

describe("components/azure/organization-placement", () => {
    describe("placementProblem", () => {
        const envs = { prod: { containerId: "/providers/Microsoft.Management/managementGroups/acme-corp", platformScope: SUBSCRIPTION } };

        it("accepts the subscription the organization placed for the environment (any case, bare or as a scope)", () => {
            assert.equal(placementProblem(envs, "prod", SUBSCRIPTION, "organization-azure"), undefined);
            assert.equal(placementProblem(envs, "prod", `/subscriptions/${SUBSCRIPTION.toUpperCase()}`, "organization-azure"), undefined);
        });

        it("rejects another subscription, naming both ids and the key to fix", () => {
            const problem = placementProblem(envs, "prod", DEV_SUBSCRIPTION, "organization-azure") ?? "";
            assert.match(problem, /^landing-zone:azure\.subscriptionId \(00000000-0000-0000-0000-000000000002\) is not the subscription/);
            assert.ok(problem.includes(SUBSCRIPTION), problem);
        });

        it("rejects an environment the organization does not have, or one without a placed subscription", () => {
            assert.match(placementProblem(envs, "dev", DEV_SUBSCRIPTION, "organization-azure") ?? "", /has no environment dev: add it to its landing-zone:organization\.environments/);
            const unplaced = { dev: { containerId: "/providers/Microsoft.Management/managementGroups/acme-corp" } };
            assert.match(placementProblem(unplaced, "dev", DEV_SUBSCRIPTION, "organization-azure") ?? "",
                /places no platform subscription for environment dev: add \{ id: 00000000-0000-0000-0000-000000000002, group: corp, environment: dev \}/);
            const groupless = { prod: { platformScope: SUBSCRIPTION } };
            assert.match(placementProblem(groupless, "prod", SUBSCRIPTION, "organization-azure") ?? "",
                /records no management group for environment prod \(environments\.<env>\.containerId\)/);
        });
    });

    it("the sample platforms read organization-azure: no management group and no subscription placement of their own", async () => {
        for (const stack of ["platform-azure-dev", "platform-azure-prod"]) {
            const rec = new Recorded((await planSample(stack)).resources);
            assert.equal(rec.ofType(MG).length, 0, stack);
            assert.equal(rec.ofType(MG_SUB).length, 0, stack);
            // The hierarchy (hence every resource group and what lives in them) waits for the check
            // on the organization's outputs.
            assert.ok(rec.one(HIERARCHY).dependencies.some((urn) => urn.endsWith(`${REF}::organization-azure`)),
                `${stack}: the hierarchy must depend on organization-azure's outputs`);
        }
    });

    it("takes the environment's management group and root from the deployed organization", async () => {
        const result = await orgPlatform({}, false);
        const hierarchy = (plainValue(result.outputs) as Record<string, any>).hierarchy;
        assert.equal(hierarchy.environmentId, fabricatedId({ type: MG, name: "organization-mg-corp" }));
        assert.equal(hierarchy.rootId, fabricatedId({ type: MG, name: "organization-mg-root" }));
        assert.equal(hierarchy.platformScope, `/subscriptions/${SUBSCRIPTION}`);
        const rec = new Recorded(result.resources);
        assert.equal(rec.ofType(MG).length + rec.ofType(MG_SUB).length, 0);
        assert.equal(rec.ofType(RG).length, 5, "resource groups per concern and per domain as before");
    });

    it("refuses to deploy into a subscription the organization did not place for the environment", async () => {
        await assert.rejects(
            orgPlatform({ azure: { ...baseConfig("prod").azure as object, subscriptionId: DEV_SUBSCRIPTION } }, false),
            (error: Error) => {
                assert.match(String(error.message ?? error), /azure\.subscriptionId \(00000000-0000-0000-0000-000000000002\) is not the subscription organization stack organization-azure placed for environment prod/);
                return true;
            });
    });

    it("registers no resource group when the check fails (the guard is the hierarchy's dependsOn)", async () => {
        const registered: string[] = [];
        await pulumi.runtime.setMocks({
            newResource: (args) => {
                registered.push(`${args.type}::${args.name}`);
                return { id: `${args.name}-id`, state: args.inputs };
            },
            call: (args) => args.inputs,
        }, "landing-zone", "test", false);
        const organization = (placed: string): OrganizationReference => ({
            name: "organization-azure",
            get: ((key: string) => pulumi.output(key === "rootId" ? "/providers/Microsoft.Management/managementGroups/acme"
                : { prod: { containerId: "/providers/Microsoft.Management/managementGroups/acme-corp", platformScope: placed } })) as never,
        });
        const { hierarchy: _hierarchy, ...base } = baseConfig("prod");
        const ctx = testContext({ ...base, cloud: "azure", organizationStack: "organization-azure" });
        const promiseOf = <T>(output: pulumi.Output<T>): Promise<T> => (output as unknown as { promise(): Promise<T> }).promise();

        const wrong = new Hierarchy("wrong", { ctx, organization: organization(DEV_SUBSCRIPTION) });
        await assert.rejects(promiseOf(wrong.result.resourceGroups.shared), /is not the subscription organization stack organization-azure placed/);
        const right = new Hierarchy("right", { ctx, organization: organization(SUBSCRIPTION) });
        assert.equal(await promiseOf(right.result.outputs.environmentId), "/providers/Microsoft.Management/managementGroups/acme-corp");
        await promiseOf(right.result.resourceGroups.shared);
        assert.deepEqual(registered.filter((r) => r.startsWith(RG)).map((r) => r.split("::")[1]).sort(), ["right-cluster", "right-domain-orders", "right-domain-payments", "right-network", "right-shared"],
            "only the correctly placed hierarchy registers its resource groups");
    });
});
