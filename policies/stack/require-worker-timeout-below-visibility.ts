import { stackPolicy } from "../lib/define";
import { isSet } from "../lib/props";
import {
    CLOUD_RUN_DEFAULT_TIMEOUT, EVENT_SOURCE_MAPPING, LAMBDA, LAMBDA_DEFAULT_TIMEOUT, PUBSUB_DEFAULT_ACK_DEADLINE, PUBSUB_SUBSCRIPTION,
    RUN_SERVICE, SB_QUEUE, SQS_DEFAULT_VISIBILITY, SQS_QUEUE, WEB_APP, appSetting, durationSeconds, direct, isFunctionApp, linked,
} from "../lib/workers";

/** AWS's advice for SQS-triggered Lambda functions. */
const SQS_FACTOR = 6;
/** The Functions host's default timeout on Flex Consumption (30 minutes). */
const FLEX_DEFAULT_TIMEOUT = 1800;

/**
 * A message is not handed to a second worker while the first still runs: SQS visibility timeout
 * >= 6 x the Lambda timeout; the Service Bus lock duration >= the function timeout; the Pub/Sub push
 * ack deadline >= the Cloud Run request timeout. Worker and queue are linked by dependencies.
 */
export const policy = stackPolicy({
    name: "require-worker-timeout-below-visibility",
    description: "A queue worker's timeout must fit the queue: SQS visibility >= 6 x Lambda timeout, Service Bus lock >= function timeout, Pub/Sub ack deadline >= Cloud Run timeout.",
    metadata: {
        cloud: "stack", service: "workers", severity: "high", topic: "availability", principle: "bounded-workers",
        remediation: "raise queue.visibilityTimeoutSeconds or lower worker.timeoutSeconds (the config rules say by how much)",
        checkov: [],
        resourceTypes: [EVENT_SOURCE_MAPPING, WEB_APP, PUBSUB_SUBSCRIPTION],
        covers: ["aws", "azure", "gcp"],
    },
    validate: (resources, _args, report) => {
        for (const mapping of resources.filter((r) => r.type === EVENT_SOURCE_MAPPING)) {
            for (const queue of direct(mapping, SQS_QUEUE, resources)) {
                for (const fn of linked(mapping, LAMBDA, resources)) {
                    const timeout = isSet(fn.props, "timeout") ? Number(fn.props.timeout) : LAMBDA_DEFAULT_TIMEOUT;
                    const visibility = isSet(queue.props, "visibilityTimeoutSeconds") ? Number(queue.props.visibilityTimeoutSeconds) : SQS_DEFAULT_VISIBILITY;
                    if (visibility < SQS_FACTOR * timeout) {
                        report(`queue ${queue.name} has visibility timeout ${visibility}s, below ${SQS_FACTOR} x the ${timeout}s timeout of ${fn.name}.`, mapping.urn);
                    }
                }
            }
        }
        for (const app of resources.filter(isFunctionApp)) {
            const setting = appSetting(app, "AzureFunctionsJobHost__functionTimeout");
            const timeout = typeof setting === "string" ? durationSeconds(setting) : FLEX_DEFAULT_TIMEOUT;
            for (const queue of direct(app, SB_QUEUE, resources)) {
                const lock = isSet(queue.props, "lockDuration") ? durationSeconds(String(queue.props.lockDuration)) : 60;
                if (!(lock >= timeout)) report(`queue ${queue.name} locks a message ${lock}s, less than the ${timeout}s timeout of ${app.name}.`, app.urn);
            }
        }
        for (const sub of resources.filter((r) => r.type === PUBSUB_SUBSCRIPTION && isSet(r.props, "pushConfig"))) {
            const deadline = isSet(sub.props, "ackDeadlineSeconds") ? Number(sub.props.ackDeadlineSeconds) : PUBSUB_DEFAULT_ACK_DEADLINE;
            for (const service of linked(sub, RUN_SERVICE, resources)) {
                const timeout = isSet(service.props.template, "timeout") ? durationSeconds(String(service.props.template.timeout)) : CLOUD_RUN_DEFAULT_TIMEOUT;
                if (deadline < timeout) report(`push subscription ${sub.name} waits ${deadline}s, less than the ${timeout}s timeout of ${service.name}.`, sub.urn);
            }
        }
    },
});
