import { resourcePolicy } from "../lib/define";

/** TLS 1.2 or later to the message broker. */
export const policy = resourcePolicy({
    name: "require-azure-service-bus-tls",
    description: "Service Bus namespaces must require TLS 1.2 or later.",
    metadata: {
        cloud: "azure", service: "servicebus", severity: "medium", topic: "security", principle: "encryption-in-transit",
        remediation: "set minimumTlsVersion 1.2",
        checkov: ["CKV_AZURE_205"],
        resourceTypes: ["azure-native:servicebus:Namespace"],
    },
    validate: (props, _args, report) => {
        if (!["1.2", "1.3"].includes(props.minimumTlsVersion)) report(`minimumTlsVersion is ${props.minimumTlsVersion ?? "unset"}, needs 1.2.`);
    },
});
