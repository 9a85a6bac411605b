import type { Cloud, Size } from "./config/types";

/**
 * The one table that maps the cloud-neutral `size` to each cloud's machine, database and cache
 * tiers. Components look sizes up here; nothing else spells an instance type.
 */
export interface SizeEntry {
    /** Kubernetes worker node machine type. */
    node: string;
    /** PostgreSQL instance class / SKU / tier. */
    database: string;
    /** Azure Flexible Server SKU tier that goes with `database` (Burstable, GeneralPurpose, MemoryOptimized). */
    databaseTier?: string;
    /** Redis node type / SKU (Azure Managed Redis: a Balanced SKU; absent where the cloud sizes caches by capacity only). */
    cache?: string;
    /** Redis capacity where the cloud sizes caches by number (Azure family capacity, GCP memory in GB). */
    cacheCapacity?: number;
}

export const sizeTable: Record<Cloud, Record<Size, SizeEntry>> = {
    aws: {
        small: { node: "m7i.large", database: "db.t4g.medium", cache: "cache.t4g.small" },
        medium: { node: "m7i.xlarge", database: "db.r7g.large", cache: "cache.r7g.large" },
        large: { node: "m7i.2xlarge", database: "db.r7g.2xlarge", cache: "cache.r7g.xlarge" },
    },
    azure: {
        small: { node: "Standard_D2s_v5", database: "Standard_B2ms", databaseTier: "Burstable", cache: "Balanced_B1" },
        medium: { node: "Standard_D4s_v5", database: "Standard_D4ds_v5", databaseTier: "GeneralPurpose", cache: "Balanced_B5" },
        large: { node: "Standard_D8s_v5", database: "Standard_E8ds_v5", databaseTier: "MemoryOptimized", cache: "Balanced_B10" },
    },
    gcp: {
        small: { node: "e2-standard-2", database: "db-custom-2-7680", cacheCapacity: 1 },
        medium: { node: "n2-standard-4", database: "db-custom-4-16384", cacheCapacity: 5 },
        large: { node: "n2-standard-8", database: "db-custom-8-32768", cacheCapacity: 16 },
    },
};

export function sizeFor(cloud: Cloud, size: Size): SizeEntry {
    return sizeTable[cloud][size];
}
