import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../lib/define";
import { isSet } from "../lib/props";

const QUEUE = "aws:sqs/queue:Queue";
const REDRIVE = "aws:sqs/redrivePolicy:RedrivePolicy";
const REDRIVE_ALLOW = "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy";

const dependsOn = (r: PolicyResource, target: PolicyResource) => r.dependencies.some((d) => d.urn === target.urn);
const queuesOf = (r: PolicyResource) => r.dependencies.filter((d) => d.type === QUEUE);

/**
 * Every work queue dead-letters poison messages to a queue of the same stack. A queue is a
 * dead-letter queue when another queue's redrive policy targets it or it carries a redrive-allow
 * policy; it needs no DLQ of its own. (The redrive target is an ARN, known only after deploy, so
 * the link is read from the dependencies the target's ARN creates.)
 */
export const policy = stackPolicy({
    name: "require-sqs-dead-letter-queue",
    description: "Every SQS queue must have a redrive policy to a dead-letter queue in the same stack (dead-letter queues excepted).",
    metadata: {
        cloud: "aws", service: "sqs", severity: "high", topic: "availability", principle: "dead-letter-queues",
        remediation: "create a dead-letter queue in the stack and set redrivePolicy { deadLetterTargetArn, maxReceiveCount } (queue.maxReceiveCount) on the queue",
        checkov: [],
        resourceTypes: [QUEUE, REDRIVE],
    },
    validate: (resources, _args, report) => {
        const queues = resources.filter((r) => r.type === QUEUE);
        const redrives = resources.filter((r) => r.type === REDRIVE);
        for (const queue of queues) {
            const inline = isSet(queue.props, "redrivePolicy");
            const separate = redrives.filter((r) => dependsOn(r, queue));
            // A queue refers to another only through its redrive policy (the DLQ's ARN); a redrive-allow
            // policy names its DLQ by URL and its sources by ARN, so it identifies the DLQ alone only
            // when it refers to one queue.
            const isTarget = isSet(queue.props, "redriveAllowPolicy") ||
                queues.some((other) => other !== queue && dependsOn(other, queue)) ||
                resources.some((r) => r.type === REDRIVE_ALLOW && queuesOf(r).length === 1 && dependsOn(r, queue));
            if (inline && queuesOf(queue).length === 0) {
                report(`queue ${queue.name} redrives to a dead-letter queue outside this stack.`, queue.urn);
            } else if (separate.some((r) => queuesOf(r).length < 2)) {
                report(`queue ${queue.name} redrives to a dead-letter queue outside this stack.`, queue.urn);
            } else if (!inline && separate.length === 0 && !isTarget) {
                report(`queue ${queue.name} has no dead-letter queue.`, queue.urn);
            }
        }
    },
});
