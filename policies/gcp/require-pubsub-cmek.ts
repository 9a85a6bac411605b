import { resourcePolicy } from "../lib/define";
import { isSet } from "../lib/props";

/** Messages at rest are encrypted with the landing zone's Cloud KMS key. */
export const policy = resourcePolicy({
    name: "require-pubsub-cmek",
    description: "Pub/Sub topics must be encrypted with a customer-managed key.",
    metadata: {
        cloud: "gcp", service: "pubsub", severity: "medium", topic: "security", principle: "encryption-at-rest",
        remediation: "set kmsKeyName to the landing zone's key",
        checkov: ["CKV_GCP_83"],
        resourceTypes: ["gcp:pubsub/topic:Topic"],
    },
    validate: (props, _args, report) => {
        if (!isSet(props, "kmsKeyName")) report("the topic uses Google-managed keys (no kmsKeyName).");
    },
});
