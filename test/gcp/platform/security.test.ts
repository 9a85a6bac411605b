import { strict as assert } from "node:assert";
import { gcpLabels, standardTags } from "../../../components/core/tags";
import { planSample, plainValue } from "../../harness";
import { sample, T } from "./helpers";

const PRIMITIVE = ["roles/owner", "roles/editor", "roles/viewer"];
const LABEL_KEY = /^[a-z][a-z0-9_-]{0,62}$/;
const LABEL_VALUE = /^[a-z0-9_-]{0,63}$/;

for (const stack of ["platform-gcp-prod", "platform-gcp-dev"] as const) {
    describe(`components/gcp/platform (${stack})`, () => {
        it("binds no primitive role (owner/editor/viewer) anywhere", async () => {
            const rec = await sample(stack);
            const bindings = rec.custom.filter((r) => /IAM|Iam/.test(r.type));
            assert.ok(bindings.length > 0);
            for (const b of bindings) {
                assert.ok(!PRIMITIVE.includes(rec.inputs(b).role), `${b.name} binds ${rec.inputs(b).role}`);
            }
        });

        it("labels everything through the provider's default labels, which are valid GCP labels", async () => {
            const rec = await sample(stack);
            const provider = rec.one(T.provider);
            const labels = JSON.parse(String(rec.inputs(provider).defaultLabels));
            assert.deepEqual(labels, gcpLabels(standardTags({ prefix: "acme", environment: stack.split("-")[2] as "prod", owner: "platform-team" })));
            for (const [k, v] of Object.entries(labels)) {
                assert.match(k, LABEL_KEY);
                assert.match(String(v), LABEL_VALUE);
            }
            // Every gcp resource uses that provider (explicitly or through its parent).
            for (const r of rec.custom.filter((x) => x.type.startsWith("gcp:"))) {
                assert.ok(r.provider?.startsWith(provider.urn), `${r.name} does not use the stack's gcp provider`);
            }
        });

        it("exports the GCP extras the domain stacks read", async () => {
            const { outputs } = await planSample(stack);
            const extras = plainValue(outputs.extras) as Record<string, any>;
            for (const key of ["hostProjectId", "clusterLocation", "privateServicesRange", "networkSelfLink", "subnetSelfLink", "workloadPool"]) {
                assert.ok(extras[key], `extras.${key} must be known at plan time`);
            }
            assert.ok(extras.domainProjectIds.orders);
            assert.match(extras.networkSelfLink, /^projects\/[a-z][a-z0-9-]+\/global\/networks\/acme-[a-z]+-vpc$/);
        });

        it("plans with fabricated outputs (update-like run): same resources, extras filled in", async () => {
            const preview = await planSample(stack);
            const update = await planSample(stack, { preview: false });
            assert.deepEqual(update.resources.map((r) => r.urn).sort(), preview.resources.map((r) => r.urn).sort());
            const extras = plainValue(update.outputs.extras) as Record<string, any>;
            assert.ok(extras.hostProjectId && extras.artifactRepositoryId && extras.folderIds.environment);
        });
    });
}
