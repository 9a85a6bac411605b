import { resourcePolicy } from "../lib/define";
import { isSet, list } from "../lib/props";

/** Kubernetes Secrets are envelope-encrypted with the landing zone's KMS key. */
export const policy = resourcePolicy({
    name: "require-eks-secrets-encryption",
    description: "EKS clusters must encrypt Kubernetes secrets with a customer-managed KMS key.",
    metadata: {
        cloud: "aws", service: "eks", severity: "high", topic: "security", principle: "encryption-at-rest",
        remediation: "set encryptionConfig { resources: [\"secrets\"], provider: { keyArn: <landing zone key> } }",
        checkov: ["CKV_AWS_58"],
        resourceTypes: ["aws:eks/cluster:Cluster"],
    },
    validate: (props, _args, report) => {
        const config = props.encryptionConfig;
        if (!config || !list<string>(config.resources).includes("secrets") || !isSet(config.provider, "keyArn")) {
            report("secrets are not encrypted with a KMS key (encryptionConfig).");
        }
    },
});
