import { resourcePolicy } from "../lib/define";

/** Clients sign in with Microsoft Entra ID (an access policy assignment), never a shared access key. */
export const policy = resourcePolicy({
    name: "disallow-azure-managed-redis-access-keys",
    description: "Azure Managed Redis databases must disable access key authentication (Microsoft Entra ID only).",
    metadata: {
        cloud: "azure", service: "redisenterprise", severity: "high", topic: "security", principle: "workload-identity",
        remediation: "set accessKeysAuthentication Disabled on the database and grant the workload an access policy assignment",
        checkov: [],
        resourceTypes: ["azure-native:redisenterprise:Database"],
    },
    validate: (props, _args, report) => {
        if (props.accessKeysAuthentication !== "Disabled") report(`accessKeysAuthentication is ${props.accessKeysAuthentication ?? "unset"}.`);
    },
});
