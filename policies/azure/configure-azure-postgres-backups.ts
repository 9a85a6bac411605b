import { resourcePolicy } from "../lib/define";
import { backupConfigSchema, minBackupDays } from "../lib/backup";

/** Point-in-time restore window of at least the required days. */
export const policy = resourcePolicy({
    name: "configure-azure-postgres-backups",
    description: "PostgreSQL flexible servers must keep backups for at least the configured days (7; prod 14).",
    metadata: {
        cloud: "azure", service: "dbforpostgresql", severity: "high", topic: "availability", principle: "backup-retention",
        remediation: "set backup.backupRetentionDays to at least the required days (database.backupDays) and backup.geoRedundantBackup Enabled (set at creation)",
        checkov: ["CKV_AZURE_136"],
        resourceTypes: ["azure-native:dbforpostgresql:Server"],
    },
    configSchema: backupConfigSchema,
    validate: (props, args, report) => {
        if (props.createMode === "Replica") return;
        const min = minBackupDays(args);
        const days = props.backup?.backupRetentionDays;
        if (typeof days !== "number" || days < min) report(`backup.backupRetentionDays is ${days ?? "unset (7)"}, needs >= ${min}.`);
        if (props.backup?.geoRedundantBackup !== "Enabled") report(`backup.geoRedundantBackup is ${props.backup?.geoRedundantBackup ?? "unset (Disabled)"}: a regional outage would take the backups too.`);
    },
});
