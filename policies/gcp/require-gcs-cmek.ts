import { resourcePolicy } from "../lib/define";
import { isSet } from "../lib/props";

/** Objects are encrypted with the landing zone's Cloud KMS key. */
export const policy = resourcePolicy({
    name: "require-gcs-cmek",
    description: "Cloud Storage buckets must use a customer-managed encryption key (CMEK) by default.",
    metadata: {
        cloud: "gcp", service: "storage", severity: "medium", topic: "security", principle: "encryption-at-rest",
        remediation: "set encryption.defaultKmsKeyName to the landing zone's key (grant the storage service agent Encrypter/Decrypter)",
        checkov: [],
        resourceTypes: ["gcp:storage/bucket:Bucket"],
    },
    validate: (props, _args, report) => {
        if (!isSet(props.encryption, "defaultKmsKeyName")) report("the bucket uses Google-managed keys (no encryption.defaultKmsKeyName).");
    },
});
