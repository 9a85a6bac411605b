import { resourcePolicy } from "../lib/define";
import type { Props } from "../lib/define";
import { jsonDocument, list } from "../lib/props";

const TYPES = ["aws:s3/bucketPolicy:BucketPolicy", "aws:sqs/queuePolicy:QueuePolicy", "aws:ecr/repositoryPolicy:RepositoryPolicy"];
/** Deny statements on these actions for everyone lock even the account out of the bucket policy. */
const LOCKOUT_ACTIONS = ["s3:PutBucketPolicy", "s3:*BucketPolicy", "s3:Put*", "s3:*", "*"];

const isEveryone = (principal: unknown): boolean =>
    principal === "*" || (typeof principal === "object" && principal !== null && list<string>((principal as Props).AWS).includes("*"));

/** What is wrong with a resource policy document. */
export function resourcePolicyProblems(document: Props | undefined): string[] {
    const problems: string[] = [];
    for (const s of list(document?.Statement)) {
        const actions = list<string>(s.Action);
        if (s.Effect === "Allow" && isEveryone(s.Principal) && s.Condition === undefined) problems.push(`statement ${s.Sid ?? "(no Sid)"} allows any principal without a condition`);
        if (s.Effect === "Allow" && actions.some((a) => a === "*" || a === "sqs:*" || a === "s3:*" || a === "ecr:*")) problems.push(`statement ${s.Sid ?? "(no Sid)"} allows all actions (${actions.join(", ")})`);
        if (s.Effect === "Deny" && isEveryone(s.Principal) && s.Condition === undefined && s.NotAction === undefined && actions.some((a) => LOCKOUT_ACTIONS.includes(a))) {
            problems.push(`statement ${s.Sid ?? "(no Sid)"} denies everyone ${actions.join(", ")} without a condition (locks out the account)`);
        }
    }
    return problems;
}

/** Bucket, queue and repository policies never open to everyone, never grant every action, never lock the account out. */
export const policy = resourcePolicy({
    name: "disallow-public-resource-policies",
    description: "S3 bucket, SQS queue and ECR repository policies must not allow any principal without a condition, must not allow all actions, and must not deny everyone the policy actions.",
    metadata: {
        cloud: "aws", service: "iam", severity: "critical", topic: "security", principle: "no-public-data-endpoints",
        remediation: "name the account's roles or service principals with an aws:SourceArn/aws:SourceAccount condition, list the actions needed, and scope Deny statements with a condition (e.g. aws:SecureTransport false)",
        checkov: ["CKV_AWS_32", "CKV_AWS_70", "CKV_AWS_72", "CKV_AWS_93", "CKV_AWS_168", "CKV_AWS_387"],
        resourceTypes: TYPES,
    },
    validate: (props, _args, report) => {
        for (const problem of resourcePolicyProblems(jsonDocument(props.policy))) report(`${problem}.`);
    },
});
