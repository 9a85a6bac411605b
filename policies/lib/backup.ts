import type { ResourceValidationArgs } from "@pulumi/policy";

/** Backup retention floor: 7 days by default, 14 in prod (policies/config/prod.json). */
export const DEFAULT_MIN_BACKUP_DAYS = 7;

export const backupConfigSchema = {
    properties: { minDays: { type: "integer" as const, minimum: 1, default: DEFAULT_MIN_BACKUP_DAYS } },
};

export function minBackupDays(args: Pick<ResourceValidationArgs, "getConfig">): number {
    return args.getConfig<{ minDays?: number }>().minDays ?? DEFAULT_MIN_BACKUP_DAYS;
}
