import { UNKNOWN, res } from "../helpers";
import type { StackCase } from "./types";

const tags = { "landing-zone": "acme", environment: "prod", domain: "orders", owner: "orders-team", "managed-by": "pulumi" };

const rds = (name: string, inputs: Record<string, unknown>, dependsOn: ReturnType<typeof res>[] = []) =>
    res("aws:rds/instance:Instance", name, inputs, { dependsOn, protect: true });
const sql = (name: string, inputs: Record<string, unknown>, dependsOn: ReturnType<typeof res>[] = []) =>
    res("gcp:sql/databaseInstance:DatabaseInstance", name, inputs, { dependsOn, protect: true });
const pg = (name: string, inputs: Record<string, unknown>, dependsOn: ReturnType<typeof res>[] = []) =>
    res("azure-native:dbforpostgresql:Server", name, inputs, { dependsOn, protect: true });

export const stackCases: StackCase[] = [
    {
        policy: "require-multi-zone-databases",
        compliant: () => {
            const primary = rds("db", { multiAz: true });
            const cluster = res("aws:rds/cluster:Cluster", "aurora", {});
            return [primary, rds("db-replica-0", { replicateSourceDb: UNKNOWN, multiAz: false }, [primary]), cluster,
                res("aws:rds/clusterInstance:ClusterInstance", "aurora-0", {}, { dependsOn: [cluster] }), res("aws:rds/clusterInstance:ClusterInstance", "aurora-1", {}, { dependsOn: [cluster] }),
                pg("pg", { highAvailability: { mode: "ZoneRedundant" } }), sql("sql", { settings: { availabilityType: "REGIONAL" } })];
        },
        violations: [
            { name: "single-AZ RDS", resources: () => [rds("db", { multiAz: false })], expect: /database db runs in a single zone/ },
            { name: "one Aurora instance", resources: () => { const c = res("aws:rds/cluster:Cluster", "aurora", {}); return [c, res("aws:rds/clusterInstance:ClusterInstance", "aurora-0", {}, { dependsOn: [c] })]; }, expect: /aurora runs in a single zone/ },
            { name: "Azure without zone-redundant HA", resources: () => [pg("pg", { highAvailability: { mode: "Disabled" } })], expect: /pg runs in a single zone/ },
            { name: "Cloud SQL ZONAL", resources: () => [sql("sql", { settings: { availabilityType: "ZONAL" } })], expect: /sql runs in a single zone/ },
        ],
        unknown: [{ name: "multiAz unknown", resources: () => [rds("db", { multiAz: UNKNOWN })], expect: "deferred" }],
    },
    {
        policy: "require-read-replicas", config: { readReplicas: 2 },
        compliant: () => {
            const primary = sql("sql", { settings: {} });
            return [primary, sql("sql-r0", { masterInstanceName: UNKNOWN }, [primary]), sql("sql-r1", { masterInstanceName: UNKNOWN }, [primary])];
        },
        violations: [
            { name: "one replica of two", resources: () => { const p = rds("db", {}); return [p, rds("db-r0", { replicateSourceDb: UNKNOWN }, [p])]; }, expect: /db has 1 read replica\(s\), the layout needs 2/ },
            { name: "no replica", resources: () => [pg("pg", { createMode: "Create" })], expect: /pg has 0 read replica/ },
        ],
        unknown: [{ name: "createMode unknown", resources: () => [pg("pg", { createMode: UNKNOWN })], expect: "deferred" }],
    },
    {
        policy: "require-protect-on-stateful-resources",
        compliant: () => [rds("db", {}), res("gcp:storage/bucket:Bucket", "b", {}, { protect: true }), res("aws:iam/role:Role", "r", {})],
        violations: [
            { name: "bucket unprotected", resources: () => [res("gcp:storage/bucket:Bucket", "data", {})], expect: /Bucket data is not protected/ },
            { name: "queue unprotected", resources: () => [res("aws:sqs/queue:Queue", "orders", {})], expect: /Queue orders is not protected/ },
        ],
        unknown: [],
    },
    {
        policy: "require-standard-tags-in-prod", config: { environment: "prod" },
        compliant: () => {
            const provider = res("pulumi:providers:aws", "aws", { defaultTags: JSON.stringify({ tags }) });
            return [provider, res("aws:sqs/queue:Queue", "q", {}, { provider }), res("azure-native:storage:StorageAccount", "sa", { tags }), res("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "a", {})];
        },
        violations: [
            { name: "no provider defaults", resources: () => [res("aws:sqs/queue:Queue", "q", {})], expect: /q \(aws:sqs\/queue:Queue\) lacks landing-zone, environment, domain, owner, managed-by/ },
            { name: "dev tag in prod", resources: () => [res("azure-native:storage:StorageAccount", "sa", { tags: { ...tags, environment: "dev" } })], expect: /tagged environment=dev, not prod/ },
        ],
        unknown: [{ name: "tags unknown", resources: () => [res("azure-native:storage:StorageAccount", "sa", { tags: UNKNOWN })], expect: "deferred" }],
    },
];
