import { strict as assert } from "node:assert";
import { planSample, plainValue, Recorded } from "../harness";
import { CLOUDS as clouds, SCOPE_GAPS, workerShape, type Cloud } from "../../tools/report/parity-shapes";

async function plan(cloud: Cloud) {
    const result = await planSample(`orders-${cloud}-prod`, { preview: false });
    return { rec: new Recorded(result.resources), outputs: plainValue(result.outputs) as Record<string, any> };
}

const setting = (app: Record<string, any>, name: string) => (app.siteConfig.appSettings as { name: string; value: unknown }[]).find((s) => s.name === name)?.value;
const seconds = (span: string) => span.split(":").reduce((acc, part) => acc * 60 + Number(part), 0);

/**
 * What each cloud's resources say about the worker, in the contract's words: read from the
 * registered resources (not from the outputs the component claims), so a cloud that drifts fails.
 */
async function resourceShape(cloud: Cloud) {
    const { rec } = await plan(cloud);
    if (cloud === "aws") {
        const fn = rec.inputs(rec.one("aws:lambda/function:Function"));
        const mapping = rec.inputs(rec.one("aws:lambda/eventSourceMapping:EventSourceMapping"));
        const queue = rec.inputs(rec.one("aws:sqs/queue:Queue", "queue-queue"));
        return {
            trigger: mapping.eventSourceArn === rec.one("aws:sqs/queue:Queue", "queue-queue").urn.replace(/.*::/, "arn:aws:sqs:eu-west-1:123456789012:") ? "queue" : "?",
            batch: mapping.batchSize,
            concurrencyCap: Math.min(mapping.scalingConfig.maximumConcurrency, fn.reservedConcurrentExecutions),
            timeoutSeconds: fn.timeout,
            deadLettering: JSON.parse(queue.redrivePolicy).maxReceiveCount,
            consumers: rec.ofType("aws:lambda/eventSourceMapping:EventSourceMapping").length,
            privateEgress: (fn.vpcConfig?.subnetIds ?? []).length > 0,
            timer: rec.ofType("aws:scheduler/schedule:Schedule").length,
        };
    }
    if (cloud === "azure") {
        const app = rec.inputs(rec.one("azure-native:web:WebApp"));
        const queue = rec.one("azure-native:servicebus:Queue");
        return {
            trigger: rec.one("azure-native:web:WebApp").dependencies.includes(queue.urn) && setting(app, "ServiceBusConnection__credential") === "managedidentity" ? "queue" : "?",
            batch: Number(setting(app, "AzureFunctionsJobHost__extensions__serviceBus__maxMessageBatchSize")),
            // Always-ready instances come on top of the on-demand maximum instance count.
            concurrencyCap: app.functionAppConfig.scaleAndConcurrency.maximumInstanceCount +
                (app.functionAppConfig.scaleAndConcurrency.alwaysReady as { instanceCount: number }[]).reduce((n, r) => n + r.instanceCount, 0),
            timeoutSeconds: seconds(String(setting(app, "AzureFunctionsJobHost__functionTimeout"))),
            deadLettering: rec.inputs(queue).maxDeliveryCount,
            consumers: rec.ofType("azure-native:web:WebApp").filter((a) => a.dependencies.includes(queue.urn)).length,
            privateEgress: typeof app.virtualNetworkSubnetId === "string" && app.virtualNetworkSubnetId.length > 0,
            timer: setting(app, "WORKER_SCHEDULE") ? 1 : 0,
        };
    }
    const service = rec.inputs(rec.one("gcp:cloudrunv2/service:Service"));
    const push = rec.one("gcp:pubsub/subscription:Subscription", "queue-subscription");
    const topic = rec.one("gcp:pubsub/topic:Topic", "queue-topic");
    const topicPath = `projects/${rec.inputs(topic).project}/topics/${rec.inputs(topic).name}`;
    return {
        trigger: push.dependencies.includes(topic.urn) && rec.inputs(push).pushConfig.oidcToken ? "queue" : "?",
        batch: service.template.maxInstanceRequestConcurrency,
        concurrencyCap: service.template.scaling.maxInstanceCount,
        timeoutSeconds: Number(String(service.template.timeout).replace("s", "")),
        deadLettering: rec.inputs(push).deadLetterPolicy.maxDeliveryAttempts,
        // Every subscription on the topic gets each message: one, or the worker and a second consumer both process it.
        consumers: rec.ofType("gcp:pubsub/subscription:Subscription").filter((s) => rec.inputs(s).topic === topicPath).length,
        privateEgress: (service.template.vpcAccess?.networkInterfaces ?? []).length > 0,
        timer: rec.ofType("gcp:cloudscheduler/job:Job").length,
    };
}

describe("parity: the same worker config gives the same worker on every cloud (orders-*-prod)", () => {
    it("trigger (one consumer of the queue), batch, concurrency cap, timeout, dead-lettering, private egress and timer are the same", async () => {
        const shapes = [];
        for (const cloud of clouds) shapes.push(await resourceShape(cloud)); // one mock run at a time
        assert.deepEqual(shapes[0], { trigger: "queue", batch: 10, concurrencyCap: 20, timeoutSeconds: 30, deadLettering: 5, consumers: 1, privateEgress: true, timer: 1 });
        assert.deepEqual(shapes[1], shapes[0], "azure differs from aws");
        assert.deepEqual(shapes[2], shapes[0], "gcp differs from aws");
    });

    it("the worker outputs say the same on every cloud and dead-letter to the domain queue's DLQ", async () => {
        const outputs = [];
        for (const cloud of clouds) outputs.push((await plan(cloud)).outputs);
        const neutral = outputs.map(workerShape);
        assert.deepEqual(neutral[1], neutral[0]);
        assert.deepEqual(neutral[2], neutral[0]);
        for (const o of outputs) assert.equal(o.worker.deadLetterQueueId, o.queue.deadLetterQueueId);
    });

    it("the worker has its own identity, scoped to the domain's queue, dead-letter queue and bucket", async () => {
        const own = { aws: ["aws:iam/role:Role", "worker-role"], azure: ["azure-native:managedidentity:UserAssignedIdentity", "worker-identity"], gcp: ["gcp:serviceaccount/account:Account", "worker-sa"] } as const;
        for (const cloud of clouds) {
            const { outputs, rec } = await plan(cloud);
            rec.one(own[cloud][0], own[cloud][1]);
            // Azure fabricates no client ids; where both are known they differ.
            if (outputs.worker.principal !== undefined) assert.notEqual(outputs.worker.principal, outputs.identity.principal, `${cloud}: the worker's identity is not the workload's`);
            const expected = ["queue", "dead-letter-queue", "bucket", "database", "logs"].filter((s) => !(SCOPE_GAPS[cloud]?.missing ?? []).includes(s));
            for (const capability of expected) assert.ok(outputs.worker.identityScope.includes(capability), `${cloud}: ${capability}`);
            for (const missing of SCOPE_GAPS[cloud]?.missing ?? []) assert.ok(!outputs.worker.identityScope.includes(missing), `${cloud}: gap closed, update SCOPE_GAPS`);
        }
    });
});
