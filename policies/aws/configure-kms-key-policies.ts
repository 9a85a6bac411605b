import { resourcePolicy } from "../lib/define";
import { jsonDocument, list } from "../lib/props";

/** Keys are enabled and their policies name principals: the account root, roles or services, never everyone. */
export const policy = resourcePolicy({
    name: "configure-kms-key-policies",
    description: "KMS keys must be enabled and their key policy must not allow any principal (\"*\") without a condition.",
    metadata: {
        cloud: "aws", service: "kms", severity: "critical", topic: "security", principle: "least-privilege",
        remediation: "name the account root (administration through IAM) or service principals with aws:SourceAccount in the key policy, and keep isEnabled true",
        checkov: ["CKV_AWS_33", "CKV_AWS_227"],
        resourceTypes: ["aws:kms/key:Key"],
    },
    validate: (props, _args, report) => {
        if (props.isEnabled === false) report("the key is disabled.");
        for (const s of list(jsonDocument(props.policy)?.Statement)) {
            const principal = s.Principal;
            const everyone = principal === "*" || list<string>(principal?.AWS).includes("*");
            if (s.Effect === "Allow" && everyone && s.Condition === undefined) report(`key policy statement ${s.Sid ?? "(no Sid)"} allows any principal.`);
        }
    },
});
