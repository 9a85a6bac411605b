import { stackPolicy } from "../lib/define";
import { DATABASE_TYPES, databaseUnits } from "../lib/databases";

/** A zone failure does not take the database down: every primary has a standby in another zone. */
export const policy = stackPolicy({
    name: "require-multi-zone-databases",
    description: "Every database primary must span >= 2 zones (RDS Multi-AZ or >= 2 Aurora instances, Azure zone-redundant HA, Cloud SQL REGIONAL).",
    metadata: {
        cloud: "stack", service: "databases", severity: "high", topic: "availability", principle: "multi-zone-databases",
        remediation: "set database.highAvailability true: multiAz (RDS), highAvailability.mode ZoneRedundant (Azure), settings.availabilityType REGIONAL (Cloud SQL)",
        checkov: ["CKV_AWS_157"],
        resourceTypes: DATABASE_TYPES,
        covers: ["aws", "azure", "gcp"],
    },
    validate: (resources, _args, report) => {
        for (const unit of databaseUnits(resources)) {
            if (!unit.multiZone) report(`database ${unit.resource.name} runs in a single zone.`, unit.resource.urn);
        }
    },
});
