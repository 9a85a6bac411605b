import { resourcePolicy } from "../lib/define";
import { isSet } from "../lib/props";

/** Messages at rest are encrypted with the landing zone's KMS key. */
export const policy = resourcePolicy({
    name: "require-sqs-kms-encryption",
    description: "SQS queues must be encrypted with a customer-managed KMS key.",
    metadata: {
        cloud: "aws", service: "sqs", severity: "medium", topic: "security", principle: "encryption-at-rest",
        remediation: "set kmsMasterKeyId to the landing zone's key",
        checkov: ["CKV_AWS_27"],
        resourceTypes: ["aws:sqs/queue:Queue"],
    },
    validate: (props, _args, report) => {
        if (!isSet(props, "kmsMasterKeyId")) report(props.sqsManagedSseEnabled === true ? "the queue uses SQS-managed keys, not the landing zone's key." : "the queue is not encrypted with a KMS key.");
    },
});
