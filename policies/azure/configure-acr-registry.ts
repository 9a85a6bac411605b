import { resourcePolicy } from "../lib/define";

/** Premium registries: Defender scanning tier, untagged manifests expire, zone-redundant, dedicated data endpoints. */
export const policy = resourcePolicy({
    name: "configure-acr-registry",
    description: "Container registries must use a Standard or Premium SKU (Defender scanning), expire untagged manifests, be zone-redundant and use dedicated data endpoints.",
    metadata: {
        cloud: "azure", service: "containerregistry", severity: "medium", topic: "security", principle: "registry-scanning-immutable-tags",
        remediation: "use sku Premium with policies.retentionPolicy { status: enabled, days }, zoneRedundancy Enabled and dataEndpointEnabled true",
        checkov: ["CKV_AZURE_163", "CKV_AZURE_167", "CKV_AZURE_233", "CKV_AZURE_237"],
        resourceTypes: ["azure-native:containerregistry:Registry"],
    },
    validate: (props, _args, report) => {
        const sku = props.sku?.name;
        if (sku !== "Standard" && sku !== "Premium") report(`sku ${sku ?? "unset"} is below Standard (no Defender image scanning).`);
        if (props.policies?.retentionPolicy?.status !== "enabled") report("untagged manifests are kept forever (policies.retentionPolicy is not enabled).");
        if (props.zoneRedundancy !== "Enabled") report(`zoneRedundancy is ${props.zoneRedundancy ?? "unset (Disabled)"}.`);
        if (props.dataEndpointEnabled !== true) report("dedicated data endpoints are off.");
    },
});
