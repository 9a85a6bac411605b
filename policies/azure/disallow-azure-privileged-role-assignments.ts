import { resourcePolicy } from "../lib/define";
import { list } from "../lib/props";

/** Owner, Contributor and User Access Administrator role definition ids (built-in, the same in every tenant). */
const PRIVILEGED: Record<string, string> = {
    "8e3af657-a8ff-443c-a75c-2fe8c4bcb635": "Owner",
    "b24988ac-6180-42a0-ab88-20f7382dd24c": "Contributor",
    "18d7d88d-d35e-4fb5-a5c3-7773c6a72d9c": "User Access Administrator",
};

/** Identities get data-plane or scoped roles, never Owner/Contributor; custom roles list their actions. */
export const policy = resourcePolicy({
    name: "disallow-azure-privileged-role-assignments",
    description: "Role assignments must not grant Owner, Contributor or User Access Administrator; custom roles must not allow \"*\" actions.",
    metadata: {
        cloud: "azure", service: "authorization", severity: "critical", topic: "security", principle: "least-privilege",
        remediation: "assign a narrower built-in role (AcrPull, Storage Blob Data Contributor, Key Vault Secrets User...) at the resource scope",
        checkov: ["CKV_AZURE_39"],
        resourceTypes: ["azure-native:authorization:RoleAssignment", "azure-native:authorization:RoleDefinition"],
    },
    validate: (props, args, report) => {
        if (args.type === "azure-native:authorization:RoleDefinition") {
            for (const permission of list(props.permissions)) {
                if (list<string>(permission.actions).includes("*")) report("the custom role allows \"*\" actions.");
            }
            return;
        }
        const id = String(props.roleDefinitionId ?? "").split("/").pop()!.toLowerCase();
        if (PRIVILEGED[id]) report(`the assignment grants ${PRIVILEGED[id]}.`);
    },
});
