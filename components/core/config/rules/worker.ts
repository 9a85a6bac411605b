import type { ConfigProblem } from "../errors";
import type { ResolvedConfig } from "../presets";
import { key } from "./key";

/** AWS: the queue's visibility timeout must be at least this many times the function timeout. */
export const SQS_VISIBILITY_FACTOR = 6;
/** Pub/Sub push: the ack deadline is how long Pub/Sub waits for the push response (10..600 s). */
export const PUBSUB_ACK_DEADLINE = { min: 10, max: 600 } as const;
/**
 * Azure Functions Flex Consumption: the bounds of an app's maximum instance count (learn.microsoft.com,
 * azure-functions/event-driven-scaling, "Limit scale-out", revision of 2026-08-03: lowest 1, highest
 * 1000; it applies to the on-demand instances of each per-function scale group). The preview's
 * lowest value was 40 and older pages still say so; the current page says 1. Always-ready instances
 * do not count toward it, so the worker's cap `maxConcurrency` is split into always-ready
 * (`warmInstances`) plus an on-demand maximum of the rest (the worker is one function, so one group).
 */
export const FLEX_MAXIMUM_INSTANCE_COUNT = { min: 1, max: 1000 } as const;

/** The Flex Consumption maximum instance count that caps the worker at `maxConcurrency` instances in all. */
export function flexMaximumInstanceCount(maxConcurrency: number, warmInstances: number): number {
    return maxConcurrency - warmInstances;
}

/** SQS event source mappings take up to 10 messages a batch without a batching window. */
export const SQS_BATCH_WITHOUT_WINDOW = 10;

/** The push subscription's ack deadline for a queue's visibility timeout (the queue's own rule). */
export function pubsubAckDeadline(visibilityTimeoutSeconds: number): number {
    return Math.min(PUBSUB_ACK_DEADLINE.max, Math.max(PUBSUB_ACK_DEADLINE.min, visibilityTimeoutSeconds));
}

/** Environment variable names that hold secrets: they come from the secret store, never from config. */
export const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|CONNECTION_?STRING|CREDENTIAL)/i;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CRON_FIELD = /^(\*|\d{1,2}(-\d{1,2})?)(\/\d{1,2})?(,\d{1,2}(-\d{1,2})?(\/\d{1,2})?)*$/;

/** The worker block: where it applies, what it needs, and that its timeout fits the queue on each cloud. */
export function workerRules(cfg: ResolvedConfig): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    const add = (path: string, message: string) => problems.push({ path: key(path), message });
    const w = cfg.worker;
    if (!w || w.enabled !== true) return problems;
    if (cfg.layer !== "domain") {
        add("worker", "applies only to layer domain (a domain stack runs its own worker)");
        return problems;
    }
    if (typeof w.artifact !== "string" || w.artifact.length === 0) {
        add("worker.artifact", "is required when worker.enabled: the image tag or digest, or the zip's object key, your pipeline produced");
    }
    if (typeof w.warmInstances === "number" && typeof w.maxConcurrency === "number" && w.warmInstances > w.maxConcurrency) {
        add("worker.warmInstances", `must be <= worker.maxConcurrency (${w.warmInstances} > ${w.maxConcurrency})`);
    }
    for (const [name, value] of Object.entries(w.environment ?? {})) {
        if (!ENV_NAME.test(name)) add(`worker.environment.${name}`, "is not a valid environment variable name (letters, digits, _; not starting with a digit)");
        else if (SECRET_NAME.test(name)) {
            add(`worker.environment.${name}`, "looks like a secret: never put one in config; the worker reads secrets from the cloud's secret store with its own identity");
        } else if (typeof value !== "string") add(`worker.environment.${name}`, `must be a string (got ${JSON.stringify(value)})`);
    }
    if (typeof w.schedule === "string") {
        const fields = w.schedule.trim().split(/\s+/);
        if (fields.length !== 5 || !fields.every((f) => CRON_FIELD.test(f))) {
            add("worker.schedule", `must be a 5-field cron expression in UTC with numbers, *, ranges, lists and steps (e.g. "0 2 * * *"; got ${JSON.stringify(w.schedule)})`);
        }
    }

    const timeout = w.timeoutSeconds;
    const visibility = cfg.queue.visibilityTimeoutSeconds;
    if (typeof timeout !== "number" || typeof visibility !== "number") return problems;
    if (cfg.cloud === "aws") {
        if (visibility < SQS_VISIBILITY_FACTOR * timeout) {
            add("queue.visibilityTimeoutSeconds", `must be >= ${SQS_VISIBILITY_FACTOR} x worker.timeoutSeconds on aws (${SQS_VISIBILITY_FACTOR} x ${timeout} = ${SQS_VISIBILITY_FACTOR * timeout}; got ${visibility}): AWS's advice for an SQS-triggered Lambda, so a batch is not redelivered while it still runs`);
        }
        if (typeof w.batchSize === "number" && w.batchSize > SQS_BATCH_WITHOUT_WINDOW && !(w.batchWindowSeconds > 0)) {
            add("worker.batchSize", `must be <= ${SQS_BATCH_WITHOUT_WINDOW} on aws unless worker.batchWindowSeconds > 0 (got ${w.batchSize})`);
        }
    }
    if (cfg.cloud === "azure") {
        if (w.package === "image") {
            add("worker.package", "must be zip on azure: Flex Consumption runs code packages, not containers");
        }
        // warmInstances > maxConcurrency is reported above already.
        const onDemand = typeof w.maxConcurrency === "number" && typeof w.warmInstances === "number" && w.warmInstances <= w.maxConcurrency
            ? flexMaximumInstanceCount(w.maxConcurrency, w.warmInstances) : undefined;
        if (onDemand !== undefined && (onDemand < FLEX_MAXIMUM_INSTANCE_COUNT.min || onDemand > FLEX_MAXIMUM_INSTANCE_COUNT.max)) {
            add("worker.warmInstances", `must be < worker.maxConcurrency on azure (always-ready instances do not count toward the Flex Consumption maximum instance count, which is maxConcurrency - warmInstances and must be ${FLEX_MAXIMUM_INSTANCE_COUNT.min}..${FLEX_MAXIMUM_INSTANCE_COUNT.max}; got ${w.maxConcurrency} - ${w.warmInstances} = ${onDemand})`);
        }
        if (visibility < timeout) {
            add("queue.visibilityTimeoutSeconds", `must be >= worker.timeoutSeconds on azure (the Service Bus lock duration must outlast one invocation; got ${visibility} < ${timeout})`);
        }
    }
    if (cfg.cloud === "gcp") {
        if (w.package === "zip") {
            add("worker.package", "must be image on gcp: Cloud Run runs the container image your pipeline pushes");
        }
        const deadline = pubsubAckDeadline(visibility);
        if (timeout > deadline) {
            add("worker.timeoutSeconds", `must be <= the Pub/Sub push ack deadline on gcp (queue.visibilityTimeoutSeconds clamped to ${PUBSUB_ACK_DEADLINE.min}..${PUBSUB_ACK_DEADLINE.max} = ${deadline}; got ${timeout}): a slower push response is redelivered`);
        }
    }
    return problems;
}
