import { resourcePolicy } from "../lib/define";
import { jsonDocument, list } from "../lib/props";

const BASIC = ["roles/owner", "roles/editor"];
const MEMBER_TYPES = [
    "gcp:projects/iAMMember:IAMMember", "gcp:projects/iAMBinding:IAMBinding",
    "gcp:folder/iAMMember:IAMMember", "gcp:folder/iAMBinding:IAMBinding",
    "gcp:organizations/iAMMember:IAMMember", "gcp:organizations/iAMBinding:IAMBinding",
];
const POLICY_TYPES = ["gcp:projects/iAMPolicy:IAMPolicy", "gcp:folder/iAMPolicy:IAMPolicy", "gcp:organizations/iAMPolicy:IAMPolicy"];

/** Grants use predefined or custom roles, never the basic Owner/Editor roles. */
export const policy = resourcePolicy({
    name: "disallow-gcp-basic-roles",
    description: "IAM grants on projects, folders and the organization must not use roles/owner or roles/editor.",
    metadata: {
        cloud: "gcp", service: "iam", severity: "critical", topic: "security", principle: "least-privilege",
        remediation: "grant the predefined role that covers the need (roles/cloudsql.client, roles/storage.objectUser, ...) at the narrowest scope",
        checkov: ["CKV_GCP_42", "CKV_GCP_117"],
        resourceTypes: [...MEMBER_TYPES, ...POLICY_TYPES],
    },
    validate: (props, args, report) => {
        const roles = POLICY_TYPES.includes(args.type)
            ? list(jsonDocument(props.policyData)?.bindings).map((b) => b.role)
            : [props.role];
        for (const role of roles.filter((r) => BASIC.includes(r))) report(`grants the basic role ${role}.`);
    },
});
