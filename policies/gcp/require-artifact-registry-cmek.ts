import { resourcePolicy } from "../lib/define";
import { isSet } from "../lib/props";

/** Images are encrypted with the landing zone's key, not Google-managed keys. */
export const policy = resourcePolicy({
    name: "require-artifact-registry-cmek",
    description: "Artifact Registry repositories must be encrypted with a customer-managed KMS key.",
    metadata: {
        cloud: "gcp", service: "artifactregistry", severity: "medium", topic: "security", principle: "encryption-at-rest",
        remediation: "set kmsKeyName to the registry key (the Artifact Registry service agent needs cryptoKeyEncrypterDecrypter on it first)",
        checkov: ["CKV_GCP_84"],
        resourceTypes: ["gcp:artifactregistry/repository:Repository"],
    },
    validate: (props, _args, report) => {
        if (!isSet(props, "kmsKeyName")) report("the repository uses Google-managed keys (no kmsKeyName).");
    },
});
