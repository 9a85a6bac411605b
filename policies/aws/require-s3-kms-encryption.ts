import { stackPolicy } from "../lib/define";
import { isSet, isUnknownAt, list } from "../lib/props";
import { BUCKETS, belongsTo, bucketName } from "../lib/s3";

const SSE = [
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
];
const KMS = ["aws:kms", "aws:kms:dsse"];
const LOGGING = ["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"];

/**
 * Every bucket is encrypted with a KMS key the landing zone manages. Server access log target
 * buckets are the exception AWS imposes: log delivery supports SSE-S3 (AES256) only, so a bucket
 * named as a `targetBucket` of a bucket logging configuration may use AES256.
 */
export const policy = stackPolicy({
    name: "require-s3-kms-encryption",
    description: "S3 buckets must be encrypted with a customer-managed KMS key.",
    metadata: {
        cloud: "aws", service: "s3", severity: "high", topic: "security", principle: "encryption-at-rest",
        remediation: "add an aws.s3.BucketServerSideEncryptionConfiguration with sseAlgorithm aws:kms and kmsMasterKeyId set to the landing zone's key",
        checkov: ["CKV_AWS_19", "CKV_AWS_145"],
        resourceTypes: [...BUCKETS, ...SSE],
    },
    validate: (resources, _args, report) => {
        const logTargets = new Set(resources.filter((r) => LOGGING.includes(r.type) && !isUnknownAt(r.props, "targetBucket")).map((r) => r.props.targetBucket as string));
        for (const config of resources.filter((r) => SSE.includes(r.type))) {
            const logTarget = logTargets.has(bucketName(config) ?? "");
            for (const rule of list(config.props.rules)) {
                const byDefault = rule.applyServerSideEncryptionByDefault;
                if (logTarget && byDefault?.sseAlgorithm === "AES256") continue;
                if (!byDefault || !KMS.includes(byDefault.sseAlgorithm)) {
                    report(`encryption configuration ${config.name} uses ${byDefault?.sseAlgorithm ?? "no default algorithm"}, not aws:kms.`, config.urn);
                } else if (!isSet(byDefault, "kmsMasterKeyId")) {
                    report(`encryption configuration ${config.name} uses the AWS-managed key (no kmsMasterKeyId).`, config.urn);
                }
            }
        }
        for (const bucket of resources.filter((r) => BUCKETS.includes(r.type))) {
            const configured = resources.some((r) => SSE.includes(r.type) && belongsTo(r, bucket));
            if (!configured) report(`bucket ${bucket.name} has no server-side encryption configuration.`, bucket.urn);
        }
    },
});
