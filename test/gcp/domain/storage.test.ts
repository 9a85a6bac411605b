import { strict as assert } from "node:assert";
import { DATA_KEY, DOMAIN_PROJECT, GEO_DATA_KEY, fakeExports, runDomain } from "./fake-platform";
import { storageMultiRegionOf } from "../../../components/gcp/locations";

const BUCKET = "gcp:storage/bucket:Bucket";

describe("components/gcp/storage", () => {
    it("bucket: uniform bucket-level access, public access prevention enforced, versioned, labelled", async () => {
        const rec = await runDomain({ environment: "dev" });
        const bucket = rec.inputs(rec.one(BUCKET, "storage-bucket"));
        assert.equal(bucket.project, DOMAIN_PROJECT);
        assert.equal(bucket.uniformBucketLevelAccess, true);
        assert.equal(bucket.publicAccessPrevention, "enforced");
        assert.deepEqual(bucket.versioning, { enabled: true });
        assert.equal(bucket.forceDestroy, false);
        assert.equal(bucket.labels.domain, "orders");
        assert.equal(bucket.labels["managed-by"], "pulumi");
        assert.match(bucket.name, /^acme-dev-orders-data-[a-z0-9]{6}$/);
    });

    it("expires noncurrent versions after storage.noncurrentVersionDays and aborts stale uploads", async () => {
        const rec = await runDomain({ environment: "dev", storage: { noncurrentVersionDays: 45 } });
        const rules = rec.inputs(rec.one(BUCKET, "storage-bucket")).lifecycleRules as { action: { type: string }; condition: Record<string, unknown> }[];
        const noncurrent = rules.find((r) => r.condition.daysSinceNoncurrentTime !== undefined)!;
        assert.equal(noncurrent.action.type, "Delete");
        assert.equal(noncurrent.condition.daysSinceNoncurrentTime, 45);
        assert.equal(noncurrent.condition.withState, "ARCHIVED");
        assert.ok(rules.some((r) => r.action.type === "AbortIncompleteMultipartUpload"));
    });

    it("prod: CMEK with the platform's geo key, multi-region (geo), protected", async () => {
        const rec = await runDomain({ environment: "prod" });
        const resource = rec.one(BUCKET, "storage-bucket");
        const bucket = rec.inputs(resource);
        assert.equal(bucket.location, "EU");
        assert.equal(bucket.encryption.defaultKmsKeyName, GEO_DATA_KEY);
        assert.equal(resource.protect, true);
    });

    it("prod without a geo key from the platform: stays regional and keeps CMEK (the regional key)", async () => {
        const exports = fakeExports({ geoDataKeyId: undefined });
        const rec = await runDomain({ environment: "prod" }, { exports });
        const bucket = rec.inputs(rec.one(BUCKET, "storage-bucket"));
        assert.equal(bucket.location, "EUROPE-WEST1");
        assert.equal(bucket.encryption.defaultKmsKeyName, DATA_KEY);
    });

    it("dev: zone redundancy stays in the region, Google-managed encryption, not protected", async () => {
        const rec = await runDomain({ environment: "dev" });
        const resource = rec.one(BUCKET, "storage-bucket");
        assert.equal(rec.inputs(resource).location, "EUROPE-WEST1");
        assert.equal(rec.inputs(resource).encryption, undefined);
        assert.equal(resource.protect, false);
    });

    it("geo redundancy in dev: the multi-region around the region", async () => {
        const rec = await runDomain({ environment: "dev", storage: { redundancy: "geo" } });
        assert.equal(rec.inputs(rec.one(BUCKET, "storage-bucket")).location, "EU");
        assert.equal(storageMultiRegionOf("us-east1"), "US");
        assert.equal(storageMultiRegionOf("asia-southeast1"), "ASIA");
    });

    it("exports the bucket name and gs:// URL", async () => {
        const rec = await runDomain({ environment: "dev" }, { preview: false });
        assert.match(rec.outputs.objectStore.bucketName, /^acme-dev-orders-data-/);
        assert.equal(rec.outputs.objectStore.url, `gs://${rec.outputs.objectStore.bucketName}`);
        assert.equal(rec.outputs.objectStore.versioning, true);
    });
});
