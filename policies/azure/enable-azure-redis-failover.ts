import { list } from "../lib/props";
import { resourcePolicy } from "../lib/define";

/** A replica takes over on failure; on Premium the nodes spread over zones. */
export const policy = resourcePolicy({
    name: "enable-azure-redis-failover",
    description: "Azure Cache for Redis must have a replica (Standard or Premium, not Basic); Premium caches must span >= 2 zones.",
    metadata: {
        cloud: "azure", service: "redis", severity: "high", topic: "availability", principle: "cache-failover",
        remediation: "use sku Standard or Premium (cache.size); on Premium set zones to >= 2 zones or zonalAllocationPolicy Automatic",
        checkov: ["CKV_AZURE_230"],
        resourceTypes: ["azure-native:redis:Redis"],
    },
    validate: (props, _args, report) => {
        const sku = props.sku?.name;
        if (sku === "Basic") report("sku Basic has no replica.");
        if (sku === "Premium" && list(props.zones).length < 2 && props.zonalAllocationPolicy !== "Automatic") {
            report("the Premium cache does not span >= 2 zones.");
        }
    },
});
