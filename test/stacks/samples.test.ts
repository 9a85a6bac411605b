import { strict as assert } from "node:assert";
import { readStackConfig } from "../../tools/plan/stack-files";
import { planSample, plainValue } from "../harness";

const clouds = ["aws", "azure", "gcp"] as const;
const environments = ["dev", "prod"] as const;

describe("config/ sample stacks", () => {
    for (const cloud of clouds) {
        for (const env of environments) {
            it(`orders-${cloud}-${env}: no Kubernetes resource and no Kubernetes provider (cloud APIs only)`, async () => {
                const plan = await planSample(`orders-${cloud}-${env}`);
                const kubernetes = plan.resources.filter((r) => r.type.startsWith("kubernetes:") || r.type === "pulumi:providers:kubernetes");
                assert.deepEqual(kubernetes.map((r) => `${r.type}::${r.name}`), []);
                assert.ok(plan.resources.length > 20, "the domain plan is not empty");
            });

            it(`platform-${cloud}-${env}: a Namespace, ResourceQuota, NetworkPolicy and ServiceAccount per registered domain`, async () => {
                const stack = `platform-${cloud}-${env}`;
                const registered = Object.keys(JSON.parse(readStackConfig(stack).config["landing-zone:domains"] ?? "{}")).sort();
                assert.ok(registered.length >= 1);
                const plan = await planSample(stack);
                const namespaceOf = (type: string) => plan.resources.filter((r) => r.type === type)
                    .map((r) => (plainValue(r.inputs) as { metadata: { name: string; namespace?: string } }).metadata)
                    .map((m) => (type === "kubernetes:core/v1:Namespace" ? m.name : m.namespace));
                assert.deepEqual(namespaceOf("kubernetes:core/v1:Namespace").sort(), registered);
                for (const type of ["kubernetes:core/v1:ResourceQuota", "kubernetes:core/v1:ServiceAccount", "kubernetes:networking.k8s.io/v1:NetworkPolicy"]) {
                    assert.deepEqual([...new Set(namespaceOf(type))].sort(), registered, type);
                }
                assert.deepEqual((plainValue(plan.outputs.domains) as string[]).sort(), registered);
            });
        }
    }

    it("orders-gcp-prod promotes from the cluster platform-gcp-dev plans (the id cannot go stale)", async () => {
        const gcp = JSON.parse(readStackConfig("orders-gcp-prod").config["landing-zone:gcp"] ?? "{}");
        const dev = plainValue((await planSample("platform-gcp-dev")).outputs) as { extras: { clusterId: string } };
        assert.equal(gcp.promoteFromCluster, dev.extras.clusterId);
    });
});
