import { resourcePolicy } from "../lib/define";
import { isSet } from "../lib/props";

/**
 * Overwritten and deleted objects stay recoverable: object versioning, or a retention policy (objects
 * cannot be deleted or replaced before the period ends, as on a log archive). Regional buckets are
 * zone-redundant by design.
 */
export const policy = resourcePolicy({
    name: "enable-gcs-versioning",
    description: "Cloud Storage buckets must enable object versioning (or hold objects under a retention policy).",
    metadata: {
        cloud: "gcp", service: "storage", severity: "medium", topic: "availability", principle: "redundant-storage",
        remediation: "set versioning.enabled true (storage.versioning) and a lifecycle rule for noncurrent versions; archives may set retentionPolicy.retentionPeriod instead",
        checkov: ["CKV_GCP_78"],
        resourceTypes: ["gcp:storage/bucket:Bucket"],
    },
    validate: (props, _args, report) => {
        if (props.versioning?.enabled === true) return;
        if (isSet(props.retentionPolicy, "retentionPeriod")) return;
        report("versioning is off and no retention policy holds the objects.");
    },
});
