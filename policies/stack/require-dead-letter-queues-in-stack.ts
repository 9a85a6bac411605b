import { stackPolicy } from "../lib/define";
import type { PolicyResource } from "@pulumi/policy";
import { DEAD_LETTER_ROLE } from "../gcp/require-pubsub-dead-letter-policy";
import { isSet, isUnknownAt } from "../lib/props";

const SUBSCRIPTION = "gcp:pubsub/subscription:Subscription";
const TOPIC = "gcp:pubsub/topic:Topic";
const SB_QUEUE = "azure-native:servicebus:Queue";

/**
 * Dead letters stay in the stack that owns the queue (SQS is checked by require-sqs-dead-letter-queue):
 * a Pub/Sub dead-letter topic is a topic of this stack; a Service Bus queue that forwards its
 * dead letters forwards them to a queue of this stack (the built-in dead-letter sub-queue always is).
 */
export const policy = stackPolicy({
    name: "require-dead-letter-queues-in-stack",
    description: "Every Pub/Sub subscription's dead-letter topic and every Service Bus dead-letter forward target must be created in the same stack; a subscription labelled queue-role=dead-letter must drain a topic another subscription dead-letters to.",
    metadata: {
        cloud: "stack", service: "queues", severity: "medium", topic: "availability", principle: "dead-letter-queues",
        remediation: "create the dead-letter topic/queue in the domain stack next to the queue it serves",
        checkov: [],
        resourceTypes: [SUBSCRIPTION, TOPIC, SB_QUEUE],
        covers: ["azure", "gcp"],
    },
    validate: (resources, _args, report) => {
        for (const sub of resources.filter((r) => r.type === SUBSCRIPTION)) {
            const policy = sub.props.deadLetterPolicy;
            if (!isSet(policy, "deadLetterTopic")) {
                const drains = isSet(sub.props, "labels") && sub.props.labels[DEAD_LETTER_ROLE.key] === DEAD_LETTER_ROLE.value;
                const topics = sub.dependencies.filter((d) => d.type === TOPIC);
                const isDeadLetterTopic = (topic: PolicyResource) => resources.some((other) => other.type === SUBSCRIPTION && other !== sub &&
                    isSet(other.props.deadLetterPolicy, "deadLetterTopic") && other.dependencies.some((d) => d.urn === topic.urn));
                if (drains && !topics.some(isDeadLetterTopic)) report(`subscription ${sub.name} is labelled dead-letter but no subscription dead-letters to its topic.`, sub.urn);
                continue;
            }
            const topics = sub.dependencies.filter((d) => d.type === TOPIC);
            const named = !isUnknownAt(policy, "deadLetterTopic") &&
                resources.some((t) => t.type === TOPIC && typeof t.props.name === "string" && String(policy.deadLetterTopic).endsWith(`/${t.props.name}`));
            if (topics.length < 2 && !named) report(`subscription ${sub.name} dead-letters to a topic outside this stack.`, sub.urn);
        }
        for (const queue of resources.filter((r) => r.type === SB_QUEUE)) {
            if (!isSet(queue.props, "forwardDeadLetteredMessagesTo") || isUnknownAt(queue.props, "forwardDeadLetteredMessagesTo")) continue;
            const target = queue.props.forwardDeadLetteredMessagesTo;
            if (!resources.some((q) => q.type === SB_QUEUE && q !== queue && q.props.queueName === target)) {
                report(`queue ${queue.name} forwards dead letters to ${target}, not a queue of this stack.`, queue.urn);
            }
        }
    },
});
