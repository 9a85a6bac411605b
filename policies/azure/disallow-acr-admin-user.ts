import { resourcePolicy } from "../lib/define";

/** Clusters and pipelines pull and push with their managed identity, not the shared admin password. */
export const policy = resourcePolicy({
    name: "disallow-acr-admin-user",
    description: "Container registries must disable the admin user (a static shared credential).",
    metadata: {
        cloud: "azure", service: "containerregistry", severity: "high", topic: "security", principle: "workload-identity",
        remediation: "set adminUserEnabled false; grant AcrPull/AcrPush to the kubelet and pipeline identities",
        checkov: ["CKV_AZURE_137"],
        resourceTypes: ["azure-native:containerregistry:Registry"],
    },
    validate: (props, _args, report) => {
        if (props.adminUserEnabled === true) report("the admin user is enabled.");
    },
});
