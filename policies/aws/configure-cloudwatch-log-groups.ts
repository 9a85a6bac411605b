import { resourcePolicy } from "../lib/define";
import { isSet } from "../lib/props";

/** Log groups are encrypted with the logs key and kept for at least a year (audit evidence). */
export const policy = resourcePolicy({
    name: "configure-cloudwatch-log-groups",
    description: "CloudWatch log groups must be encrypted with a KMS key and retain logs for >= 365 days (minDays).",
    metadata: {
        cloud: "aws", service: "cloudwatch", severity: "medium", topic: "security", principle: "audit-logging",
        remediation: "set kmsKeyId to the logs key and retentionInDays >= 365 (logging.retentionDays, network.flowLogRetentionDays)",
        checkov: ["CKV_AWS_66", "CKV_AWS_158", "CKV_AWS_338"],
        resourceTypes: ["aws:cloudwatch/logGroup:LogGroup"],
    },
    configSchema: { properties: { minDays: { type: "number", default: 365 } } },
    validate: (props, args, report) => {
        const minDays = args.getConfig<{ minDays?: number }>().minDays ?? 365;
        if (!isSet(props, "kmsKeyId")) report("the log group is not encrypted with a KMS key.");
        const days = props.retentionInDays;
        if (days === undefined || days === 0) report("logs are kept forever (no retentionInDays): set a retention.");
        else if (days < minDays) report(`retentionInDays is ${days}, needs >= ${minDays}.`);
    },
});
