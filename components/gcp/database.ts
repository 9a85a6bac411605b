import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import type { DatabaseOutputs, ShardEndpoints } from "../core/contracts";
import { layoutShape } from "../core/data-layout";
import { childName } from "../core/naming";
import { sizeFor } from "../core/sizes";
import { domainLabels, domainZones, type GcpDomainArgs } from "./domain-platform";

export interface GcpDatabaseArgs extends GcpDomainArgs {
    /** E-mail of the workload's Google service account: created as the IAM database user (no password). */
    iamServiceAccountEmail: pulumi.Input<string>;
}

/** One primary (or replica) instance and where it was placed. */
export interface GcpSqlInstance {
    instance: gcp.sql.DatabaseInstance;
    zone: string;
    /** HA standby zone (REGIONAL primaries only). */
    secondaryZone?: string;
}

export interface GcpDatabaseResult {
    outputs: DatabaseOutputs;
    primaries: GcpSqlInstance[];
    replicas: GcpSqlInstance[][];
    /** Every instance name (primaries and replicas), for IAM conditions. */
    instanceNames: pulumi.Output<string>[];
}

/** Cloud SQL for PostgreSQL, every data layout. */
export class GcpDatabase extends pulumi.ComponentResource {
    readonly outputs: DatabaseOutputs;
    readonly instanceNames: pulumi.Output<string>[];

    constructor(name: string, args: GcpDatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:gcp:Database", name, {}, opts);
        const result = createDatabase(name, this, args);
        this.outputs = result.outputs;
        this.instanceNames = result.instanceNames;
        this.registerOutputs({ primaryEndpoint: result.outputs.primaryEndpoint, readerEndpoints: result.outputs.readerEndpoints });
    }
}

/**
 * PostgreSQL flags on every instance: IAM database authentication, and the CIS logging baseline
 * (connections, checkpoints, lock waits, temp files, DDL statements, pgAudit; statement durations off
 * so that query text with data does not reach the logs).
 */
export const DATABASE_FLAGS = [
    { name: "cloudsql.iam_authentication", value: "on" },
    { name: "cloudsql.enable_pgaudit", value: "on" },
    { name: "log_checkpoints", value: "on" },
    { name: "log_connections", value: "on" },
    { name: "log_disconnections", value: "on" },
    { name: "log_hostname", value: "on" },
    { name: "log_lock_waits", value: "on" },
    { name: "log_min_duration_statement", value: "-1" },
    { name: "log_min_error_statement", value: "error" },
    { name: "log_min_messages", value: "warning" },
    { name: "log_statement", value: "ddl" },
    { name: "log_temp_files", value: "0" },
];

/** Ignored on every instance: the disk only grows (diskAutoresize), never back to `diskSize`. */
export const DISK_SIZE_GROWS = ["settings.diskSize"];

