import { resourcePolicy } from "../lib/define";
import { isSet } from "../lib/props";
import { backupConfigSchema, minBackupDays } from "../lib/backup";

/** Point-in-time recovery window long enough to notice and undo a mistake. */
export const policy = resourcePolicy({
    name: "configure-rds-backup-retention",
    description: "RDS instances and clusters must keep automated backups for at least the configured days (7; prod 14).",
    metadata: {
        cloud: "aws", service: "rds", severity: "high", topic: "availability", principle: "backup-retention",
        remediation: "set backupRetentionPeriod to at least the required days (database.backupDays)",
        checkov: ["CKV_AWS_133"],
        resourceTypes: ["aws:rds/instance:Instance", "aws:rds/cluster:Cluster"],
    },
    configSchema: backupConfigSchema,
    validate: (props, args, report) => {
        if (isSet(props, "replicateSourceDb")) return;
        const min = minBackupDays(args);
        const days = props.backupRetentionPeriod;
        if (typeof days !== "number" || days < min) report(`backupRetentionPeriod is ${days ?? "unset"}, needs >= ${min} days.`);
    },
});
