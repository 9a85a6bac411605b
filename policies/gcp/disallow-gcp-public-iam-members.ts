import { resourcePolicy } from "../lib/define";
import { list } from "../lib/props";

const PUBLIC = ["allUsers", "allAuthenticatedUsers"];

/** No data resource grants a role to everyone. */
export const policy = resourcePolicy({
    name: "disallow-gcp-public-iam-members",
    description: "IAM bindings on buckets, topics, subscriptions, repositories and KMS keys must not grant roles to allUsers or allAuthenticatedUsers.",
    metadata: {
        cloud: "gcp", service: "iam", severity: "critical", topic: "security", principle: "no-public-data-endpoints",
        remediation: "grant the role to the workload's service account (or a group), never allUsers/allAuthenticatedUsers",
        checkov: ["CKV_GCP_28", "CKV_GCP_99", "CKV_GCP_101", "CKV_GCP_112", "CKV_GCP_113"],
        resourceTypes: [
            "gcp:storage/bucketIAMMember:BucketIAMMember", "gcp:storage/bucketIAMBinding:BucketIAMBinding",
            "gcp:pubsub/topicIAMMember:TopicIAMMember", "gcp:pubsub/topicIAMBinding:TopicIAMBinding",
            "gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember", "gcp:pubsub/subscriptionIAMBinding:SubscriptionIAMBinding",
            "gcp:artifactregistry/repositoryIamMember:RepositoryIamMember", "gcp:artifactregistry/repositoryIamBinding:RepositoryIamBinding",
            "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", "gcp:kms/cryptoKeyIAMBinding:CryptoKeyIAMBinding",
        ],
    },
    validate: (props, _args, report) => {
        const members = [...list<string>(props.member), ...list<string>(props.members)];
        const open = members.filter((m) => PUBLIC.includes(m));
        if (open.length) report(`${props.role ?? "a role"} is granted to ${open.join(", ")}.`);
    },
});
