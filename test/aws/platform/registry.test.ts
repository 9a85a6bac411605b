import { strict as assert } from "node:assert";
import { plainValue } from "../../harness";
import { sample, standalone, variant } from "./helpers";

const REPO = "aws:ecr/repository:Repository";

describe("aws/registry.ts", () => {
    it("ECR: scan on push, immutable tags, KMS with the registry key, never force-deleted", async () => {
        const rec = await sample("platform-aws-prod", false);
        const repo = rec.inputs(rec.one(REPO));
        assert.equal(repo.imageTagMutability, "IMMUTABLE");
        assert.deepEqual(repo.imageScanningConfiguration, { scanOnPush: true });
        assert.equal(repo.encryptionConfigurations[0].encryptionType, "KMS");
        assert.match(repo.encryptionConfigurations[0].kmsKey, /keys-registry$/);
        assert.equal(repo.forceDelete, false);
    });

    it("lifecycle keeps registry.keepImages images and expires untagged ones", async () => {
        for (const [rec, keep] of [[await sample("platform-aws-prod"), 100], [await variant("platform-aws-dev", { registry: { keepImages: 7 } }), 7]] as const) {
            const policy = JSON.parse(rec.inputs(rec.one("aws:ecr/lifecyclePolicy:LifecyclePolicy")).policy);
            const keepRule = policy.rules.find((r: any) => r.selection.countType === "imageCountMoreThan");
            assert.equal(keepRule.selection.countNumber, keep);
            assert.equal(keepRule.selection.tagStatus, "any");
            assert.ok(policy.rules.some((r: any) => r.selection.tagStatus === "untagged"));
        }
    });

    it("protected and deletion denied in prod only; the registry URL is the account's ECR host", async () => {
        assert.equal((await sample("platform-aws-prod")).one(REPO).protect, true);
        assert.equal((await sample("platform-aws-dev")).one(REPO).protect, false);
        const prod = await sample("platform-aws-prod");
        const { Statement } = JSON.parse(prod.inputs(prod.one("aws:ecr/repositoryPolicy:RepositoryPolicy")).policy);
        assert.deepEqual(Statement.map((s: any) => [s.Effect, s.Action]), [["Deny", "ecr:DeleteRepository"]]);
        assert.equal((await sample("platform-aws-dev")).ofType("aws:ecr/repositoryPolicy:RepositoryPolicy").length, 0);
        const outputs = plainValue((await standalone("platform-aws-prod")).outputs) as any;
        assert.equal(outputs.registry.registryUrl, "111111111111.dkr.ecr.eu-west-1.amazonaws.com");
    });
});
