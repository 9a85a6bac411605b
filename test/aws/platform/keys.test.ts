import { strict as assert } from "node:assert";
import { KEY_PURPOSES } from "../../../components/core/contracts";
import { policyOf, sample, variant } from "./helpers";

const KEY = "aws:kms/key:Key";

describe("aws/keys.ts", () => {
    it("one key per purpose, rotated every keys.rotationDays", async () => {
        const rec = await sample("platform-aws-prod");
        for (const purpose of KEY_PURPOSES) {
            const key = rec.inputs(rec.one(KEY, `keys-${purpose}`));
            assert.equal(key.enableKeyRotation, true, purpose);
            assert.equal(key.rotationPeriodInDays, 365, purpose);
            assert.equal(key.keyUsage, "ENCRYPT_DECRYPT");
            assert.equal(rec.inputs(rec.one("aws:kms/alias:Alias", `keys-${purpose}-alias`)).name, `alias/acme-prod-${purpose}`);
        }
        const custom = await variant("platform-aws-dev", { keys: { rotationDays: 180 } });
        assert.ok(custom.ofType(KEY).every((k) => custom.inputs(k).rotationPeriodInDays === 180));
    });

    it("key policies: the account administers through IAM, nobody else unless a named service of this account", async () => {
        const rec = await sample("platform-aws-prod");
        for (const purpose of KEY_PURPOSES) {
            const { Statement } = policyOf(rec, rec.one(KEY, `keys-${purpose}`));
            assert.deepEqual(Statement[0].Principal, { AWS: "arn:aws:iam::111111111111:root" });
            for (const s of Statement) {
                assert.notEqual(s.Principal, "*", `${purpose}: a statement names every principal`);
                if (s.Principal.Service) assert.ok(s.Condition, `${purpose}: service statement ${s.Sid} has no condition`);
                // "*" only narrowed to one named role of this account (a role that may not exist yet).
                if (s.Principal.AWS === "*") {
                    assert.match(s.Condition.StringEquals["aws:PrincipalArn"], /^arn:aws:iam::111111111111:role\//, `${purpose}: ${s.Sid}`);
                    assert.equal(s.Condition.StringEquals["kms:CallerAccount"], "111111111111", `${purpose}: ${s.Sid}`);
                }
            }
        }
        const logs = policyOf(rec, rec.one(KEY, "keys-logs")).Statement;
        const cwl = logs.find((s) => s.Principal.Service === "logs.eu-west-1.amazonaws.com")!;
        assert.equal(cwl.Condition.ArnLike["kms:EncryptionContext:aws:logs:arn"], "arn:aws:logs:eu-west-1:111111111111:log-group:*");
        const trail = logs.find((s) => s.Principal.Service === "cloudtrail.amazonaws.com" && s.Action === "kms:GenerateDataKey*")!;
        assert.equal(trail.Condition.StringEquals["aws:SourceAccount"], "111111111111");
        assert.equal(policyOf(rec, rec.one(KEY, "keys-data")).Statement.length, 1, "the data key lets only IAM grant use");
    });

    it("the cluster key admits EC2 Auto Scaling's service-linked role for node volumes (use, and grants for AWS resources only)", async () => {
        const rec = await sample("platform-aws-prod");
        const statements = policyOf(rec, rec.one(KEY, "keys-cluster")).Statement.filter((s) => s.Sid?.startsWith("AutoScaling"));
        assert.equal(statements.length, 2);
        for (const s of statements) {
            assert.equal(s.Condition.StringEquals["aws:PrincipalArn"],
                "arn:aws:iam::111111111111:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling");
        }
        const grant = statements.find((s) => s.Action === "kms:CreateGrant")!;
        assert.equal(grant.Condition.Bool["kms:GrantIsForAWSResource"], "true");
        for (const purpose of ["data", "logs", "registry"]) {
            assert.ok(policyOf(rec, rec.one(KEY, `keys-${purpose}`)).Statement.every((s) => !s.Sid?.startsWith("AutoScaling")), purpose);
        }
    });

    it("dev without aws.accountId takes the account from the caller identity", async () => {
        const rec = await variant("platform-aws-dev", { aws: { clusterAdminArns: ["arn:aws:iam::222222222222:role/platform-admins"] } });
        const { Statement } = policyOf(rec, rec.one(KEY, "keys-data"));
        assert.deepEqual(Statement[0].Principal, { AWS: "arn:aws:iam::123456789012:root" });
        const configured = await sample("platform-aws-dev");
        assert.deepEqual(policyOf(configured, configured.one(KEY, "keys-data")).Statement[0].Principal, { AWS: "arn:aws:iam::222222222222:root" });
    });

    it("protected with a 30-day deletion window in prod; neither in dev", async () => {
        const prod = await sample("platform-aws-prod");
        const dev = await sample("platform-aws-dev");
        assert.ok(prod.ofType(KEY).every((k) => k.protect && prod.inputs(k).deletionWindowInDays === 30));
        assert.ok(dev.ofType(KEY).every((k) => !k.protect && dev.inputs(k).deletionWindowInDays === 7));
    });
});
