import { resourcePolicy } from "../lib/define";

/** Clients reach the cache over TLS only. */
export const policy = resourcePolicy({
    name: "require-elasticache-tls",
    description: "ElastiCache replication groups must require in-transit encryption (TLS).",
    metadata: {
        cloud: "aws", service: "elasticache", severity: "high", topic: "security", principle: "encryption-in-transit",
        remediation: "set transitEncryptionEnabled true and transitEncryptionMode required",
        checkov: ["CKV_AWS_30", "CKV_AWS_31"],
        resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    },
    validate: (props, _args, report) => {
        if (props.transitEncryptionEnabled !== true) report("transitEncryptionEnabled is not true.");
        else if (props.transitEncryptionMode === "preferred") report("transitEncryptionMode is preferred (plaintext still accepted).");
    },
});
