import { strict as assert } from "node:assert";
import { MAX_RETENTION_SECONDS } from "../../../components/aws/queue";
import { domainOutput, fabricatedArn, parsePolicy, recordDomain } from "./helpers";

const QUEUE = "aws:sqs/queue:Queue";

describe("components/aws/queue.ts", () => {
    it("redrives to the dead-letter queue's ARN after queue.maxReceiveCount receives", async () => {
        const rec = await recordDomain("dev", { queue: { maxReceiveCount: 7 } }, { preview: false });
        const dlq = rec.one(QUEUE, "queue-dlq");
        const redrive = JSON.parse(rec.inputs(rec.one(QUEUE, "queue-queue")).redrivePolicy);
        assert.equal(redrive.deadLetterTargetArn, fabricatedArn(dlq));
        assert.equal(redrive.maxReceiveCount, 7);
        const out = await domainOutput("dev", { queue: { maxReceiveCount: 7 } }, "queue", { preview: false });
        assert.equal(out.deadLetterQueueId, fabricatedArn(dlq));
        assert.equal(out.maxReceiveCount, 7);
    });

    it("keeps dead letters longer than the queue keeps messages", async () => {
        const rec = await recordDomain("dev", { queue: { retentionDays: 10 } });
        const queue = rec.inputs(rec.one(QUEUE, "queue-queue"));
        const dlq = rec.inputs(rec.one(QUEUE, "queue-dlq"));
        assert.equal(queue.messageRetentionSeconds, 10 * 86400);
        assert.equal(dlq.messageRetentionSeconds, MAX_RETENTION_SECONDS);
        assert.ok(dlq.messageRetentionSeconds > queue.messageRetentionSeconds);
    });

    it("takes the visibility timeout from config", async () => {
        const rec = await recordDomain("dev", { queue: { visibilityTimeoutSeconds: 90 } });
        assert.equal(rec.inputs(rec.one(QUEUE, "queue-queue")).visibilityTimeoutSeconds, 90);
    });

    it("encrypts both queues with the domain key and denies plain HTTP", async () => {
        const rec = await recordDomain("dev", {}, { preview: false });
        const keyArn = fabricatedArn(rec.one("aws:kms/key:Key", "orders-key"));
        for (const queue of rec.ofType(QUEUE)) assert.equal(rec.inputs(queue).kmsMasterKeyId, keyArn, queue.name);
        const policies = rec.ofType("aws:sqs/queuePolicy:QueuePolicy");
        assert.equal(policies.length, 2);
        for (const policy of policies) {
            const doc = parsePolicy(rec.inputs(policy).policy);
            assert.ok(doc.Statement.some((s) => s.Effect === "Deny" && s.Condition?.Bool?.["aws:SecureTransport"] === "false"), policy.name);
            assert.ok(doc.Statement.every((s) => s.Effect === "Deny"), "the queue policy grants nothing");
        }
    });

    it("lets only this queue redrive into the dead-letter queue", async () => {
        const rec = await recordDomain("dev", {}, { preview: false });
        const allow = JSON.parse(rec.inputs(rec.one("aws:sqs/redriveAllowPolicy:RedriveAllowPolicy")).redriveAllowPolicy);
        assert.equal(allow.redrivePermission, "byQueue");
        assert.deepEqual(allow.sourceQueueArns, [fabricatedArn(rec.one(QUEUE, "queue-queue"))]);
    });

    it("protects both queues in prod only", async () => {
        for (const queue of (await recordDomain("prod")).ofType(QUEUE)) assert.equal(queue.protect, true, queue.name);
        for (const queue of (await recordDomain("dev")).ofType(QUEUE)) assert.equal(queue.protect, false, queue.name);
    });
});
