import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { domain, domainResourceGroup } from "../../../components/azure/domain";
import type { AzurePlatformExtras } from "../../../components/azure/extras";
import { STANDARD_TAG_KEYS } from "../../../components/core/tags";
import { planSample, Recorded, runComponent, testContext } from "../../harness";
import { domainConfig, fakeExports, fakePlatform, runDomain } from "./fake-platform";

/** Azure types in the domain layer whose API takes tags. */
const TAGGABLE = [
    "azure-native:managedidentity:UserAssignedIdentity",
    "azure-native:dbforpostgresql:Server",
    "azure-native:storage:StorageAccount",
    "azure-native:network:PrivateEndpoint",
    "azure-native:servicebus:Namespace",
    "azure-native:redisenterprise:RedisEnterprise",
    "azure-native:containerregistry:Task",
];

/** Stateful types: protected in prod, never in dev. */
const STATEFUL = [
    "azure-native:dbforpostgresql:Server",
    "azure-native:storage:StorageAccount",
    "azure-native:storage:BlobContainer",
    "azure-native:servicebus:Namespace",
    "azure-native:servicebus:Queue",
];

function assertTagged(rec: Recorded, environment: string): void {
    for (const type of TAGGABLE) {
        const resources = rec.ofType(type);
        assert.ok(resources.length > 0, `no ${type} recorded`);
        for (const r of resources) {
            const tags = rec.inputs(r).tags ?? {};
            for (const key of STANDARD_TAG_KEYS) assert.ok(tags[key], `${r.name} lacks tag ${key}`);
            assert.equal(tags.environment, environment);
            assert.equal(tags.domain, "orders");
        }
    }
    // Anything else that carries tags carries the standard ones too.
    for (const r of rec.custom.filter((c) => c.type.startsWith("azure-native:") && "tags" in c.inputs)) {
        for (const key of STANDARD_TAG_KEYS) assert.ok(rec.inputs(r).tags[key], `${r.name} lacks tag ${key}`);
    }
}

