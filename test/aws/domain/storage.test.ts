import { strict as assert } from "node:assert";
import { secureBucketPolicy } from "../../../components/aws/storage";
import { FAKE_LOG_ARCHIVE } from "./fake-platform";
import { domainOutput, fabricatedArn, list, parsePolicy, recordDomain } from "./helpers";
import * as pulumi from "@pulumi/pulumi";

const BUCKET = "aws:s3/bucket:Bucket";

describe("components/aws/storage.ts", () => {
    it("blocks all four kinds of public access and disables ACLs", async () => {
        const rec = await recordDomain("dev");
        const pab = rec.inputs(rec.one("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "storage"));
        assert.equal(pab.blockPublicAcls, true);
        assert.equal(pab.blockPublicPolicy, true);
        assert.equal(pab.ignorePublicAcls, true);
        assert.equal(pab.restrictPublicBuckets, true);
        const ownership = rec.inputs(rec.one("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "storage"));
        assert.equal(ownership.rule.objectOwnership, "BucketOwnerEnforced");
    });

    it("encrypts with SSE-KMS under the domain key, with a bucket key", async () => {
        const rec = await recordDomain("dev", {}, { preview: false });
        const sse = rec.inputs(rec.one("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "storage"));
        const rule = sse.rules[0];
        assert.equal(rule.applyServerSideEncryptionByDefault.sseAlgorithm, "aws:kms");
        assert.equal(rule.applyServerSideEncryptionByDefault.kmsMasterKeyId, fabricatedArn(rec.one("aws:kms/key:Key", "orders-key")));
        assert.equal(rule.bucketKeyEnabled, true);
    });

    it("denies every request without TLS (and TLS below 1.2) on the bucket and its objects", async () => {
        const rec = await recordDomain("dev", {}, { preview: false });
        const bucketArn = fabricatedArn(rec.one(BUCKET, "storage"));
        const policy = parsePolicy(rec.inputs(rec.one("aws:s3/bucketPolicy:BucketPolicy", "storage")).policy);
        const insecure = policy.Statement.find((s) => s.Condition?.Bool?.["aws:SecureTransport"] === "false");
        assert.ok(insecure, "no statement on aws:SecureTransport");
        assert.equal(insecure.Effect, "Deny");
        assert.equal(insecure.Principal, "*");
        assert.deepEqual(list(insecure.Resource).sort(), [bucketArn, `${bucketArn}/*`].sort());
        assert.ok(policy.Statement.some((s) => s.Effect === "Deny" && s.Condition?.NumericLessThan?.["s3:TlsVersion"] === "1.2"));
        assert.ok(policy.Statement.every((s) => s.Effect === "Deny"), "the bucket policy grants nothing");
    });

    it("the TLS-only policy is built from the bucket ARN alone", async () => {
        const text = await new Promise<string>((resolve) => secureBucketPolicy(pulumi.output("arn:aws:s3:::b")).apply(resolve));
        assert.deepEqual(list(parsePolicy(text).Statement[0].Resource), ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]);
    });

    it("versions objects and expires noncurrent versions after storage.noncurrentVersionDays", async () => {
        const rec = await recordDomain("dev", { storage: { noncurrentVersionDays: 45 } });
        assert.equal(rec.inputs(rec.one("aws:s3/bucketVersioning:BucketVersioning", "storage")).versioningConfiguration.status, "Enabled");
        const lifecycle = rec.inputs(rec.one("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "storage"));
        const rule = lifecycle.rules.find((r: { noncurrentVersionExpiration?: unknown }) => r.noncurrentVersionExpiration);
        assert.equal(rule.noncurrentVersionExpiration.noncurrentDays, 45);
        assert.equal(rule.status, "Enabled");
        assert.equal((await domainOutput("dev", { storage: { noncurrentVersionDays: 45 } }, "objectStore")).versioning, true);
    });

    it("sends server access logs to the platform's log archive", async () => {
        const rec = await recordDomain("dev");
        const logging = rec.inputs(rec.one("aws:s3/bucketLogging:BucketLogging", "storage"));
        assert.equal(logging.targetBucket, FAKE_LOG_ARCHIVE);
        assert.ok(logging.targetPrefix.length > 0);
    });

    it("is protected and never force-destroyed in prod; not protected in dev", async () => {
        const prod = await recordDomain("prod");
        const dev = await recordDomain("dev");
        for (const bucket of prod.ofType(BUCKET)) {
            assert.equal(bucket.protect, true, bucket.name);
            assert.equal(prod.inputs(bucket).forceDestroy, false);
        }
        for (const bucket of dev.ofType(BUCKET)) assert.equal(bucket.protect, false, bucket.name);
    });

    it("builds a valid, globally unique bucket name from the stack's scope", async () => {
        const rec = await recordDomain("dev");
        const name = rec.inputs(rec.one(BUCKET, "storage")).bucket as string;
        assert.match(name, /^acme-dev-orders-data-[a-z0-9]{6}$/);
        assert.ok(name.length <= 63);
    });
});
