import { strict as assert } from "node:assert";
import { validateStackConfig } from "../../../components/core/config/validate";
import { FLEX_MAXIMUM_INSTANCE_COUNT, pubsubAckDeadline } from "../../../components/core/config/rules/worker";
import schema from "../../../config/stack-config.schema.json";
import { configProblems } from "./problems";

const REGION = { aws: "eu-west-1", azure: "westeurope", gcp: "europe-west1" } as const;
type Cloud = keyof typeof REGION;

const domain = (cloud: Cloud, extra: Record<string, unknown>) => ({
    // No pipeline: only the worker block is under test (an aws pipeline needs an external repository).
    layer: "domain", cloud, environment: "prod", region: REGION[cloud], owner: "orders-team", domain: "orders", pipeline: { enabled: false },
    // An azure prod domain names the group that administers its PostgreSQL servers.
    ...(cloud === "azure" ? { azure: { databaseAdminGroup: { objectId: "00000000-0000-0000-0000-0000000000db", name: "orders-db-admins" } } } : {}),
    ...extra,
});
const worker = (extra: Record<string, unknown> = {}) => ({ enabled: true, artifact: "1.0.0", ...extra });

const problems = (raw: Record<string, unknown>) => configProblems(raw);

/** One rule per case: it fires on `bad` and is quiet on `good` (only the worker block differs). */
const cases: { title: string; cloud: Cloud; bad: Record<string, unknown>; good: Record<string, unknown>; expected: string }[] = [
    {
        title: "warm instances up to the concurrency cap", cloud: "gcp",
        bad: { worker: worker({ maxConcurrency: 5, warmInstances: 6 }) },
        good: { worker: worker({ maxConcurrency: 5, warmInstances: 5 }) },
        expected: "landing-zone:worker.warmInstances must be <= worker.maxConcurrency (6 > 5)",
    },
    {
        title: "every cron field is numbers, *, ranges, lists or steps", cloud: "gcp",
        bad: { worker: worker({ schedule: "0 2 * * MON" }) },
        good: { worker: worker({ schedule: "*/15 0,12 1-7 * *" }) },
        expected: "landing-zone:worker.schedule must be a 5-field cron expression",
    },
    {
        title: "SQS visibility timeout >= 6 x the function timeout", cloud: "aws",
        bad: { queue: { visibilityTimeoutSeconds: 170 }, worker: worker({ timeoutSeconds: 30 }) },
        good: { queue: { visibilityTimeoutSeconds: 180 }, worker: worker({ timeoutSeconds: 30 }) },
        expected: "landing-zone:queue.visibilityTimeoutSeconds must be >= 6 x worker.timeoutSeconds on aws (6 x 30 = 180; got 170)",
    },
    {
        title: "more than 10 messages a batch needs a batching window", cloud: "aws",
        bad: { queue: { visibilityTimeoutSeconds: 180 }, worker: worker({ batchSize: 50 }) },
        good: { queue: { visibilityTimeoutSeconds: 180 }, worker: worker({ batchSize: 50, batchWindowSeconds: 5 }) },
        expected: "landing-zone:worker.batchSize must be <= 10 on aws unless worker.batchWindowSeconds > 0",
    },
    {
        title: "the Service Bus lock outlasts one invocation", cloud: "azure",
        bad: { queue: { visibilityTimeoutSeconds: 60 }, worker: worker({ timeoutSeconds: 90 }) },
        good: { queue: { visibilityTimeoutSeconds: 90 }, worker: worker({ timeoutSeconds: 90 }) },
        expected: "landing-zone:queue.visibilityTimeoutSeconds must be >= worker.timeoutSeconds on azure",
    },
    {
        title: "Flex Consumption runs zip packages only", cloud: "azure",
        bad: { worker: worker({ package: "image" }) }, good: { worker: worker({ package: "zip" }) },
        expected: "landing-zone:worker.package must be zip on azure",
    },
    {
        title: "always-ready instances leave an on-demand Flex maximum instance count of >= 1", cloud: "azure",
        bad: { worker: worker({ maxConcurrency: 10, warmInstances: 10 }) }, good: { worker: worker({ maxConcurrency: 10, warmInstances: 9 }) },
        expected: "landing-zone:worker.warmInstances must be < worker.maxConcurrency on azure (always-ready instances do not count toward the Flex Consumption maximum instance count, which is maxConcurrency - warmInstances and must be 1..1000; got 10 - 10 = 0)",
    },
    {
        title: "the push ack deadline outlasts one request", cloud: "gcp",
        bad: { queue: { visibilityTimeoutSeconds: 60 }, worker: worker({ timeoutSeconds: 120 }) },
        good: { queue: { visibilityTimeoutSeconds: 120 }, worker: worker({ timeoutSeconds: 120 }) },
        expected: "landing-zone:worker.timeoutSeconds must be <= the Pub/Sub push ack deadline on gcp (queue.visibilityTimeoutSeconds clamped to 10..600 = 60; got 120)",
    },
    {
        title: "Cloud Run runs images only", cloud: "gcp",
        bad: { worker: worker({ package: "zip" }) }, good: { worker: worker({ package: "image" }) },
        expected: "landing-zone:worker.package must be image on gcp",
    },
];

