import { strict as assert } from "node:assert";
import { trailBucketStatements, trailLogObjects } from "../../components/aws/trail-bucket-policy";

const BUCKET = "arn:aws:s3:::acme-prod-audit-archive";
const TRAIL = "arn:aws:cloudtrail:eu-west-1:111111111111:trail/acme-prod-trail";
const ORG_BUCKET = "arn:aws:s3:::acme-org-log-archive";
const ORG_TRAIL = "arn:aws:cloudtrail:eu-west-1:000000000000:trail/acme-org-organization-trail";
const aclCheck = (bucket: string, trail: string) => ({
    Sid: "CloudTrailAclCheck",
    Effect: "Allow",
    Principal: { Service: "cloudtrail.amazonaws.com" },
    Action: "s3:GetBucketAcl",
    Resource: bucket,
    Condition: { StringEquals: { "aws:SourceArn": trail } },
});

describe("aws/trail-bucket-policy.ts (CloudTrail's statements of a log bucket)", () => {
    it("the platform's account trail: ACL check and a write under cloudtrail/AWSLogs/<account>/ only (the documents as before the extraction)", () => {
        const statements = trailBucketStatements({ bucketArn: BUCKET, trailArn: TRAIL, writeSid: "CloudTrailWrite", logOwners: ["111111111111"], keyPrefix: "cloudtrail" });
        assert.equal(JSON.stringify(statements), JSON.stringify([aclCheck(BUCKET, TRAIL), {
            Sid: "CloudTrailWrite",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: `${BUCKET}/cloudtrail/AWSLogs/111111111111/*`,
            Condition: { StringEquals: { "aws:SourceArn": TRAIL, "s3:x-amz-acl": "bucket-owner-full-control" } },
        }]));
    });

    it("the organization trail: writes under AWSLogs/<management account>/ and AWSLogs/<organization id>/ (no key prefix)", () => {
        const statements = trailBucketStatements({ bucketArn: ORG_BUCKET, trailArn: ORG_TRAIL, writeSid: "OrganizationTrailWrite", logOwners: ["000000000000", "o-a1b2c3d4e5"] });
        assert.equal(JSON.stringify(statements), JSON.stringify([aclCheck(ORG_BUCKET, ORG_TRAIL), {
            Sid: "OrganizationTrailWrite",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: [`${ORG_BUCKET}/AWSLogs/000000000000/*`, `${ORG_BUCKET}/AWSLogs/o-a1b2c3d4e5/*`],
            Condition: { StringEquals: { "aws:SourceArn": ORG_TRAIL, "s3:x-amz-acl": "bucket-owner-full-control" } },
        }]));
    });

    it("log objects: one owner is one string, several a list; the key prefix comes before AWSLogs", () => {
        assert.equal(trailLogObjects("arn:aws:s3:::b", ["1"]), "arn:aws:s3:::b/AWSLogs/1/*");
        assert.equal(trailLogObjects("arn:aws:s3:::b", ["1"], "p"), "arn:aws:s3:::b/p/AWSLogs/1/*");
        assert.deepEqual(trailLogObjects("arn:aws:s3:::b", ["1", "o-x"]), ["arn:aws:s3:::b/AWSLogs/1/*", "arn:aws:s3:::b/AWSLogs/o-x/*"]);
    });
});