export function createDatabase(name: string, parent: pulumi.Resource, args: GcpDatabaseArgs): GcpDatabaseResult {
    const { ctx, platform } = args;
    const db = ctx.config.database;
    const prod = ctx.config.environment === "prod";
    const zones = domainZones(ctx);
    const labels = domainLabels(ctx);
    const tier = sizeFor("gcp", db.size).database;
    const protect = ctx.config.protectStateful;
    const { shards: shardCount, replicas: replicaCount } = layoutShape(db);
    const databaseName = ctx.config.domain ?? "app";
    const encryptionKeyName = prod ? platform.dataKeyId : undefined;

    // Private IP on the Shared VPC only, TLS required from every client.
    const ipConfiguration = {
        ipv4Enabled: false,
        privateNetwork: platform.networkSelfLink,
        allocatedIpRange: platform.privateServicesRange,
        sslMode: "ENCRYPTED_ONLY",
        enablePrivatePathForGoogleCloudServices: false,
    };
    const common = {
        project: platform.project,
        region: ctx.config.region,
        databaseVersion: `POSTGRES_${db.engineVersion}`,
        deletionProtection: db.deletionProtection,
        encryptionKeyName,
    };
    // Settings of every instance; read replicas take no maintenance window (Cloud SQL ignores it on
    // a replica, so the provider would show a diff on every update).
    const instanceSettings = {
        tier,
        // db-custom tiers are Enterprise edition (Enterprise Plus is the default for PostgreSQL 16+).
        edition: "ENTERPRISE",
        diskType: "PD_SSD",
        diskSize: db.storageGb,
        diskAutoresize: true,
        deletionProtectionEnabled: db.deletionProtection,
        ipConfiguration,
        databaseFlags: DATABASE_FLAGS,
        insightsConfig: { queryInsightsEnabled: true, recordApplicationTags: true, recordClientAddress: false },
        userLabels: labels,
    };
    const maintenanceWindow = { day: 7, hour: 3, updateTrack: prod ? "stable" : "canary" };
    // The disk grows on its own (diskAutoresize): diskSize is only the starting size, and setting it
    // again on an update would try to shrink a grown disk (the provider's doc says to ignore it).
    const stateful = { parent, protect, ignoreChanges: DISK_SIZE_GROWS };

    const primaries: GcpSqlInstance[] = [];
    const replicas: GcpSqlInstance[][] = [];
    const shards: ShardEndpoints[] = [];
    const usedZones = new Set<string>();
    for (let s = 0; s < shardCount; s++) {
        const shardSuffix = db.layout === "sharded" ? [`s${s}`] : [];
        const zone = zones[s % zones.length];
        const secondaryZone = db.highAvailability && zones.length > 1 ? zones[(s + 1) % zones.length] : undefined;
        const primary = new gcp.sql.DatabaseInstance(childName(name, ...shardSuffix, "primary"), {
            ...common,
            name: ctx.naming.physical("gcp.sqlInstance", "pg", ...shardSuffix),
            settings: {
                ...instanceSettings,
                maintenanceWindow,
                availabilityType: db.highAvailability ? "REGIONAL" : "ZONAL",
                locationPreference: { zone, secondaryZone },
                backupConfiguration: {
                    enabled: true,
                    pointInTimeRecoveryEnabled: true,
                    startTime: "02:00",
                    transactionLogRetentionDays: Math.min(db.backupDays, 7),
                    backupRetentionSettings: { retainedBackups: db.backupDays, retentionUnit: "COUNT" },
                },
            },
        }, stateful);
        primaries.push({ instance: primary, zone, secondaryZone });
        usedZones.add(zone);
        if (secondaryZone) usedZones.add(secondaryZone);

        new gcp.sql.Database(childName(name, ...shardSuffix, "database"), {
            project: platform.project,
            instance: primary.name,
            name: databaseName,
        }, { parent, protect });
        new gcp.sql.User(childName(name, ...shardSuffix, "iam-user"), {
            project: platform.project,
            instance: primary.name,
            // Cloud SQL names an IAM service-account user by its e-mail without the domain suffix.
            name: pulumi.output(args.iamServiceAccountEmail).apply((email) => email.replace(/\.gserviceaccount\.com$/, "")),
            type: "CLOUD_IAM_SERVICE_ACCOUNT",
        }, { parent });

        const shardReplicas: GcpSqlInstance[] = [];
        for (let r = 0; r < replicaCount; r++) {
            // Each replica in a zone other than its primary's and its siblings' (as far as zones go).
            const replicaZone = zones[(s + 1 + r) % zones.length];
            const replica = new gcp.sql.DatabaseInstance(childName(name, ...shardSuffix, `replica${r}`), {
                ...common,
                name: ctx.naming.physical("gcp.sqlInstance", "pg", ...shardSuffix, `r${r}`),
                masterInstanceName: primary.name,
                settings: {
                    ...instanceSettings,
                    availabilityType: "ZONAL",
                    locationPreference: { zone: replicaZone },
                    backupConfiguration: { enabled: false },
                },
            }, stateful);
            shardReplicas.push({ instance: replica, zone: replicaZone });
            usedZones.add(replicaZone);
        }
        replicas.push(shardReplicas);
        shards.push({
            index: s,
            writer: primary.privateIpAddress,
            readers: shardReplicas.map((r) => r.instance.privateIpAddress),
        });
    }

    const instanceNames = [...primaries, ...replicas.flat()].map((i) => i.instance.name);
    return {
        primaries,
        replicas,
        instanceNames,
        outputs: {
            layout: db.layout,
            engineVersion: db.engineVersion,
            port: 5432,
            databaseName,
            primaryEndpoint: shards[0].writer,
            readerEndpoints: shards[0].readers,
            shards,
            credentials: {
                kind: "gcp-iam",
                reference: pulumi.output(args.iamServiceAccountEmail).apply((email) => email.replace(/\.gserviceaccount\.com$/, "")),
            },
            zones: [...usedZones],
        },
    };
}
