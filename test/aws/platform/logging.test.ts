import { strict as assert } from "node:assert";
import { policyOf, sample } from "./helpers";
import type { Recorded } from "../../harness";

const BUCKET = "aws:s3/bucket:Bucket";
const PURPOSES = ["access-logs", "audit-archive"];

function one(rec: Recorded, type: string, name: string) {
    return rec.inputs(rec.one(`aws:s3/${type}:${type[0].toUpperCase()}${type.slice(1)}`, name));
}

describe("aws/logging.ts", () => {
    it("central log group: KMS with the logs key, logging.retentionDays, deletion protection in prod", async () => {
        for (const [stack, days, guard] of [["platform-aws-prod", 365, true], ["platform-aws-dev", 30, false]] as const) {
            const rec = await sample(stack, false);
            const group = rec.one("aws:cloudwatch/logGroup:LogGroup", "logging-central");
            assert.equal(rec.inputs(group).retentionInDays, days);
            assert.match(rec.inputs(group).kmsKeyId, /keys-logs$/);
            assert.equal(rec.inputs(group).deletionProtectionEnabled, guard);
            assert.equal(group.protect, guard);
        }
    });

    it("both log buckets: owner enforced, all public access blocked, versioned, encrypted, TLS only", async () => {
        const rec = await sample("platform-aws-dev");
        for (const purpose of PURPOSES) {
            assert.equal(one(rec, "bucketOwnershipControls", `${purpose}-ownership`).rule.objectOwnership, "BucketOwnerEnforced");
            const pab = one(rec, "bucketPublicAccessBlock", `${purpose}-public-access`);
            assert.deepEqual([pab.blockPublicAcls, pab.blockPublicPolicy, pab.ignorePublicAcls, pab.restrictPublicBuckets], [true, true, true, true]);
            assert.equal(one(rec, "bucketVersioning", `${purpose}-versioning`).versioningConfiguration.status, "Enabled");
            const { Statement } = policyOf(rec, rec.one("aws:s3/bucketPolicy:BucketPolicy", `${purpose}-policy`));
            const tls = Statement.find((s) => s.Effect === "Deny" && s.Condition?.Bool?.["aws:SecureTransport"] === "false");
            assert.ok(tls && tls.Principal === "*" && tls.Action === "s3:*", `${purpose}: no TLS-only statement`);
            assert.ok(Statement.every((s) => s.Effect === "Deny" || s.Principal.Service), `${purpose}: allows a non-service principal`);
            assert.equal(rec.inputs(rec.one(BUCKET, `logging-${purpose}`)).forceDestroy, false);
        }
        const archive = one(rec, "bucketServerSideEncryptionConfiguration", "audit-archive-encryption").rules[0];
        assert.equal(archive.applyServerSideEncryptionByDefault.sseAlgorithm, "aws:kms");
        assert.equal(archive.bucketKeyEnabled, true);
        // S3 server access logging delivers only to SSE-S3 buckets.
        assert.equal(one(rec, "bucketServerSideEncryptionConfiguration", "access-logs-encryption").rules[0].applyServerSideEncryptionByDefault.sseAlgorithm, "AES256");
        assert.equal(one(rec, "bucketLogging", "audit-archive-access-logs").targetBucket, rec.inputs(rec.one(BUCKET, "logging-access-logs")).bucket);
    });

    it("prod: object lock on the audit archive, deletes denied on both buckets, protected; dev: none of it", async () => {
        const prod = await sample("platform-aws-prod");
        const dev = await sample("platform-aws-dev");
        const lock = one(prod, "bucketObjectLockConfiguration", "audit-archive-object-lock");
        assert.equal(lock.rule.defaultRetention.days, 365);
        assert.equal(prod.inputs(prod.one(BUCKET, "audit-archive")).objectLockEnabled, true);
        assert.equal(dev.ofType("aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration").length, 0);
        for (const purpose of PURPOSES) {
            const denies = (rec: Recorded) => policyOf(rec, rec.one("aws:s3/bucketPolicy:BucketPolicy", `${purpose}-policy`)).Statement
                .filter((s) => s.Effect === "Deny" && [s.Action].flat().includes("s3:DeleteObjectVersion"));
            assert.equal(denies(prod).length, 1, `${purpose}: prod does not deny deletes`);
            assert.equal(denies(dev).length, 0, `${purpose}: dev denies deletes`);
            assert.equal(prod.one(BUCKET, purpose).protect, true);
            assert.equal(dev.one(BUCKET, purpose).protect, false);
        }
    });

    it("CloudTrail's CloudWatch Logs role: trusted by cloudtrail.amazonaws.com without a condition (the role does not support aws:SourceArn / SourceAccount)", async () => {
        const rec = await sample("platform-aws-prod");
        const trust = policyOf(rec, rec.one("aws:iam/role:Role", "trail-role"), "assumeRolePolicy").Statement;
        assert.equal(trust.length, 1);
        assert.deepEqual(trust[0].Principal, { Service: "cloudtrail.amazonaws.com" });
        assert.equal(trust[0].Action, "sts:AssumeRole");
        assert.equal(trust[0].Condition, undefined);
        const trail = rec.inputs(rec.one("aws:cloudtrail/trail:Trail"));
        assert.equal(trail.cloudWatchLogsRoleArn, undefined, "known only after deploy (the role's ARN)");
        assert.ok(rec.one("aws:cloudtrail/trail:Trail").dependencies.some((urn) => urn.endsWith("logging-trail-role-policy")), "trail waits for the role's policy");
    });

    it("access-log bucket admits S3 logging for this account's landing-zone buckets only (aws:SourceAccount and aws:SourceArn)", async () => {
        for (const [stack, account, env] of [["platform-aws-prod", "111111111111", "prod"], ["platform-aws-dev", "222222222222", "dev"]] as const) {
            const rec = await sample(stack);
            const write = policyOf(rec, rec.one("aws:s3/bucketPolicy:BucketPolicy", "access-logs-policy")).Statement
                .find((s) => s.Principal?.Service === "logging.s3.amazonaws.com")!;
            assert.deepEqual(write.Condition, {
                StringEquals: { "aws:SourceAccount": account },
                ArnLike: { "aws:SourceArn": `arn:aws:s3:::acme-${env}-*` },
            });
        }
    });

    it("CloudTrail: multi-region, log file validation, KMS, into the audit archive that admits only this trail", async () => {
        const rec = await sample("platform-aws-prod");
        const trail = rec.inputs(rec.one("aws:cloudtrail/trail:Trail"));
        assert.equal(trail.isMultiRegionTrail, true);
        assert.equal(trail.enableLogFileValidation, true);
        assert.equal(trail.includeGlobalServiceEvents, true);
        const archiveName = rec.inputs(rec.one(BUCKET, "audit-archive")).bucket;
        assert.equal(trail.s3BucketName, archiveName);
        const prodFabricated = await sample("platform-aws-prod", false);
        assert.match(prodFabricated.inputs(prodFabricated.one("aws:cloudtrail/trail:Trail")).kmsKeyId, /keys-logs$/);
        const writes = policyOf(rec, rec.one("aws:s3/bucketPolicy:BucketPolicy", "audit-archive-policy")).Statement
            .filter((s) => s.Principal?.Service === "cloudtrail.amazonaws.com");
        assert.equal(writes.length, 2);
        for (const s of writes) {
            assert.equal(s.Condition.StringEquals["aws:SourceArn"], `arn:aws:cloudtrail:eu-west-1:111111111111:trail/${trail.name}`);
        }
    });
});
