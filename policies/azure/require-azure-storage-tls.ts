import { resourcePolicy } from "../lib/define";

/** HTTPS only, TLS 1.2 or later. */
export const policy = resourcePolicy({
    name: "require-azure-storage-tls",
    description: "Storage accounts must accept HTTPS only with minimum TLS 1.2.",
    metadata: {
        cloud: "azure", service: "storage", severity: "high", topic: "security", principle: "encryption-in-transit",
        remediation: "set enableHttpsTrafficOnly true and minimumTlsVersion TLS1_2",
        checkov: ["CKV_AZURE_3", "CKV_AZURE_44"],
        resourceTypes: ["azure-native:storage:StorageAccount"],
    },
    validate: (props, _args, report) => {
        if (props.enableHttpsTrafficOnly === false) report("enableHttpsTrafficOnly is false.");
        if (!["TLS1_2", "TLS1_3"].includes(props.minimumTlsVersion)) report(`minimumTlsVersion is ${props.minimumTlsVersion ?? "unset"}, needs TLS1_2.`);
    },
});
