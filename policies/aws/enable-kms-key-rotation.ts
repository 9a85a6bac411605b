import { resourcePolicy } from "../lib/define";

/** Symmetric keys rotate at least yearly. */
export const policy = resourcePolicy({
    name: "enable-kms-key-rotation",
    description: "Symmetric KMS keys must rotate automatically, at least every 365 days.",
    metadata: {
        cloud: "aws", service: "kms", severity: "medium", topic: "security", principle: "key-rotation",
        remediation: "set enableKeyRotation true and rotationPeriodInDays <= 365 (keys.rotationDays)",
        checkov: ["CKV_AWS_7"],
        resourceTypes: ["aws:kms/key:Key"],
    },
    validate: (props, _args, report) => {
        const spec = props.customerMasterKeySpec ?? "SYMMETRIC_DEFAULT";
        if (spec !== "SYMMETRIC_DEFAULT") return;
        if (props.enableKeyRotation !== true) report("enableKeyRotation is not true.");
        else if (typeof props.rotationPeriodInDays === "number" && props.rotationPeriodInDays > 365) {
            report(`rotationPeriodInDays is ${props.rotationPeriodInDays}, more than 365.`);
        }
    },
});
