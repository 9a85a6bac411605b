import { resourcePolicy } from "../lib/define";

/** The Standard tier runs a zone-redundant control plane with an uptime SLA. */
export const policy = resourcePolicy({
    name: "require-aks-standard-tier",
    description: "AKS clusters must use the Standard (or Premium) tier: zone-redundant control plane with uptime SLA.",
    metadata: {
        cloud: "azure", service: "containerservice", severity: "medium", topic: "availability", principle: "regional-clusters",
        remediation: "set sku { name: \"Base\", tier: \"Standard\" }",
        checkov: ["CKV_AZURE_170"],
        resourceTypes: ["azure-native:containerservice:ManagedCluster"],
    },
    validate: (props, _args, report) => {
        const tier = props.sku?.tier;
        if (tier !== "Standard" && tier !== "Premium") report(`sku.tier is ${tier ?? "unset (Free)"}.`);
    },
});
