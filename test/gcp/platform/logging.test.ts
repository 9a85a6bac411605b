import { strict as assert } from "node:assert";
import { sample, T, variant } from "./helpers";

describe("components/gcp/logging", () => {
    it("prod: aggregated sinks on the environment's folder (from the organization stack), including every project below", async () => {
        const rec = await sample("platform-gcp-prod", false);
        const sinks = rec.ofType(T.folderSink);
        assert.equal(sinks.length, 3);
        for (const s of sinks) {
            assert.equal(rec.inputs(s).includeChildren, true);
            assert.equal(rec.inputs(s).folder, "folders/organization-prod-folder", `${s.name} must be on the environment's folder`);
        }
        for (const purpose of ["sink-bucket", "sink-archive"]) {
            assert.match(rec.inputs(rec.one(T.folderSink, purpose)).filter, /cloudaudit\.googleapis\.com/);
        }
        assert.match(rec.inputs(rec.one(T.folderSink, "sink-flows")).filter, /vpc_flows/);
        const host = rec.inputs(rec.one(T.project, "platform")).projectId;
        assert.equal(rec.inputs(rec.one(T.folderSink, "sink-bucket")).destination,
            `logging.googleapis.com/projects/${host}/locations/europe-west1/buckets/acme-prod-central-logs`);
    });

    it("central log bucket keeps logging.retentionDays and is locked and protected in prod", async () => {
        const rec = await variant("platform-gcp-prod", { logging: { retentionDays: 400 } });
        const bucket = rec.one(T.logBucket, "logging-bucket");
        assert.equal(rec.inputs(bucket).retentionDays, 400);
        assert.equal(rec.inputs(bucket).locked, true);
        assert.equal(bucket.protect, true);
        const archive = rec.inputs(rec.one(T.bucket));
        assert.equal(archive.retentionPolicy.retentionPeriod, String(400 * 86400));
        assert.equal(archive.uniformBucketLevelAccess, true);
        assert.equal(archive.publicAccessPrevention, "enforced");
    });

    it("flow logs go to their own bucket, kept network.flowLogRetentionDays", async () => {
        const rec = await variant("platform-gcp-dev", { network: { cidr: "10.50.0.0/16", flowLogRetentionDays: 21 } });
        const flows = rec.one(T.logBucket, "flows");
        assert.equal(rec.inputs(flows).retentionDays, 21);
        assert.ok(rec.one(T.folderSink, "sink-flows").dependencies.includes(flows.urn));
        assert.equal(rec.inputs(rec.one(T.projectIam, "sink-flows-writer")).role, "roles/logging.bucketWriter");
    });

    for (const stack of ["platform-gcp-prod", "platform-gcp-dev"] as const) {
        it(`${stack}: the archive uses the logs key, after the storage agent was granted it`, async () => {
            const rec = await sample(stack);
            const archive = rec.one(T.bucket);
            assert.ok(archive.dependencies.includes(rec.one(T.key, "keys-logs").urn));
            assert.ok(archive.dependencies.includes(rec.one(T.keyIam, "logs-platform-storage").urn));
        });
    }

    it("dev: the log bucket is not locked and nothing is protected", async () => {
        const dev = await sample("platform-gcp-dev");
        assert.equal(dev.inputs(dev.one(T.logBucket, "logging-bucket")).locked, false);
        assert.equal(dev.one(T.bucket).protect, false);
    });

    it("grants each sink's writer identity write access to its own destination only", async () => {
        const rec = await sample("platform-gcp-prod");
        const bucketWriter = rec.one(T.projectIam, "sink-bucket-writer");
        assert.equal(rec.inputs(bucketWriter).role, "roles/logging.bucketWriter");
        assert.match(rec.inputs(bucketWriter).condition.expression, /buckets\/acme-prod-central-logs"\)$/);
        assert.ok(bucketWriter.dependencies.includes(rec.one(T.folderSink, "sink-bucket").urn));
        const archiveWriter = rec.one(T.bucketIam, "sink-archive-writer");
        assert.equal(rec.inputs(archiveWriter).role, "roles/storage.objectCreator");
        assert.ok(archiveWriter.dependencies.includes(rec.one(T.folderSink, "sink-archive").urn));
    });

    it("dev sinks from its own environment folder", async () => {
        const rec = await sample("platform-gcp-dev", false);
        for (const s of rec.ofType(T.folderSink)) assert.equal(rec.inputs(s).folder, "folders/organization-dev-folder");
    });
});
