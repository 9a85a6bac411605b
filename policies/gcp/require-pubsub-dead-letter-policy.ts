import { resourcePolicy } from "../lib/define";
import { isSet } from "../lib/props";

/** The label that marks a subscription on a dead-letter topic (it must not dead-letter again). */
export const DEAD_LETTER_ROLE = { key: "queue-role", value: "dead-letter" };

/**
 * Poison messages go to a dead-letter topic after a bounded number of deliveries. A subscription
 * that drains a dead-letter topic is labelled queue-role=dead-letter and needs none of its own
 * (require-dead-letter-queues-in-stack checks that its topic really is a dead-letter topic).
 */
export const policy = resourcePolicy({
    name: "require-pubsub-dead-letter-policy",
    description: "Pub/Sub subscriptions must have a dead-letter policy (topic and maxDeliveryAttempts), except subscriptions labelled queue-role=dead-letter on a dead-letter topic.",
    metadata: {
        cloud: "gcp", service: "pubsub", severity: "high", topic: "availability", principle: "dead-letter-queues",
        remediation: "set deadLetterPolicy { deadLetterTopic: <DLQ topic>, maxDeliveryAttempts: queue.maxReceiveCount } and grant the Pub/Sub service agent publish on it",
        checkov: [],
        resourceTypes: ["gcp:pubsub/subscription:Subscription"],
    },
    validate: (props, _args, report) => {
        if (isSet(props.deadLetterPolicy, "deadLetterTopic")) return;
        if (isSet(props, "labels") && props.labels[DEAD_LETTER_ROLE.key] === DEAD_LETTER_ROLE.value) return;
        report("the subscription has no dead-letter topic.");
    },
});
