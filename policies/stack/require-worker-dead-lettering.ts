import { stackPolicy } from "../lib/define";
import { isSet } from "../lib/props";
import { EVENT_SOURCE_MAPPING, PUBSUB_SUBSCRIPTION, SB_QUEUE, SCHEDULE, SQS_QUEUE, direct, isFunctionApp } from "../lib/workers";

const REDRIVE = "aws:sqs/redrivePolicy:RedrivePolicy";

/**
 * Messages a worker keeps failing on end up somewhere a human can see them: the SQS queue a Lambda
 * consumes redrives to a DLQ, a Scheduler target has a dead-letter queue, a push subscription has a
 * dead-letter topic, the Service Bus queue a function app consumes dead-letters expired messages too.
 */
export const policy = stackPolicy({
    name: "require-worker-dead-lettering",
    description: "A worker's trigger must dead-letter: the SQS queue of an event source mapping has a redrive policy, a Scheduler target a dead-letter queue, a push subscription a dead-letter topic, a function app's Service Bus queue dead-letters expired messages.",
    metadata: {
        cloud: "stack", service: "workers", severity: "high", topic: "availability", principle: "dead-letter-queues",
        remediation: "consume the domain queue (it has a dead-letter queue/topic) and give timer targets the domain DLQ: the worker component does both",
        checkov: ["CKV_AWS_116"],
        resourceTypes: [EVENT_SOURCE_MAPPING, SCHEDULE, PUBSUB_SUBSCRIPTION, SB_QUEUE],
        covers: ["aws", "azure", "gcp"],
    },
    validate: (resources, _args, report) => {
        for (const mapping of resources.filter((r) => r.type === EVENT_SOURCE_MAPPING)) {
            for (const queue of direct(mapping, SQS_QUEUE, resources)) {
                const separate = resources.some((r) => r.type === REDRIVE && r.dependencies.some((d) => d.urn === queue.urn));
                if (!isSet(queue.props, "redrivePolicy") && !separate) report(`queue ${queue.name}, consumed by ${mapping.name}, has no dead-letter queue.`, mapping.urn);
            }
        }
        for (const schedule of resources.filter((r) => r.type === SCHEDULE)) {
            if (!isSet(schedule.props.target?.deadLetterConfig, "arn")) report(`schedule ${schedule.name} has no target.deadLetterConfig.`, schedule.urn);
        }
        for (const sub of resources.filter((r) => r.type === PUBSUB_SUBSCRIPTION && isSet(r.props, "pushConfig"))) {
            if (!isSet(sub.props.deadLetterPolicy, "deadLetterTopic")) report(`push subscription ${sub.name} has no dead-letter topic.`, sub.urn);
        }
        for (const app of resources.filter(isFunctionApp)) {
            for (const queue of direct(app, SB_QUEUE, resources)) {
                if (queue.props.deadLetteringOnMessageExpiration !== true) report(`queue ${queue.name}, consumed by ${app.name}, does not dead-letter expired messages.`, app.urn);
            }
        }
    },
});
