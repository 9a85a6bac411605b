import { stackPolicy } from "../lib/define";
import { DATABASE_TYPES, databaseUnits } from "../lib/databases";

/** The read-replicas layout serves reads from replicas: each primary has the replicas it promises. */
export const policy = stackPolicy({
    name: "require-read-replicas",
    description: "With the read-replicas layout, every database primary must have at least `readReplicas` read replicas in the stack (readReplicas comes from the stack: database.replicas when the layout is read-replicas, else 0).",
    metadata: {
        cloud: "stack", service: "databases", severity: "high", topic: "availability", principle: "read-replicas",
        remediation: "create the replicas of database.replicas (replicateSourceDb / createMode Replica / masterInstanceName) in the stack",
        checkov: [],
        resourceTypes: DATABASE_TYPES,
        covers: ["aws", "azure", "gcp"],
    },
    configSchema: { properties: { readReplicas: { type: "integer", minimum: 0, default: 0 } } },
    validate: (resources, args, report) => {
        const wanted = args.getConfig<{ readReplicas?: number }>().readReplicas ?? 0;
        if (wanted < 1) return;
        for (const unit of databaseUnits(resources)) {
            if (unit.replicas < wanted) report(`database ${unit.resource.name} has ${unit.replicas} read replica(s), the layout needs ${wanted}.`, unit.resource.urn);
        }
    },
});
