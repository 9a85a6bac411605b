import { stackPolicy } from "../lib/define";
import { BUCKETS, belongsTo } from "../lib/s3";

const BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const ACCOUNT_BLOCK = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
const ACL = "aws:s3/bucketAcl:BucketAcl";
const PUBLIC_ACLS = ["public-read", "public-read-write", "authenticated-read"];
const FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

/** S3 buckets are private: a public access block with all four settings on, and no public ACL. */
export const policy = stackPolicy({
    name: "disallow-public-s3-buckets",
    description: "S3 buckets must not be public: every bucket has a public access block with all four settings true and no public ACL.",
    metadata: {
        cloud: "aws", service: "s3", severity: "critical", topic: "security", principle: "no-public-data-endpoints",
        remediation: "add an aws.s3.BucketPublicAccessBlock for the bucket with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets true, and drop public ACLs",
        checkov: ["CKV_AWS_20", "CKV_AWS_57", "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "CKV2_AWS_6"],
        resourceTypes: [...BUCKETS, BLOCK, ACL],
    },
    validate: (resources, _args, report) => {
        const accountBlocked = resources.some((r) => r.type === ACCOUNT_BLOCK && FLAGS.every((f) => r.props[f] === true));
        for (const block of resources.filter((r) => r.type === BLOCK)) {
            const off = FLAGS.filter((f) => block.props[f] !== true);
            if (off.length) report(`public access block ${block.name} leaves ${off.join(", ")} off.`, block.urn);
        }
        for (const acl of resources.filter((r) => r.type === ACL)) {
            if (PUBLIC_ACLS.includes(acl.props.acl)) report(`bucket ACL ${acl.name} is "${acl.props.acl}".`, acl.urn);
        }
        for (const bucket of resources.filter((r) => BUCKETS.includes(r.type))) {
            if (PUBLIC_ACLS.includes(bucket.props.acl)) report(`bucket ${bucket.name} has the public ACL "${bucket.props.acl}".`, bucket.urn);
            const blocked = resources.some((r) => r.type === BLOCK && belongsTo(r, bucket));
            if (!blocked && !accountBlocked) report(`bucket ${bucket.name} has no public access block.`, bucket.urn);
        }
    },
});
