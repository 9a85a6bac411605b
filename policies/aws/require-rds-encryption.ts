import { resourcePolicy } from "../lib/define";
import { isSet } from "../lib/props";

/** Database storage is encrypted with the landing zone's KMS key. */
export const policy = resourcePolicy({
    name: "require-rds-encryption",
    description: "RDS instances and clusters must encrypt storage with a customer-managed KMS key.",
    metadata: {
        cloud: "aws", service: "rds", severity: "high", topic: "security", principle: "encryption-at-rest",
        remediation: "set storageEncrypted true and kmsKeyId to the landing zone's key",
        checkov: ["CKV_AWS_16", "CKV_AWS_96", "CKV_AWS_327"],
        resourceTypes: ["aws:rds/instance:Instance", "aws:rds/cluster:Cluster"],
    },
    validate: (props, _args, report) => {
        // A same-region replica inherits its source's encryption.
        if (isSet(props, "replicateSourceDb") || isSet(props, "replicationSourceIdentifier")) return;
        if (props.storageEncrypted !== true) report("storage is not encrypted (storageEncrypted is not true).");
        else if (!isSet(props, "kmsKeyId")) report("storage uses the AWS-managed key (no kmsKeyId).");
    },
});
