import { resourcePolicy } from "../lib/define";
import { isSet, list } from "../lib/props";

/** Registry layers are encrypted with the landing zone's KMS key. */
export const policy = resourcePolicy({
    name: "require-ecr-kms-encryption",
    description: "ECR repositories must be encrypted with a customer-managed KMS key.",
    metadata: {
        cloud: "aws", service: "ecr", severity: "medium", topic: "security", principle: "encryption-at-rest",
        remediation: "set encryptionConfigurations [{ encryptionType: \"KMS\", kmsKey: <landing zone key> }]",
        checkov: ["CKV_AWS_136"],
        resourceTypes: ["aws:ecr/repository:Repository"],
    },
    validate: (props, _args, report) => {
        const config = list(props.encryptionConfigurations)[0];
        if (!config || !["KMS", "KMS_DSSE"].includes(config.encryptionType)) report(`encryptionType is ${config?.encryptionType ?? "unset (AES256)"}, not KMS.`);
        else if (!isSet(config, "kmsKey")) report("the repository uses the AWS-managed key (no kmsKey).");
    },
});
