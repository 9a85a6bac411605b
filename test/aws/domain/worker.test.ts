import { strict as assert } from "node:assert";
import { workerPolicy } from "../../../components/aws/worker-access";
import { schedulerCron } from "../../../components/aws/worker-runtime";
import { FAKE_LOGS_KEY, FAKE_PRIVATE_SUBNETS } from "./fake-platform";
import { type DomainOverrides, domainOutput, fabricatedArn, list, parsePolicy, recordDomain } from "./helpers";

const LAMBDA = "aws:lambda/function:Function";
const MAPPING = "aws:lambda/eventSourceMapping:EventSourceMapping";
const SG = "aws:ec2/securityGroup:SecurityGroup";

const worker: DomainOverrides = {
    queue: { visibilityTimeoutSeconds: 180 },
    worker: { enabled: true, artifact: "1.4.2", timeoutSeconds: 30, batchSize: 10, batchWindowSeconds: 2, maxConcurrency: 20, schedule: "0 2 * * 1" },
};

describe("components/aws/worker.ts", () => {
    it("is absent unless worker.enabled", async () => {
        const rec = await recordDomain("prod");
        assert.deepEqual(rec.ofType(LAMBDA), []);
        assert.equal(await domainOutput("prod", {}, "worker"), undefined);
    });

    it("runs the image from the domain's repository with the configured timeout, memory and reserved concurrency", async () => {
        const rec = await recordDomain("prod", worker, { preview: false });
        const fn = rec.inputs(rec.one(LAMBDA));
        assert.equal(fn.packageType, "Image");
        // The image comes from the pipeline's repository (its URL, an output, orders the two).
        assert.match(fn.imageUri, /:1\.4\.2$/);
        assert.ok(rec.one(LAMBDA).dependencies.includes(rec.one("aws:ecr/repository:Repository", "pipeline").urn));
        assert.equal(fn.timeout, 30);
        assert.equal(fn.memorySize, 512);
        assert.equal(fn.reservedConcurrentExecutions, 20);
        assert.equal(fn.tracingConfig.mode, "Active");
        assert.equal(fn.loggingConfig.logFormat, "JSON");
    });

    it("consumes the domain queue in batches, reports item failures and caps concurrency", async () => {
        const rec = await recordDomain("prod", worker, { preview: false });
        const mapping = rec.inputs(rec.one(MAPPING));
        assert.equal(mapping.eventSourceArn, fabricatedArn(rec.one("aws:sqs/queue:Queue", "queue-queue")));
        assert.equal(mapping.functionName, fabricatedArn(rec.one("aws:lambda/alias:Alias")));
        assert.equal(mapping.batchSize, 10);
        assert.equal(mapping.maximumBatchingWindowInSeconds, 2);
        assert.deepEqual(mapping.functionResponseTypes, ["ReportBatchItemFailures"]);
        assert.equal(mapping.scalingConfig.maximumConcurrency, 20);
    });

    it("grants before use: the function and the trigger depend on the execution role's policies", async () => {
        const rec = await recordDomain("prod", worker);
        const grants = rec.resources.filter((r) => r.name.startsWith("orders-worker") && !r.name.includes("scheduler") &&
            ["aws:iam/rolePolicy:RolePolicy", "aws:iam/rolePolicyAttachment:RolePolicyAttachment"].includes(r.type)).map((r) => r.urn);
        assert.ok(grants.length >= 2);
        for (const user of [rec.one(LAMBDA), rec.one(MAPPING)]) {
            for (const grant of grants) assert.ok(user.dependencies.includes(grant), `${user.name} waits for ${grant}`);
        }
        assert.ok(rec.one(LAMBDA).dependencies.includes(rec.one("aws:cloudwatch/logGroup:LogGroup", "worker").urn));
    });

    it("the execution role reaches only the domain's queue, DLQ, key, bucket, database user and its own log group", async () => {
        const rec = await recordDomain("prod", worker, { preview: false });
        const doc = parsePolicy(rec.inputs(rec.one("aws:iam/rolePolicy:RolePolicy", "worker-policy")).policy);
        const resources = doc.Statement.flatMap((s) => list(s.Resource));
        assert.ok(!resources.includes("*"));
        assert.ok(doc.Statement.flatMap((s) => list(s.Action)).every((a) => !a.endsWith(":*")));
        // The database user's connect ARN needs the instance's resource id, which the fabricated run leaves out.
        assert.deepEqual(doc.Statement.map((s) => s.Sid).sort(), ["ConsumeQueue", "DeadLetter", "DomainBucket", "DomainKey", "ListDomainBucket", "OwnLogs"]);
        assert.deepEqual(list(doc.Statement.find((s) => s.Sid === "ConsumeQueue")!.Resource), [fabricatedArn(rec.one("aws:sqs/queue:Queue", "queue-queue"))]);
        assert.deepEqual(list(doc.Statement.find((s) => s.Sid === "DeadLetter")!.Resource), [fabricatedArn(rec.one("aws:sqs/queue:Queue", "queue-dlq"))]);
    });

    it("grants rds-db:connect on the database user's ARNs only", async () => {
        const text = await new Promise<string>((resolve) => workerPolicy({
            queueArn: "arn:aws:sqs:eu-west-1:1:q", deadLetterQueueArn: "arn:aws:sqs:eu-west-1:1:dlq", kmsKeyArn: "arn:aws:kms:eu-west-1:1:key/k",
            bucketArn: "arn:aws:s3:::b", databaseConnectArns: ["arn:aws:rds-db:eu-west-1:1:dbuser:db-ABC/app", ""], logGroupArn: "arn:aws:logs:eu-west-1:1:log-group:/aws/lambda/w",
        }).apply(resolve));
        const doc = parsePolicy(text);
        assert.deepEqual(list(doc.Statement.find((s) => s.Sid === "DatabaseConnect")!.Resource), ["arn:aws:rds-db:eu-west-1:1:dbuser:db-ABC/app"]);
        assert.deepEqual(list(doc.Statement.find((s) => s.Sid === "OwnLogs")!.Resource), ["arn:aws:logs:eu-west-1:1:log-group:/aws/lambda/w:*"]);
    });

    it("logs to its own KMS-encrypted log group with the stack's retention", async () => {
        const rec = await recordDomain("prod", worker);
        const group = rec.inputs(rec.one("aws:cloudwatch/logGroup:LogGroup", "worker-logs"));
        assert.equal(group.name, "/aws/lambda/acme-prod-orders-worker");
        assert.equal(group.kmsKeyId, FAKE_LOGS_KEY);
        assert.equal(group.retentionInDays, 365);
        assert.equal(rec.inputs(rec.one(LAMBDA)).loggingConfig.logGroup, group.name);
    });

    it("reaches data from the private subnets through its own security group, which the database and cache admit", async () => {
        const rec = await recordDomain("prod", worker, { preview: false });
        const sg = rec.one(SG, "worker-sg");
        const fn = rec.inputs(rec.one(LAMBDA));
        assert.deepEqual(fn.vpcConfig.subnetIds, FAKE_PRIVATE_SUBNETS);
        assert.deepEqual(fn.vpcConfig.securityGroupIds, [`${sg.name}-id`]);
        assert.deepEqual(rec.inputs(sg).ingress, []);
        for (const [data, port] of [["database-sg", 5432], ["cache-sg", 6379]] as const) {
            const ingress = rec.inputs(rec.one(SG, data)).ingress as { securityGroups: string[]; fromPort: number }[];
            assert.ok(ingress.some((rule) => rule.securityGroups.includes(`${sg.name}-id`) && rule.fromPort === port), data);
        }
    });

    it("without worker.reachesData: no VPC, no security group, no database grant", async () => {
        const rec = await recordDomain("prod", { ...worker, worker: { ...worker.worker, reachesData: false } }, { preview: false });
        assert.equal(rec.inputs(rec.one(LAMBDA)).vpcConfig, undefined);
        assert.deepEqual(rec.ofType(SG).filter((s) => s.name.includes("worker")), []);
        const doc = parsePolicy(rec.inputs(rec.one("aws:iam/rolePolicy:RolePolicy", "worker-policy")).policy ?? "{}");
        assert.ok(!doc.Statement.some((s) => s.Sid === "DatabaseConnect"));
    });

    it("runs a zip from the domain bucket on the mapped Lambda runtime", async () => {
        const rec = await recordDomain("prod", { ...worker, worker: { ...worker.worker, package: "zip", artifact: "worker/1.4.2.zip", runtime: "python3.13", handler: "app.handler" } });
        const fn = rec.inputs(rec.one(LAMBDA));
        assert.equal(fn.packageType, "Zip");
        assert.equal(fn.s3Key, "worker/1.4.2.zip");
        assert.equal(fn.runtime, "python3.13");
        assert.equal(fn.handler, "app.handler");
    });

    it("keeps warm instances as provisioned concurrency on the live alias (cold-start option)", async () => {
        const rec = await recordDomain("prod", { ...worker, worker: { ...worker.worker, warmInstances: 2 } });
        const warm = rec.inputs(rec.one("aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig"));
        assert.equal(warm.provisionedConcurrentExecutions, 2);
        assert.equal(warm.qualifier, "live");
        assert.deepEqual((await recordDomain("prod", worker)).ofType("aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig"), []);
    });

    it("runs timer jobs through EventBridge Scheduler on the alias, dead-lettering to the domain DLQ", async () => {
        const rec = await recordDomain("prod", worker, { preview: false });
        const schedule = rec.inputs(rec.one("aws:scheduler/schedule:Schedule"));
        assert.equal(schedule.scheduleExpression, "cron(0 2 ? * 2 *)");
        assert.equal(schedule.target.arn, fabricatedArn(rec.one("aws:lambda/alias:Alias")));
        assert.equal(schedule.target.deadLetterConfig.arn, fabricatedArn(rec.one("aws:sqs/queue:Queue", "queue-dlq")));
        assert.ok(rec.one("aws:scheduler/schedule:Schedule").dependencies.includes(rec.one("aws:iam/rolePolicy:RolePolicy", "scheduler-policy").urn));
    });

    it("the repository's lifecycle keeps the worker's tag, whatever the pipeline pushes after it", async () => {
        const rules = async (overrides: DomainOverrides) => {
            const rec = await recordDomain("prod", overrides, { preview: false });
            return JSON.parse(rec.inputs(rec.one("aws:ecr/lifecyclePolicy:LifecyclePolicy", "pipeline-images")).policy).rules as Record<string, any>[];
        };
        const withWorker = await rules(worker);
        // ECR applies rules by priority; an image the worker's rule selects cannot be expired by the count rule after it.
        const keep = withWorker.find((r) => r.selection.tagPatternList)!;
        const count = withWorker.find((r) => r.selection.tagStatus === "any")!;
        assert.deepEqual(keep.selection, { tagStatus: "tagged", tagPatternList: ["1.4.2"], countType: "imageCountMoreThan", countNumber: 1 });
        assert.ok(keep.rulePriority < count.rulePriority, "the worker's rule must come before the count rule");
        assert.equal(count.rulePriority, Math.max(...withWorker.map((r) => r.rulePriority)), "ECR requires the `any` rule last");
        assert.equal(new Set(withWorker.map((r) => r.rulePriority)).size, withWorker.length, "priorities are unique");
        // Without a worker (or with a zip one) only the untagged and count rules.
        assert.deepEqual((await rules({})).map((r) => r.selection.tagStatus), ["untagged", "any"]);
        assert.deepEqual((await rules({ ...worker, worker: { ...worker.worker, package: "zip", artifact: "worker/1.4.2.zip" } })).map((r) => r.selection.tagStatus), ["untagged", "any"]);
    });

    it("turns a 5-field cron into a Scheduler expression (one day field '?', Sunday = 1)", () => {
        assert.equal(schedulerCron("0 2 * * *"), "cron(0 2 * * ? *)");
        assert.equal(schedulerCron("30 6 1 * *"), "cron(30 6 1 * ? *)");
        assert.equal(schedulerCron("0 8 * * 0,6"), "cron(0 8 ? * 1,7 *)");
    });

    it("exports the worker contract", async () => {
        const out = await domainOutput("prod", worker, "worker", { preview: false });
        assert.equal(out.trigger, "queue+schedule");
        assert.equal(out.maxConcurrency, 20);
        assert.equal(out.privateEgress, true);
        assert.match(out.principal, /^arn:aws:iam:/);
        // No pipeline builds the worker: the step names what to push where, and the first deploy's order.
        assert.doesNotMatch(out.nextStep, /the pipeline does/);
        assert.match(out.nextStep, /^No pipeline builds the worker: build its image for Lambda \(linux\/amd64\) and push it as acme-prod-orders-app:1\.4\.2 /);
        assert.match(out.nextStep, /first pulumi up with worker\.enabled: false, then push, then enable the worker/);
    });

    it("the next step of a zip worker names the bucket output and the object key", async () => {
        const zip = { ...worker, worker: { ...worker.worker, package: "zip" as const, artifact: "worker/1.4.2.zip", handler: "index.handler" } };
        const out = await domainOutput("prod", zip, "worker", { preview: false });
        assert.match(out.nextStep, /upload its zip to s3:\/\/<stack output objectStore\.bucketName>\/worker\/1\.4\.2\.zip/);
        assert.match(out.nextStep, /first pulumi up with worker\.enabled: false \(it creates the bucket\)/);
        // And without the pipeline, an image worker's repository is not created by the stack: the step says so.
        const noPipeline = await domainOutput("prod", { ...worker, pipeline: { enabled: false } }, "worker", { preview: false });
        assert.match(noPipeline.nextStep, /with pipeline\.enabled: false this stack does not create it/);
    });
});
