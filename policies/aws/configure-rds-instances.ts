import { resourcePolicy } from "../lib/define";
import { isSet, list } from "../lib/props";

/** CA bundles RDS rotates to (rds-ca-2019 expired in 2024). */
export const MODERN_CA = ["rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1"];

/** Whether a PostgreSQL version is one with the log_fdw local file read flaw (fixed in 10.21, 11.16, 12.11, 13.7 and every 14+). */
export function hasLogFdwFlaw(version: unknown): boolean {
    const [major, minor] = String(version ?? "").split(".").map(Number);
    if (!Number.isInteger(major) || major >= 14) return false;
    const fixed: Record<number, number> = { 10: 21, 11: 16, 12: 11, 13: 7 };
    return !(major in fixed) || !Number.isInteger(minor) || minor < fixed[major];
}

/** RDS PostgreSQL: IAM authentication, logs and metrics exported, current CA and engine patches. */
export const policy = resourcePolicy({
    name: "configure-rds-instances",
    description: "RDS instances must enable IAM database authentication, minor version upgrades, enhanced monitoring, log exports and Performance Insights with a KMS key, use a current CA, and not run a PostgreSQL version with the log_fdw flaw.",
    metadata: {
        cloud: "aws", service: "rds", severity: "medium", topic: "security", principle: "audit-logging",
        remediation: "set iamDatabaseAuthenticationEnabled true, autoMinorVersionUpgrade true, monitoringInterval 60 with monitoringRoleArn, enabledCloudwatchLogsExports [postgresql, upgrade], performanceInsightsEnabled true with performanceInsightsKmsKeyId, caCertIdentifier rds-ca-rsa2048-g1, and engineVersion 14 or later",
        checkov: ["CKV_AWS_118", "CKV_AWS_129", "CKV_AWS_161", "CKV_AWS_211", "CKV_AWS_226", "CKV_AWS_250", "CKV_AWS_353", "CKV_AWS_354"],
        resourceTypes: ["aws:rds/instance:Instance"],
    },
    validate: (props, _args, report) => {
        if (props.iamDatabaseAuthenticationEnabled !== true) report("IAM database authentication is off.");
        if (props.autoMinorVersionUpgrade === false) report("automatic minor version upgrades are off.");
        if (![1, 5, 10, 15, 30, 60].includes(props.monitoringInterval)) report(`enhanced monitoring is off (monitoringInterval ${props.monitoringInterval ?? "unset"}).`);
        if (list(props.enabledCloudwatchLogsExports).length === 0) report("no logs are exported to CloudWatch (enabledCloudwatchLogsExports).");
        if (props.performanceInsightsEnabled !== true) report("Performance Insights is off.");
        else if (!isSet(props, "performanceInsightsKmsKeyId")) report("Performance Insights uses the AWS-managed key.");
        if (props.caCertIdentifier !== undefined && !MODERN_CA.includes(props.caCertIdentifier)) report(`caCertIdentifier ${props.caCertIdentifier} is not a current CA.`);
        if (props.caCertIdentifier === undefined) report("caCertIdentifier is unset (the region default may be an expiring CA).");
        if (props.engine === "postgres" && hasLogFdwFlaw(props.engineVersion)) report(`engine version ${props.engineVersion} has the log_fdw local file read flaw.`);
    },
});
