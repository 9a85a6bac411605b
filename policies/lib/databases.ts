import type { PolicyResource } from "@pulumi/policy";
import { isSet } from "./props";

const AWS_INSTANCE = "aws:rds/instance:Instance";
const AWS_CLUSTER = "aws:rds/cluster:Cluster";
const AWS_CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
const AZURE_SERVER = "azure-native:dbforpostgresql:Server";
const GCP_INSTANCE = "gcp:sql/databaseInstance:DatabaseInstance";

export const DATABASE_TYPES = [AWS_INSTANCE, AWS_CLUSTER, AZURE_SERVER, GCP_INSTANCE];

export interface DatabaseUnit {
    resource: PolicyResource;
    /** Replicas of this primary found in the stack. */
    replicas: number;
    /** Whether the primary keeps a synchronous standby (or instances) in another zone. */
    multiZone: boolean;
}

function isReplica(r: PolicyResource): boolean {
    switch (r.type) {
        case AWS_INSTANCE: return isSet(r.props, "replicateSourceDb");
        case AZURE_SERVER: return r.props.createMode === "Replica";
        case GCP_INSTANCE: return isSet(r.props, "masterInstanceName");
        default: return false;
    }
}

const dependsOn = (r: PolicyResource, target: PolicyResource) => r.dependencies.some((d) => d.urn === target.urn);

/** The stack's database primaries with their replicas and zone redundancy. */
export function databaseUnits(resources: PolicyResource[]): DatabaseUnit[] {
    const databases = resources.filter((r) => DATABASE_TYPES.includes(r.type));
    const replicas = databases.filter(isReplica);
    return databases.filter((r) => !isReplica(r)).map((primary) => {
        if (primary.type === AWS_CLUSTER) {
            const instances = resources.filter((r) => r.type === AWS_CLUSTER_INSTANCE && dependsOn(r, primary)).length;
            return { resource: primary, replicas: Math.max(0, instances - 1), multiZone: instances >= 2 };
        }
        const own = replicas.filter((r) => dependsOn(r, primary)).length;
        const multiZone = primary.type === AWS_INSTANCE ? primary.props.multiAz === true
            : primary.type === AZURE_SERVER ? primary.props.highAvailability?.mode === "ZoneRedundant"
            : primary.props.settings?.availabilityType === "REGIONAL";
        return { resource: primary, replicas: own, multiZone };
    });
}
