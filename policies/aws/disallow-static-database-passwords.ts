import { resourcePolicy } from "../lib/define";
import { isSet } from "../lib/props";

const FIELDS: Record<string, string[]> = {
    "aws:rds/instance:Instance": ["password"],
    "aws:rds/cluster:Cluster": ["masterPassword"],
    "aws:elasticache/replicationGroup:ReplicationGroup": ["authToken"],
};

/** Database credentials come from the managed secret (RDS manages the master password). */
export const policy = resourcePolicy({
    name: "disallow-static-database-passwords",
    description: "RDS and ElastiCache must not take a password as an input (it would sit in config and state).",
    metadata: {
        cloud: "aws", service: "rds", severity: "critical", topic: "security", principle: "no-plaintext-secrets",
        remediation: "drop the password input; set manageMasterUserPassword true (RDS) or use IAM/RBAC user groups (ElastiCache)",
        checkov: [],
        resourceTypes: Object.keys(FIELDS),
    },
    validate: (props, args, report) => {
        for (const field of FIELDS[args.type]) {
            if (isSet(props, field)) report(`${field} is set as an input.`);
        }
        if (args.type !== "aws:elasticache/replicationGroup:ReplicationGroup" && !isSet(props, "replicateSourceDb") &&
            !isSet(props, "replicationSourceIdentifier") && props.manageMasterUserPassword !== true) {
            report("manageMasterUserPassword is not true.");
        }
    },
});
