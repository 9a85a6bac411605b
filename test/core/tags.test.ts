import { strict as assert } from "node:assert";
import { gcpLabels, kubernetesLabels, mergeTags, ORGANIZATION_SCOPE, PLATFORM_SCOPE, STANDARD_TAG_KEYS, standardTags } from "../../components/core/tags";

describe("components/core/tags", () => {
    it("gives the five standard tags, domain defaulting to platform", () => {
        const tags = standardTags({ prefix: "acme", environment: "prod", owner: "Platform@Acme.com" });
        assert.deepEqual(Object.keys(tags), [...STANDARD_TAG_KEYS]);
        assert.equal(tags.domain, "platform");
        assert.equal(tags["managed-by"], "pulumi");
    });

    it("tags an organization stack's resources with the organization scope, whatever its config says", () => {
        const base = { prefix: "acme", environment: "prod" as const, owner: "cloud-foundation" };
        assert.equal(standardTags({ ...base, layer: "organization" }).domain, ORGANIZATION_SCOPE);
        assert.equal(standardTags({ ...base, layer: "platform" }).domain, PLATFORM_SCOPE);
        assert.equal(standardTags({ ...base, layer: "domain", domain: "orders" }).domain, "orders");
        assert.equal(standardTags({ ...base, layer: "organization" }).environment, "prod", "the environment tag is the stack's");
    });

    it("turns tags into valid GCP labels (lowercase, [a-z0-9_-], <= 63, keys start with a letter)", () => {
        const labels = gcpLabels({ Owner: "Platform@Acme.com", "9key": "x".repeat(80), "landing-zone": "acme" });
        for (const [k, v] of Object.entries(labels)) {
            assert.match(k, /^[a-z][a-z0-9_-]{0,62}$/);
            assert.match(v, /^[a-z0-9_-]{0,63}$/);
        }
        assert.equal(labels.owner, "platform_acme_com");
        assert.equal(labels.l9key.length, 63);
    });

    it("merges with the more specific set winning", () => {
        assert.deepEqual(mergeTags({ a: "1", b: "1" }, undefined, { b: "2" }), { a: "1", b: "2" });
    });
});

describe("components/core/tags kubernetesLabels", () => {
    it("makes tag values valid Kubernetes label values", () => {
        const labels = kubernetesLabels({ owner: "Team@Acme.example", long: `-${"x".repeat(80)}` });
        assert.equal(labels.owner, "Team_Acme.example");
        for (const v of Object.values(labels)) assert.match(v, /^([A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?)?$/);
    });
});
