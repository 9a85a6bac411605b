import { resourcePolicy } from "../lib/define";

/** Producers and consumers use their Entra workload identity, not SAS keys. */
export const policy = resourcePolicy({
    name: "disallow-azure-service-bus-local-auth",
    description: "Service Bus namespaces must disable local (SAS key) authentication.",
    metadata: {
        cloud: "azure", service: "servicebus", severity: "high", topic: "security", principle: "workload-identity",
        remediation: "set disableLocalAuth true and grant the workload identity Azure Service Bus Data Sender/Receiver",
        checkov: ["CKV_AZURE_203"],
        resourceTypes: ["azure-native:servicebus:Namespace"],
    },
    validate: (props, _args, report) => {
        if (props.disableLocalAuth !== true) report("disableLocalAuth is not true.");
    },
});
