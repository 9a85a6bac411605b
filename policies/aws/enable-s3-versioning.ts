import { stackPolicy } from "../lib/define";
import { BUCKETS, belongsTo } from "../lib/s3";

const VERSIONING = ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"];

/** Every bucket keeps object versions (recovery from overwrite and delete; S3 is multi-AZ by design). */
export const policy = stackPolicy({
    name: "enable-s3-versioning",
    description: "S3 buckets must have versioning enabled.",
    metadata: {
        cloud: "aws", service: "s3", severity: "medium", topic: "availability", principle: "redundant-storage",
        remediation: "add an aws.s3.BucketVersioning for the bucket with versioningConfiguration.status Enabled",
        checkov: ["CKV_AWS_21"],
        resourceTypes: [...BUCKETS, ...VERSIONING],
    },
    validate: (resources, _args, report) => {
        for (const v of resources.filter((r) => VERSIONING.includes(r.type))) {
            const status = v.props.versioningConfiguration?.status;
            if (status !== "Enabled") report(`versioning ${v.name} has status ${status ?? "unset"}.`, v.urn);
        }
        for (const bucket of resources.filter((r) => BUCKETS.includes(r.type))) {
            const versioned = resources.some((r) => VERSIONING.includes(r.type) && belongsTo(r, bucket));
            if (!versioned) report(`bucket ${bucket.name} has no versioning configuration.`, bucket.urn);
        }
    },
});
