import * as dbforpostgresql from "@pulumi/azure-native/dbforpostgresql";
import * as pulumi from "@pulumi/pulumi";
import type { DatabaseOutputs, ShardEndpoints, StackContext } from "../core/contracts";
import { layoutShape } from "../core/data-layout";
import { childName } from "../core/naming";
import { sizeFor } from "../core/sizes";
import { deletionLock } from "./locks";

export const POSTGRES_PORT = 5432;

/** Flexible Server storage sizes (GiB): the configured size is rounded up to the next one. */
export const FLEXIBLE_STORAGE_SIZES_GB = [32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32767];

export function flexibleStorageGb(requested: number): number {
    return FLEXIBLE_STORAGE_SIZES_GB.find((size) => size >= requested) ?? FLEXIBLE_STORAGE_SIZES_GB[FLEXIBLE_STORAGE_SIZES_GB.length - 1];
}

/** Server parameters every server gets (TLS enforced, TLS 1.2 at least). Applied one after another: Azure serialises them. */
export const SERVER_PARAMETERS: Record<string, string> = {
    require_secure_transport: "ON",
    ssl_min_protocol_version: "TLSv1.2",
};

export interface DatabaseArgs {
    ctx: StackContext;
    resourceGroupName: pulumi.Input<string>;
    /** The platform's subnet delegated to `Microsoft.DBforPostgreSQL/flexibleServers`. */
    delegatedSubnetId: pulumi.Input<string>;
    /** The platform's `privatelink.postgres.database.azure.com` zone. */
    privateDnsZoneId: pulumi.Input<string>;
    tenantId: pulumi.Input<string>;
    /** The Entra principal the application logs in as (exported as the credentials reference). */
    loginPrincipal: pulumi.Input<string>;
}

export interface ServerResult {
    server: dbforpostgresql.Server;
    /** The last operation on the server (its parameters), for what must come after. */
    ready: pulumi.Resource;
    /**
     * A primary's other operations after `ready`: its database and its replicas' creation. Azure runs
     * one operation per server at a time, so what changes the server later (its administrators)
     * waits for all of them.
     */
    settled: pulumi.Resource[];
}

export interface DatabaseResult {
    outputs: DatabaseOutputs;
    primaries: ServerResult[];
    replicas: ServerResult[];
    /** Physical names of the primaries (where the Entra principal is added). */
    primaryNames: string[];
}

/**
 * The domain's PostgreSQL Flexible Server(s), per data layout: `single` / `per-domain` one primary,
 * `read-replicas` a primary and N `createMode: Replica` readers, `sharded` N primaries each with the
 * configured readers. Private access only (delegated subnet + private DNS zone), Entra
 * authentication with password auth off, TLS enforced, zone-redundant HA and geo-redundant backup
 * in prod, protect + a CanNotDelete lock when deletion protection is on.
 */
export class Database extends pulumi.ComponentResource {
    readonly result: DatabaseResult;

    constructor(name: string, args: DatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:azure:Database", name, {}, opts);
        this.result = createDatabase(name, this, args);
        this.registerOutputs({ primaryEndpoint: this.result.outputs.primaryEndpoint, shards: this.result.outputs.shards.length });
    }
}

