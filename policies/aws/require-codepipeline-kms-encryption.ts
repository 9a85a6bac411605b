import { resourcePolicy } from "../lib/define";
import { isSet, list } from "../lib/props";

/** Pipeline artifacts (source and build output) are encrypted with the domain's key. */
export const policy = resourcePolicy({
    name: "require-codepipeline-kms-encryption",
    description: "CodePipeline artifact stores must be encrypted with a customer-managed KMS key.",
    metadata: {
        cloud: "aws", service: "codepipeline", severity: "medium", topic: "security", principle: "encryption-at-rest",
        remediation: "set artifactStores[].encryptionKey { id: <the domain's KMS key ARN>, type: KMS }",
        checkov: ["CKV_AWS_219"],
        resourceTypes: ["aws:codepipeline/pipeline:Pipeline"],
    },
    validate: (props, _args, report) => {
        const stores = list(props.artifactStores);
        if (stores.length === 0) report("the pipeline has no artifact store.");
        stores.forEach((store, i) => {
            if (!isSet(store.encryptionKey, "id")) report(`artifact store ${i + 1} uses the AWS-managed key.`);
        });
    },
});