describe("components/azure/domain", () => {
    it("composes every capability and returns the DomainOutputs contract", async () => {
        const rec = await runDomain({ environment: "prod", database: { layout: "read-replicas", replicas: 2 } });
        const out = rec.outputs!;
        assert.equal(out.namespace, "orders");
        assert.equal(out.database.layout, "read-replicas");
        assert.equal(out.database.port, 5432);
        assert.equal(out.database.readerEndpoints.length, 2);
        assert.ok(out.objectStore && out.queue && out.cache && out.pipeline);
        for (const type of ["Database", "ObjectStore", "WorkQueue", "SessionCache", "WorkloadAccess", "Pipeline"]) {
            rec.one(`landing-zone:azure:${type}`);
        }
        // The workload identity is the platform's: the domain creates none (only the storage account's
        // key identity and the database bootstrap's) and touches no Kubernetes API.
        assert.deepEqual(rec.ofType("azure-native:managedidentity:UserAssignedIdentity").map((r) => r.name).sort(),
            ["orders-database-bootstrap-identity", "orders-storage-cmk-identity"]);
        assert.deepEqual(rec.resources.filter((r) => r.type.startsWith("kubernetes:") || r.type === "pulumi:providers:kubernetes").map((r) => r.name), []);
    });

    for (const environment of ["dev", "prod"] as const) {
        it(`puts the standard tags on every taggable resource (${environment})`, async () => {
            assertTagged(await runDomain({ environment }), environment);
        });
    }

    it("protects stateful resources in prod only", async () => {
        const prod = await runDomain({ environment: "prod" });
        for (const type of STATEFUL) assert.ok(prod.ofType(type).every((r) => r.protect), `${type} protected in prod`);
        assert.deepEqual([...new Set(prod.resources.filter((r) => r.protect).map((r) => r.type))].sort(), [...STATEFUL].sort());
        const dev = await runDomain({ environment: "dev" });
        assert.deepEqual(dev.resources.filter((r) => r.protect).map((r) => r.name), []);
    });

    it("puts every resource in the platform's resource group for the domain and names children after their parent", async () => {
        const rec = await runDomain({ environment: "prod" });
        for (const r of rec.custom.filter((c) => "resourceGroupName" in c.inputs && !c.type.includes("containerregistry") && !c.type.includes("kubernetesconfiguration"))) {
            assert.equal(rec.inputs(r).resourceGroupName, "acme-dev-orders", r.name);
        }
        for (const r of rec.resources.filter((x) => x.parent && !x.parent.includes("pulumi:pulumi:Stack"))) {
            const parent = rec.byUrn(r.parent!);
            if (parent) assert.ok(r.name.startsWith(parent.name), `${r.name} under ${parent.name}`);
        }
    });

    it("uses the stack's azure provider for every cloud resource (the propagation waits are local)", async () => {
        const rec = await runDomain({ environment: "dev" });
        assert.ok(rec.custom.some((c) => c.type === "time:index/sleep:Sleep"), "the domain waits for its grants");
        for (const r of rec.custom.filter((c) => !c.type.startsWith("pulumi:providers:") && !c.type.startsWith("time:"))) {
            assert.match(r.provider ?? "", /pulumi:providers:azure-native::azure-native::/, r.name);
        }
    });

    it("runs with fabricated outputs (an update, not only a preview)", async () => {
        const rec = await runDomain({ environment: "prod", database: { layout: "sharded", shards: 2, replicas: 1 } }, { preview: false });
        assert.equal(rec.outputs!.database.shards.length, 2);
        const access = rec.ofType("azure-native:authorization:RoleAssignment").map((r) => rec.inputs(r));
        assert.ok(access.every((a) => typeof a.scope === "string" && a.scope.length > 0), "scopes known after deploy");
    });

    it("fails with a clear message when the platform has no resource group for the domain", () => {
        const extras = { ...(fakeExports.extras as pulumi.Unwrap<AzurePlatformExtras>), domainResourceGroups: { payments: "acme-dev-payments" } };
        assert.throws(() => domainResourceGroup(extras, "orders", "platform-azure-dev"), /exports no resource group for domain "orders"/);
        assert.equal(domainResourceGroup(extras, "payments", "platform-azure-dev"), "acme-dev-payments");
    });

    it("derives the storage key's vault and name from the key id when the platform does not export them", async () => {
        const { keyVaultUri: _uri, keyNames: _names, ...older } = fakeExports.extras as Record<string, unknown>;
        const rec = await runComponent(() => domain(testContext(domainConfig({ environment: "dev" })), fakePlatform({ ...fakeExports, extras: older })), { preview: false });
        const account = rec.inputs(rec.one("azure-native:storage:StorageAccount"));
        assert.deepEqual(account.encryption.keyVaultProperties, { keyName: "acme-dev-data-key", keyVaultUri: "https://acme-dev-kv.vault.azure.net/" });
    });

    it("never exports a plaintext secret", async () => {
        let outputs: unknown;
        await runComponent(() => {
            outputs = domain(testContext(domainConfig({ environment: "prod" })), fakePlatform());
        });
        const plain = JSON.stringify(outputs, (_k, v) => (pulumi.Output.isInstance(v) ? "[output]" : v));
        assert.doesNotMatch(plain, /password|secret|key=/i);
    });

    for (const stack of ["orders-azure-dev", "orders-azure-prod"]) {
        it(`plans the sample stack ${stack} on its planned platform`, async () => {
            const result = await planSample(stack);
            const rec = new Recorded(result.resources);
            assert.ok(rec.ofType("azure-native:dbforpostgresql:Server").length >= 1);
            assertTagged(rec, stack.endsWith("prod") ? "prod" : "dev");
        });
    }

    it("plans the prod sample stack with fabricated outputs (platform and domain)", async () => {
        const result = await planSample("orders-azure-prod", { preview: false });
        const rec = new Recorded(result.resources);
        assert.equal(rec.ofType("azure-native:dbforpostgresql:Server").length, 3);
        const account = rec.inputs(rec.one("azure-native:storage:StorageAccount"));
        assert.equal(account.encryption.keySource, "Microsoft.Keyvault");
        assert.ok(account.encryption.keyVaultProperties.keyName);
        const outputs = result.outputs as { database: { credentials: { reference: string } } };
        assert.match(outputs.database.credentials.reference, /^acme-prod-orders-workload$/);
    });
});
