import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { STANDARD_TAG_KEYS } from "../../../components/core/tags";
import { planSample } from "../../harness";
import { Recorded } from "../../harness";
import { runPlatform } from "./run-platform";

/** azure-native types whose API has no tags (checked against the type definitions). */
const UNTAGGABLE = new Set([
    "azure-native:management:ManagementGroup",
    "azure-native:management:ManagementGroupSubscription",
    "azure-native:authorization:RoleAssignment",
    "azure-native:authorization:ManagementLockByScope",
    "azure-native:monitor:DiagnosticSetting",
    "azure-native:monitor:SubscriptionDiagnosticSetting",
    "azure-native:network:Subnet",
    "azure-native:network:PrivateDnsZoneGroup",
    "azure-native:storage:BlobServiceProperties",
    "azure-native:containerservice:MaintenanceConfiguration",
    "azure-native:kubernetesconfiguration:Extension",
    "azure-native:monitor:DataCollectionRuleAssociation",
    "azure-native:managedidentity:FederatedIdentityCredential",
]);

/** Whether the installed SDK's `<Resource>Args` of an azure-native type token has a `tags` input. */
function argsHaveTags(type: string): boolean {
    const [, module, resource] = type.split(":");
    const file = path.join(require.resolve("@pulumi/azure-native/package.json"), "..", module, `${resource[0].toLowerCase()}${resource.slice(1)}.d.ts`);
    const args = new RegExp(`export interface ${resource}Args \\{[\\s\\S]*?\\n\\}`).exec(readFileSync(file, "utf8"));
    assert.ok(args, `no ${resource}Args in ${file}`);
    return /\n\s+tags\?:/.test(args[0]);
}

/** Stateful resources: `protect` (and a delete lock) in prod, neither in dev. */
const STATEFUL = [
    "azure-native:management:ManagementGroup",
    "azure-native:resources:ResourceGroup",
    "azure-native:keyvault:Vault",
    "azure-native:keyvault:Key",
    "azure-native:containerregistry:Registry",
    "azure-native:operationalinsights:Workspace",
    "azure-native:storage:StorageAccount",
];

describe("components/azure/platform", () => {
    for (const env of ["dev", "prod"] as const) {
        it(`puts the standard tags on every taggable resource (${env})`, async () => {
            const { rec } = await runPlatform(env);
            const taggable = rec.custom.filter((r) => r.type.startsWith("azure-native:") && !UNTAGGABLE.has(r.type));
            assert.ok(taggable.length > 30);
            for (const resource of taggable) {
                const tags = rec.inputs(resource).tags ?? {};
                for (const key of STANDARD_TAG_KEYS) assert.ok(tags[key], `${resource.name} (${resource.type}) lacks tag ${key}`);
                assert.equal(tags.environment, env);
                assert.equal(tags["managed-by"], "pulumi");
            }
        });
    }

    it("lists as untaggable only types whose API has no tags", () => {
        for (const type of UNTAGGABLE) assert.equal(argsHaveTags(type), false, `${type} takes tags`);
        assert.equal(argsHaveTags("azure-native:containerservice:ManagedCluster"), true);
    });

    it("protects stateful resources in prod only", async () => {
        const prod = await runPlatform("prod");
        for (const type of STATEFUL) {
            for (const r of prod.rec.ofType(type)) assert.equal(r.protect, true, `${r.name} is protected in prod`);
        }
        const dev = await runPlatform("dev");
        assert.deepEqual(dev.rec.resources.filter((r) => r.protect).map((r) => r.name), []);
    });

    it("uses one explicit azure-native provider for every azure resource", async () => {
        const { rec } = await runPlatform("prod");
        const providers = rec.ofType("pulumi:providers:azure-native");
        assert.equal(providers.length, 1);
        const providerUrn = providers[0].urn;
        for (const r of rec.custom.filter((c) => c.type.startsWith("azure-native:"))) {
            assert.ok(r.provider?.startsWith(`${providerUrn}::`), `${r.name} uses the stack's provider`);
        }
        assert.equal(rec.inputs(providers[0]).subscriptionId, "00000000-0000-0000-0000-000000000003");
    });

    it("names every child after its parent component", async () => {
        const { rec } = await runPlatform("prod");
        for (const r of rec.resources.filter((x) => x.parent && !x.parent.endsWith("::landing-zone::pulumi:pulumi:Stack") && !x.parent.includes("pulumi:pulumi:Stack::"))) {
            const parentName = r.parent!.split("::").pop()!;
            assert.ok(r.name.startsWith(`${parentName}-`), `${r.name} starts with ${parentName}`);
        }
    });

    it("plans the sample stacks: prod is the full topology, dev the cheaper variant", async () => {
        const prod = new Recorded((await planSample("platform-azure-prod")).resources);
        const dev = new Recorded((await planSample("platform-azure-dev")).resources);
        // Both samples read organization-azure: its tree, not theirs (organization-placement.test.ts).
        assert.equal(prod.ofType("azure-native:management:ManagementGroup").length, 0);
        assert.equal(dev.ofType("azure-native:management:ManagementGroup").length, 0);
        assert.ok(prod.ofType("azure-native:authorization:ManagementLockByScope").length >= 4);
        assert.equal(dev.ofType("azure-native:authorization:ManagementLockByScope").length, 0);
        const aks = (r: Recorded) => r.inputs(r.one("azure-native:containerservice:ManagedCluster"));
        assert.equal(aks(prod).sku.tier, "Standard");
        assert.equal(aks(dev).sku.tier, "Free");
    });

    it("runs with fabricated outputs ({ preview: false }) and fills every extras field", async () => {
        const { outputs } = await runPlatform("prod", {}, { preview: false });
        const missing: string[] = [];
        const walk = (value: unknown, path: string) => {
            if (value === undefined || value === null || value === "") missing.push(path);
            else if (typeof value === "object" && !Array.isArray(value)) {
                for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, `${path}.${k}`);
            }
        };
        walk(outputs.extras, "extras");
        assert.deepEqual(missing, []);
        assert.ok(outputs.cluster.kubeconfig.includes("kubelogin"));
        assert.match(outputs.registry.registryId, /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/containerregistry\/registry-acr$/);
    });
});
