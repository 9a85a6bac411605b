import { resourcePolicy } from "../lib/define";

/** Every build leaves logs, and S3 build logs stay encrypted. */
export const policy = resourcePolicy({
    name: "enable-codebuild-logging",
    description: "CodeBuild projects must send logs to CloudWatch Logs or S3, and S3 logs must stay encrypted.",
    metadata: {
        cloud: "aws", service: "codebuild", severity: "medium", topic: "security", principle: "audit-logging",
        remediation: "set logsConfig.cloudwatchLogs { status: ENABLED, groupName } (the pipeline's log group) and leave logsConfig.s3Logs.encryptionDisabled false",
        checkov: ["CKV_AWS_311", "CKV_AWS_314"],
        resourceTypes: ["aws:codebuild/project:Project"],
    },
    validate: (props, _args, report) => {
        const logs = props.logsConfig ?? {};
        const cloudwatch = logs.cloudwatchLogs !== undefined && logs.cloudwatchLogs.status !== "DISABLED";
        const s3 = logs.s3Logs !== undefined && logs.s3Logs.status === "ENABLED";
        if (!cloudwatch && !s3) report("build logs go nowhere (logsConfig has no enabled CloudWatch or S3 logs).");
        if (logs.s3Logs?.encryptionDisabled === true) report("S3 build logs are not encrypted.");
    },
});
