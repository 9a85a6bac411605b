import { resourcePolicy } from "../lib/define";

const REDUNDANT = ["ZRS", "GZRS", "RAGZRS", "GRS", "RAGRS"];

/** Data survives a zone (ZRS) or a region (GZRS) failure. */
export const policy = resourcePolicy({
    name: "require-azure-storage-redundancy",
    description: "Storage accounts must be zone- or geo-redundant (ZRS, GZRS, RA-GZRS; GRS allowed).",
    metadata: {
        cloud: "azure", service: "storage", severity: "high", topic: "availability", principle: "redundant-storage",
        remediation: "set sku.name Standard_ZRS (storage.redundancy zone) or Standard_GZRS (geo)",
        checkov: ["CKV_AZURE_206"],
        resourceTypes: ["azure-native:storage:StorageAccount"],
    },
    validate: (props, _args, report) => {
        const sku = String(props.sku?.name ?? "");
        if (!REDUNDANT.includes(sku.split("_")[1] ?? "")) report(`sku.name is ${sku || "unset"} (not zone/geo-redundant).`);
    },
});