export function createDatabase(name: string, parent: pulumi.Resource, args: DatabaseArgs): DatabaseResult {
    const { ctx } = args;
    const db = ctx.config.database;
    const size = sizeFor("azure", db.size);
    const zones = ["1", "2", "3"].slice(0, ctx.config.network.zones);
    const { shards: shardCount, replicas: replicasPerShard } = layoutShape(db);
    const highAvailability = db.highAvailability && zones.length > 1;
    const protect = ctx.config.protectStateful;
    const network = {
        delegatedSubnetResourceId: args.delegatedSubnetId,
        privateDnsZoneArmResourceId: args.privateDnsZoneId,
        publicNetworkAccess: "Disabled",
    };
    const sku = { name: size.database, tier: size.databaseTier ?? "GeneralPurpose" };
    const storage = { storageSizeGB: flexibleStorageGb(db.storageGb), autoGrow: "Enabled" };

    const parameters = (serverName: string, server: dbforpostgresql.Server, label: string): pulumi.Resource => {
        let previous: pulumi.Resource = server;
        for (const [parameter, value] of Object.entries(SERVER_PARAMETERS)) {
            previous = new dbforpostgresql.Configuration(childName(name, label, parameter.replace(/_/g, "-")), {
                resourceGroupName: args.resourceGroupName,
                serverName,
                configurationName: parameter,
                value,
                source: "user-override",
            }, { parent, dependsOn: [previous] });
        }
        return previous;
    };
    const lock = (label: string, server: dbforpostgresql.Server, serverName: string) => {
        if (db.deletionProtection) deletionLock(childName(name, label), parent, server.id, `PostgreSQL server ${serverName}`);
    };

    const primaries: ServerResult[] = [];
    const replicas: ServerResult[] = [];
    const primaryNames: string[] = [];
    const shards: ShardEndpoints[] = [];
    const usedZones = new Set<string>();

    for (let s = 0; s < shardCount; s++) {
        const shardLabel = shardCount > 1 ? `shard${s}` : "primary";
        const serverName = ctx.naming.physical("azure.postgresServer", shardCount > 1 ? `pg-s${s}` : "pg");
        const zone = zones[s % zones.length];
        const standbyZone = zones[(s + 1) % zones.length];
        usedZones.add(zone);
        if (highAvailability) usedZones.add(standbyZone);
        const server = new dbforpostgresql.Server(childName(name, shardLabel), {
            resourceGroupName: args.resourceGroupName,
            serverName,
            version: db.engineVersion,
            createMode: "Create",
            sku,
            storage,
            availabilityZone: zone,
            highAvailability: highAvailability
                ? { mode: "ZoneRedundant", standbyAvailabilityZone: standbyZone }
                : { mode: "Disabled" },
            backup: {
                backupRetentionDays: db.backupDays,
                geoRedundantBackup: ctx.config.environment === "prod" ? "Enabled" : "Disabled",
            },
            network,
            authConfig: { activeDirectoryAuth: "Enabled", passwordAuth: "Disabled", tenantId: args.tenantId },
            tags: { ...ctx.tags, "data-role": "primary", shard: String(s) },
        }, {
            parent,
            protect,
            // After a failover Azure swaps the primary and standby zones; do not fight it.
            ignoreChanges: ["availabilityZone", "highAvailability.standbyAvailabilityZone"],
        });
        const ready = parameters(serverName, server, shardLabel);
        const database = new dbforpostgresql.Database(childName(name, shardLabel, "db"), {
            resourceGroupName: args.resourceGroupName,
            serverName,
            databaseName: databaseNameOf(ctx),
            charset: "UTF8",
            collation: "en_US.utf8",
        }, { parent, dependsOn: [ready] });
        lock(shardLabel, server, serverName);
        const primary: ServerResult = { server, ready, settled: [database] };
        primaries.push(primary);
        primaryNames.push(serverName);

        const readers: pulumi.Output<string>[] = [];
        for (let r = 0; r < replicasPerShard; r++) {
            const replicaLabel = shardCount > 1 ? `${shardLabel}-replica${r}` : `replica${r}`;
            const replicaName = ctx.naming.physical("azure.postgresServer", shardCount > 1 ? `pg-s${s}-r${r}` : `pg-r${r}`);
            const replicaZone = zones[(s + 1 + r) % zones.length];
            usedZones.add(replicaZone);
            const replica = new dbforpostgresql.Server(childName(name, replicaLabel), {
                resourceGroupName: args.resourceGroupName,
                serverName: replicaName,
                createMode: "Replica",
                sourceServerResourceId: server.id,
                sku,
                storage,
                availabilityZone: replicaZone,
                network,
                tags: { ...ctx.tags, "data-role": "replica", shard: String(s) },
            }, { parent, protect, dependsOn: [ready] });
            primary.settled.push(replica);
            replicas.push({ server: replica, ready: parameters(replicaName, replica, replicaLabel), settled: [] });
            lock(replicaLabel, replica, replicaName);
            readers.push(replica.fullyQualifiedDomainName);
        }
        shards.push({ index: s, writer: server.fullyQualifiedDomainName, readers });
    }

    return {
        primaries,
        replicas,
        primaryNames,
        outputs: {
            layout: db.layout,
            engineVersion: db.engineVersion,
            port: POSTGRES_PORT,
            databaseName: databaseNameOf(ctx),
            primaryEndpoint: shards[0].writer,
            readerEndpoints: shards[0].readers,
            shards,
            credentials: { kind: "azure-entra-id", reference: pulumi.output(args.loginPrincipal) },
            zones: [...usedZones].sort(),
        },
    };
}

/** The application database on each primary: the domain's name. */
export function databaseNameOf(ctx: StackContext): string {
    return ctx.config.domain ?? "app";
}
