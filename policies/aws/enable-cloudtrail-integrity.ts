import { resourcePolicy } from "../lib/define";
import { isSet } from "../lib/props";

/** The audit trail covers every region, is tamper-evident and encrypted. */
export const policy = resourcePolicy({
    name: "enable-cloudtrail-integrity",
    description: "CloudTrail trails must log all regions, validate log files and encrypt with a KMS key.",
    metadata: {
        cloud: "aws", service: "cloudtrail", severity: "high", topic: "security", principle: "audit-logging",
        remediation: "set isMultiRegionTrail true, enableLogFileValidation true and kmsKeyId to the landing zone's key",
        checkov: ["CKV_AWS_67", "CKV_AWS_36", "CKV_AWS_35", "CKV_AWS_251"],
        resourceTypes: ["aws:cloudtrail/trail:Trail"],
    },
    validate: (props, _args, report) => {
        if (props.enableLogging === false) report("logging is off.");
        if (props.isMultiRegionTrail !== true) report("the trail covers one region only.");
        if (props.enableLogFileValidation !== true) report("log file validation is off.");
        if (!isSet(props, "kmsKeyId")) report("logs are not encrypted with a KMS key.");
    },
});
