import { strict as assert } from "node:assert";
import { outsideNamespaceProblems } from "../../../components/core/config/rules/outside";

const base = { "landing-zone:cloud": "aws", "landing-zone:region": "eu-west-1", "aws:region": "eu-west-1" };
const none = () => false;

describe("config outside the landing-zone namespace", () => {
    it("accepts agreeing regions and encrypted secrets", () => {
        assert.deepEqual(outsideNamespaceProblems({ ...base, "landing-zone-secrets:gitAccessToken": "[secret]" }, (k) => k === "landing-zone-secrets:gitAccessToken"), []);
        assert.deepEqual(outsideNamespaceProblems({ "landing-zone:cloud": "azure", "landing-zone:region": "westeurope", "azure-native:location": "West Europe" }, none), []);
    });

    it("rejects a plaintext value under landing-zone-secrets", () => {
        const [problem] = outsideNamespaceProblems({ ...base, "landing-zone-secrets:gitAccessToken": "ghp_plaintext" }, none);
        assert.equal(problem.path, "landing-zone-secrets:gitAccessToken");
        assert.match(problem.message, /is plaintext/);
        assert.doesNotMatch(problem.message, /ghp_plaintext/, "the message never repeats the secret");
    });

    for (const [cloud, key, region, other] of [
        ["aws", "aws:region", "eu-west-1", "us-east-1"],
        ["azure", "azure-native:location", "westeurope", "northeurope"],
        ["gcp", "gcp:region", "europe-west1", "us-central1"],
    ]) {
        it(`rejects ${key} that disagrees with landing-zone:region (${cloud})`, () => {
            const problems = outsideNamespaceProblems({ "landing-zone:cloud": cloud, "landing-zone:region": region, [key]: other }, none);
            assert.deepEqual(problems.map((p) => p.path), [key]);
            assert.match(problems[0].message, new RegExp(`is "${other}" but landing-zone:region is "${region}"`));
        });
    }

    it("says nothing about another cloud's provider key or an unset one", () => {
        assert.deepEqual(outsideNamespaceProblems({ ...base, "gcp:region": "us-central1" }, none), []);
        assert.deepEqual(outsideNamespaceProblems({ "landing-zone:cloud": "aws", "landing-zone:region": "eu-west-1" }, none), []);
    });
});
