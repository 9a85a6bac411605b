import { resourcePolicy } from "../lib/define";
import { list } from "../lib/props";

/** Failed multipart uploads do not pile up unseen (they are stored and billed but invisible in listings). */
export const policy = resourcePolicy({
    name: "configure-s3-lifecycle",
    description: "S3 lifecycle configurations must have an enabled rule that aborts incomplete multipart uploads.",
    metadata: {
        cloud: "aws", service: "s3", severity: "low", topic: "availability", principle: "redundant-storage",
        remediation: "add a rule { status: Enabled, filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } }",
        checkov: ["CKV_AWS_300"],
        resourceTypes: ["aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration"],
    },
    validate: (props, _args, report) => {
        const aborts = list(props.rules).some((r) => r.status === "Enabled" && r.abortIncompleteMultipartUpload?.daysAfterInitiation !== undefined);
        if (!aborts) report("no enabled rule aborts incomplete multipart uploads.");
    },
});
