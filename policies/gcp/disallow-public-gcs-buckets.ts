import { resourcePolicy } from "../lib/define";

/** Buckets are private: public access prevention enforced, IAM-only (uniform) access. */
export const policy = resourcePolicy({
    name: "disallow-public-gcs-buckets",
    description: "Cloud Storage buckets must enforce public access prevention and uniform bucket-level access.",
    metadata: {
        cloud: "gcp", service: "storage", severity: "critical", topic: "security", principle: "no-public-data-endpoints",
        remediation: "set publicAccessPrevention enforced and uniformBucketLevelAccess true",
        checkov: ["CKV_GCP_114", "CKV_GCP_29"],
        resourceTypes: ["gcp:storage/bucket:Bucket"],
    },
    validate: (props, _args, report) => {
        if (props.publicAccessPrevention !== "enforced") report(`publicAccessPrevention is ${props.publicAccessPrevention ?? "unset (inherited)"}.`);
        if (props.uniformBucketLevelAccess !== true) report("uniformBucketLevelAccess is not true (ACLs can make objects public).");
    },
});
