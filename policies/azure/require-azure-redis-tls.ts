import { resourcePolicy } from "../lib/define";

/** The cache listens on its TLS port only. */
export const policy = resourcePolicy({
    name: "require-azure-redis-tls",
    description: "Azure Cache for Redis must disable the non-TLS port and require TLS 1.2.",
    metadata: {
        cloud: "azure", service: "redis", severity: "high", topic: "security", principle: "encryption-in-transit",
        remediation: "set enableNonSslPort false and minimumTlsVersion 1.2",
        checkov: ["CKV_AZURE_91", "CKV_AZURE_148"],
        resourceTypes: ["azure-native:redis:Redis"],
    },
    validate: (props, _args, report) => {
        if (props.enableNonSslPort === true) report("the non-TLS port is enabled.");
        if (!["1.2", "1.3"].includes(props.minimumTlsVersion)) report(`minimumTlsVersion is ${props.minimumTlsVersion ?? "unset"}, needs 1.2.`);
    },
});
