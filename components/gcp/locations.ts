import { resolveStorage } from "../core/config/presets";
import type { Environment } from "../core/config/types";

/*
 * Where the landing zone creates resources, in the vocabulary of the resource locations
 * constraint (gcp.resourceLocations). Google's rules for its values: a region or a multi-region
 * named on its own allows only that location, not what lies inside it; `in:<region>-locations`
 * allows the region and its zones; multi-regions are locations of their own (`us`, `asia`,
 * `europe`, ...), and each service names its own: Cloud KMS `europe`, Cloud Storage `EU`
 * (checked as `eu`). Locations `global` are not subject to the constraint.
 */

/** The multi-region KMS location that contains `region` (`europe-west1` -> `europe`), if there is one. */
export function kmsMultiRegionOf(region: string): string | undefined {
    const area = region.split("-")[0];
    return ["europe", "us", "asia"].includes(area) ? area : undefined;
}

/** The multi-region that contains a region (GCS location codes), for geo-redundant buckets. */
export function storageMultiRegionOf(region: string): string | undefined {
    if (region.startsWith("europe-")) return "EU";
    if (region.startsWith("us-") || region.startsWith("northamerica-")) return "US";
    if (region.startsWith("asia-")) return "ASIA";
    return undefined;
}

/**
 * The environments whose storage is geo-redundant by default on gcp (their preset's
 * `storage.redundancy`; today prod): organization-gcp creates their multi-region key ring and
 * allows their multi-region. A platform or domain that turns geo on elsewhere is refused by its
 * platform (no geo key ring for the environment) rather than by the cloud at deploy time.
 */
export function geoEnvironments(environments: readonly Environment[]): Environment[] {
    return environments.filter((environment) => resolveStorage({ cloud: "gcp", environment }).redundancy === "geo");
}

/** The multi-region location names (as the constraint checks them) around `region`: KMS's and Cloud Storage's. */
export function multiRegionLocations(region: string): string[] {
    const names = [kmsMultiRegionOf(region), storageMultiRegionOf(region)?.toLowerCase()];
    return [...new Set(names.filter((n): n is string => n !== undefined))];
}

/**
 * The allowed values of gcp.resourceLocations: each allowed region with its zones, and, when an
 * environment keeps geo-redundant data, the multi-regions around those regions (the multi-region
 * alone, not the other regions inside it).
 */
export function resourceLocationValues(org: { allowedRegions: readonly string[]; environments: readonly Environment[] }): string[] {
    const regional = org.allowedRegions.map((region) => `in:${region}-locations`);
    const multi = geoEnvironments(org.environments).length > 0 ? org.allowedRegions.flatMap(multiRegionLocations) : [];
    return [...new Set([...regional, ...multi])];
}

/** Whether gcp.resourceLocations with these allowed values admits `location` (a region, zone or multi-region; any case). */
export function locationAllowed(location: string, values: readonly string[]): boolean {
    const loc = location.toLowerCase();
    if (loc === "global") return true;
    return values.some((value) => {
        const group = /^in:(.+)-locations$/.exec(value);
        if (!group) return value.toLowerCase() === loc;
        // A region's value group: the region and its zones (`europe-west1-b`).
        return loc === group[1] || (loc.startsWith(`${group[1]}-`) && /^[a-z]$/.test(loc.slice(group[1].length + 1)));
    });
}
