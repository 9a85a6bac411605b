import { resourcePolicy } from "../lib/define";
import { isSet } from "../lib/props";
import { backupConfigSchema, minBackupDays } from "../lib/backup";

/** Daily backups with point-in-time recovery, kept for at least the required days. */
export const policy = resourcePolicy({
    name: "configure-cloud-sql-backups",
    description: "Cloud SQL primaries must enable backups with point-in-time recovery and keep >= the configured number of daily backups (7; prod 14).",
    metadata: {
        cloud: "gcp", service: "sql", severity: "high", topic: "availability", principle: "backup-retention",
        remediation: "set settings.backupConfiguration { enabled: true, pointInTimeRecoveryEnabled: true, backupRetentionSettings: { retainedBackups: <days> } } (database.backupDays)",
        checkov: ["CKV_GCP_14"],
        resourceTypes: ["gcp:sql/databaseInstance:DatabaseInstance"],
    },
    configSchema: backupConfigSchema,
    validate: (props, args, report) => {
        if (isSet(props, "masterInstanceName")) return;
        const backup = props.settings?.backupConfiguration ?? {};
        if (backup.enabled !== true) {
            report("backups are off.");
            return;
        }
        if (backup.pointInTimeRecoveryEnabled !== true) report("point-in-time recovery is off.");
        const min = minBackupDays(args);
        const kept = backup.backupRetentionSettings?.retainedBackups;
        if (typeof kept !== "number" || kept < min) report(`retainedBackups is ${kept ?? "unset (7)"}, needs >= ${min}.`);
    },
});
