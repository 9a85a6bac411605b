import { resourcePolicy } from "../lib/define";
import { isSet } from "../lib/props";

/** Cache snapshots and swap are encrypted with the landing zone's KMS key. */
export const policy = resourcePolicy({
    name: "require-elasticache-encryption-at-rest",
    description: "ElastiCache replication groups must encrypt data at rest with a customer-managed KMS key.",
    metadata: {
        cloud: "aws", service: "elasticache", severity: "medium", topic: "security", principle: "encryption-at-rest",
        remediation: "set atRestEncryptionEnabled true and kmsKeyId to the landing zone's key",
        checkov: ["CKV_AWS_29", "CKV_AWS_191"],
        resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    },
    validate: (props, _args, report) => {
        if (props.atRestEncryptionEnabled !== true && props.atRestEncryptionEnabled !== "true") report("atRestEncryptionEnabled is not true.");
        else if (!isSet(props, "kmsKeyId")) report("the cache uses the AWS-managed key (no kmsKeyId).");
    },
});