describe("components/core/config/rules/worker.ts", () => {
    for (const c of cases) {
        it(`${c.cloud}: ${c.title}`, () => {
            const fired = problems(domain(c.cloud, c.bad));
            assert.ok(fired.some((p) => p.startsWith(c.expected)), fired.join("\n"));
            assert.deepEqual(problems(domain(c.cloud, c.good)), []);
        });
    }

    it("the queue rules apply to the cloud they name only", () => {
        const awsBad = { queue: { visibilityTimeoutSeconds: 60 }, worker: worker({ timeoutSeconds: 30 }) };
        assert.ok(problems(domain("aws", awsBad)).some((p) => p.startsWith("landing-zone:queue.visibilityTimeoutSeconds must be >= 6 x")));
        assert.deepEqual(problems(domain("azure", awsBad)), []);
        assert.deepEqual(problems(domain("gcp", awsBad)), []);
    });

    it("reports every worker problem at once, each with its key path", () => {
        const found = problems(domain("aws", {
            queue: { visibilityTimeoutSeconds: 30 },
            worker: {
                enabled: true, timeoutSeconds: 30, maxConcurrency: 5, warmInstances: 6, schedule: "every day",
                environment: { DB_PASSWORD: "hunter2", "1BAD": "x", LOG_LEVEL: "info" }, memoryMb: 64,
            },
        }));
        const paths = found.map((p) => p.split(" ")[0]).sort();
        assert.deepEqual(paths, [
            "landing-zone:queue.visibilityTimeoutSeconds",
            "landing-zone:worker.artifact",
            "landing-zone:worker.environment.1BAD",
            "landing-zone:worker.environment.DB_PASSWORD",
            "landing-zone:worker.memoryMb",
            "landing-zone:worker.schedule",
            "landing-zone:worker.warmInstances",
        ], found.join("\n"));
        assert.ok(found.some((p) => /DB_PASSWORD looks like a secret/.test(p)));
        assert.ok(found.some((p) => /memoryMb must be >= 128/.test(p)));
    });

    it("applies to domain stacks only", () => {
        const found = problems({ layer: "platform", cloud: "gcp", environment: "dev", region: "europe-west1", owner: "x", gcp: { projectId: "acme-dev-platform" }, worker: worker() });
        assert.ok(found.includes("landing-zone:worker applies only to layer domain (a domain stack runs its own worker)"), found.join("\n"));
    });

    it("a disabled worker block is not checked against the queue", () => {
        assert.deepEqual(problems(domain("aws", { queue: { visibilityTimeoutSeconds: 30 }, worker: { enabled: false, timeoutSeconds: 300 } })), []);
    });

    it("unknown keys of the block are named with the known ones", () => {
        const found = problems(domain("aws", { worker: worker({ timeout: 10 }) }));
        assert.ok(found.some((p) => p.startsWith("landing-zone:worker.timeout is not a known key; known keys here: enabled, package, artifact")), found.join("\n"));
    });

    it("the push ack deadline is the queue's visibility timeout clamped to Pub/Sub's 10..600 s", () => {
        assert.equal(pubsubAckDeadline(5), 10);
        assert.equal(pubsubAckDeadline(180), 180);
        assert.equal(pubsubAckDeadline(900), 600);
    });

    it("the default package is each cloud's own (image on aws and gcp, zip on azure)", () => {
        for (const [cloud, pkg] of [["aws", "image"], ["azure", "zip"], ["gcp", "image"]] as const) {
            assert.equal(validateStackConfig(domain(cloud, { queue: { visibilityTimeoutSeconds: 180 }, worker: worker() })).worker.package, pkg);
        }
    });

    it("the schema's worker.maxConcurrency range fits the Flex Consumption maximum instance count (warmInstances 0)", () => {
        const max = (schema as any).definitions.WorkerConfig.properties.maxConcurrency;
        assert.ok(max.minimum >= FLEX_MAXIMUM_INSTANCE_COUNT.min && max.maximum <= FLEX_MAXIMUM_INSTANCE_COUNT.max, JSON.stringify(max));
    });
});
