import { resourcePolicy } from "../lib/define";
import { isSet } from "../lib/props";

/** Workloads sign in with IAM database authentication; no password is an input. */
export const policy = resourcePolicy({
    name: "disallow-cloud-sql-passwords",
    description: "Cloud SQL instances and users must not take a password as an input; users authenticate through IAM.",
    metadata: {
        cloud: "gcp", service: "sql", severity: "critical", topic: "security", principle: "no-plaintext-secrets",
        remediation: "drop rootPassword/password; create users of type CLOUD_IAM_SERVICE_ACCOUNT and set the cloudsql.iam_authentication flag",
        checkov: [],
        resourceTypes: ["gcp:sql/databaseInstance:DatabaseInstance", "gcp:sql/user:User"],
    },
    validate: (props, args, report) => {
        const field = args.type === "gcp:sql/user:User" ? "password" : "rootPassword";
        if (isSet(props, field)) report(`${field} is set as an input.`);
        if (args.type === "gcp:sql/user:User" && !String(props.type ?? "BUILT_IN").startsWith("CLOUD_IAM")) {
            report(`user type is ${props.type ?? "BUILT_IN"} (password login), not CLOUD_IAM_SERVICE_ACCOUNT.`);
        }
    },
});
