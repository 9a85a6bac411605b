import { resourcePolicy } from "../lib/define";
import { isSet } from "../lib/props";

/** Build artifacts and logs are encrypted with the domain's KMS key. */
export const policy = resourcePolicy({
    name: "require-codebuild-kms-encryption",
    description: "CodeBuild projects must encrypt their artifacts with a customer-managed KMS key.",
    metadata: {
        cloud: "aws", service: "codebuild", severity: "medium", topic: "security", principle: "encryption-at-rest",
        remediation: "set encryptionKey to the domain's KMS key ARN",
        checkov: ["CKV_AWS_147", "CKV_AWS_78"],
        resourceTypes: ["aws:codebuild/project:Project"],
    },
    validate: (props, _args, report) => {
        if (!isSet(props, "encryptionKey")) report("artifacts use the AWS-managed key (no encryptionKey).");
        if (props.artifacts?.encryptionDisabled === true) report("artifact encryption is disabled.");
    },
});
