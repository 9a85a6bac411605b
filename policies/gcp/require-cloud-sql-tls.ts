import { resourcePolicy } from "../lib/define";

const ENCRYPTED = ["ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"];

/** Connections to the database are TLS only. */
export const policy = resourcePolicy({
    name: "require-cloud-sql-tls",
    description: "Cloud SQL instances must accept encrypted connections only.",
    metadata: {
        cloud: "gcp", service: "sql", severity: "high", topic: "security", principle: "encryption-in-transit",
        remediation: "set settings.ipConfiguration.sslMode ENCRYPTED_ONLY",
        checkov: ["CKV_GCP_6"],
        resourceTypes: ["gcp:sql/databaseInstance:DatabaseInstance"],
    },
    validate: (props, _args, report) => {
        const mode = props.settings?.ipConfiguration?.sslMode;
        if (!ENCRYPTED.includes(mode)) report(`settings.ipConfiguration.sslMode is ${mode ?? "unset (unencrypted allowed)"}.`);
    },
});
