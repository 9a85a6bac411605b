import { resourcePolicy } from "../lib/define";
import { durationDays } from "../lib/props";

/** Encryption keys rotate at least yearly. */
export const policy = resourcePolicy({
    name: "enable-gcp-kms-rotation",
    description: "Cloud KMS encryption keys must rotate automatically, at least every 365 days.",
    metadata: {
        cloud: "gcp", service: "kms", severity: "medium", topic: "security", principle: "key-rotation",
        remediation: "set rotationPeriod to at most 31536000s (keys.rotationDays)",
        checkov: ["CKV_GCP_43"],
        resourceTypes: ["gcp:kms/cryptoKey:CryptoKey"],
    },
    validate: (props, _args, report) => {
        if (props.purpose !== undefined && props.purpose !== "ENCRYPT_DECRYPT") return;
        const days = durationDays(props.rotationPeriod);
        if (days === undefined) report("the key has no rotationPeriod.");
        else if (days > 365) report(`the key rotates every ${days} days, more than 365.`);
    },
});
