import { resourcePolicy } from "../lib/define";

/** Poison and expired messages land in the queue's dead-letter sub-queue. */
export const policy = resourcePolicy({
    name: "require-azure-service-bus-dead-lettering",
    description: "Service Bus queues must dead-letter expired messages and cap deliveries (maxDeliveryCount).",
    metadata: {
        cloud: "azure", service: "servicebus", severity: "high", topic: "availability", principle: "dead-letter-queues",
        remediation: "set deadLetteringOnMessageExpiration true and maxDeliveryCount (queue.maxReceiveCount)",
        checkov: [],
        resourceTypes: ["azure-native:servicebus:Queue"],
    },
    validate: (props, _args, report) => {
        if (props.deadLetteringOnMessageExpiration !== true) report("deadLetteringOnMessageExpiration is not true.");
        if (typeof props.maxDeliveryCount !== "number") report("maxDeliveryCount is not set.");
    },
});
