import { resourcePolicy } from "../lib/define";

/** The namespace has its own Entra identity (customer-managed keys, forwarding), never a shared key. */
export const policy = resourcePolicy({
    name: "require-azure-service-bus-identity",
    description: "Service Bus namespaces must have a managed identity.",
    metadata: {
        cloud: "azure", service: "servicebus", severity: "low", topic: "security", principle: "workload-identity",
        remediation: "set identity { type: SystemAssigned } (or UserAssigned with the identity's resource id)",
        checkov: ["CKV_AZURE_202"],
        resourceTypes: ["azure-native:servicebus:Namespace"],
    },
    validate: (props, _args, report) => {
        const type = String(props.identity?.type ?? "None");
        if (type === "None") report("the namespace has no managed identity.");
    },
});
