import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { DatabaseOutputs, ShardEndpoints, StackContext } from "../core/contracts";
import { layoutShape } from "../core/data-layout";
import { childName, type Naming } from "../core/naming";
import { sizeFor } from "../core/sizes";
import { serviceTrustPolicy } from "./iam";
import { partitionOf } from "./provider";

export const POSTGRES_PORT = 5432;
/** The database user the workload logs in as with IAM authentication (`GRANT rds_iam TO <user>`). */
export const IAM_DB_USER = "app";
/** The master user (its password is managed by RDS in Secrets Manager); only the database stage of the pipeline logs in as it. */
export const MASTER_USER = "dbadmin";
const PERFORMANCE_INSIGHTS_DAYS = 7;
/** Seconds between enhanced monitoring (OS metrics) samples. */
const MONITORING_INTERVAL = 60;

/** Where a domain's data services (database, cache) sit in the platform network, and their key. */
export interface DataPlacementArgs {
    ctx: StackContext;
    /** Zone names in order (`eu-west-1a`, ...): primaries and replicas are spread over them. */
    zones: string[];
    vpcId: pulumi.Input<string>;
    /** The platform's data-tier subnets. */
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** The cluster nodes' security group: the source admitted on the service's port. */
    nodeSecurityGroupId: pulumi.Input<string>;
    /** The domain worker's security group, when it reaches data: also admitted on the service's port. */
    workerSecurityGroupId?: pulumi.Input<string>;
    /** The platform network's CIDR (where admin jobs reach the service from). */
    vpcCidr: pulumi.Input<string>;
    /** The domain's KMS key ARN (storage, secrets, Performance Insights). */
    kmsKeyArn: pulumi.Input<string>;
}

export interface DatabaseArgs extends DataPlacementArgs {
    /**
     * The security group the admin jobs run behind when another account runs them (a domain in its
     * own account: the platform's database build, as `<account>/<group id>`). Without it the
     * domain creates the group (`clientSecurityGroup`).
     */
    adminSecurityGroupId?: pulumi.Input<string>;
}

/** One primary and its read replicas. */
export interface DatabaseShard {
    index: number;
    primary: aws.rds.Instance;
    replicas: aws.rds.Instance[];
}

export interface DatabaseResult {
    shards: DatabaseShard[];
    securityGroup: aws.ec2.SecurityGroup;
    /** Admin jobs (the pipeline's database stage) run behind this group; the database admits it (absent with `adminSecurityGroupId`). */
    clientSecurityGroup?: aws.ec2.SecurityGroup;
    subnetGroup: aws.rds.SubnetGroup;
    parameterGroup: aws.rds.ParameterGroup;
    /** The managed master secrets (one per primary): only the pipeline's database stage reads them. */
    secretArns: pulumi.Output<string>[];
    /** `rds-db:connect` ARNs of the IAM database user on every instance of the domain. */
    connectArns: pulumi.Output<string>[];
    outputs: DatabaseOutputs;
}

/**
 * The security group database admin jobs run behind (the pipeline's database stage): PostgreSQL
 * into the VPC, HTTPS out (AWS APIs, packages, the RDS CA bundle), nothing in. The database admits it.
 */
export function createAdminJobsSecurityGroup(name: string, opts: pulumi.CustomResourceOptions, args: {
    naming: Naming; description: string; vpcId: pulumi.Input<string>; vpcCidr: pulumi.Input<string>;
}): aws.ec2.SecurityGroup {
    return new aws.ec2.SecurityGroup(name, {
        name: args.naming.physical("aws.generic", "db", "admin-jobs"),
        description: args.description,
        vpcId: args.vpcId,
        ingress: [],
        egress: [
            { description: "PostgreSQL in the VPC", protocol: "tcp", fromPort: POSTGRES_PORT, toPort: POSTGRES_PORT, cidrBlocks: [args.vpcCidr] },
            { description: "HTTPS (AWS APIs, packages, RDS CA bundle)", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] },
        ],
    }, opts);
}

/** How many primaries and replicas per primary a layout gives (readers only with read-replicas and sharded). */
export function databaseShape(ctx: StackContext): { shards: number; replicas: number } {
    return layoutShape(ctx.config.database);
}

/**
 * The zone of each instance: a pinned primary sits in zone `shard`, its replicas in the following
 * zones, so the replicas of one primary land in distinct zones (up to the zone count).
 */
export function instanceZone(zones: string[], shard: number, replica?: number): string {
    return zones[(shard + (replica === undefined ? 0 : replica + 1)) % zones.length];
}

/** `arn:aws:rds-db:<region>:<account>:dbuser:<resource id>/<user>` of an instance. */
function connectArn(ctx: StackContext, instance: aws.rds.Instance): pulumi.Output<string> {
    return pulumi.all([instance.arn, instance.resourceId]).apply(([arn, resourceId]) =>
        arn && resourceId
            ? `arn:${partitionOf(ctx.config.region)}:rds-db:${ctx.config.region}:${arn.split(":")[4]}:dbuser:${resourceId}/${IAM_DB_USER}`
            : "");
}

/**
 * RDS PostgreSQL for every data layout, in the platform's data subnets, reachable only from the
 * cluster nodes: storage encrypted with the domain key, master password managed by AWS in Secrets
 * Manager (never in config or state), IAM database authentication, TLS forced by the parameter
 * group, backups for `database.backupDays`. `read-replicas` adds N replicas (`replicateSourceDb`)
 * spread over zones; `sharded` makes N primaries, each with its replicas; `single` and
 * `per-domain` are one primary owned by this domain's stack. Prod adds Multi-AZ, deletion
 * protection, a final snapshot, Performance Insights and `protect`.
 */
export function createDatabase(name: string, parent: pulumi.Resource, args: DatabaseArgs): DatabaseResult {
    const { ctx, zones } = args;
    const db = ctx.config.database;
    const prod = ctx.config.environment === "prod";
    const opts = { parent };
    const stateful = { parent, protect: ctx.config.protectStateful };
    // The environment preset turns both on in prod; an explicit `false` is honoured (and the
    // policy pack's mandatory prod rules then stop the preview), never silently overridden.
    const multiAz = db.highAvailability;
    const deletionProtection = db.deletionProtection;
    const instanceClass = sizeFor("aws", db.size).database;
    const shape = databaseShape(ctx);

    const subnetGroup = new aws.rds.SubnetGroup(childName(name, "subnets"), {
        name: ctx.naming.physical("aws.rdsIdentifier", "db"),
        description: "Data-tier subnets of the platform network",
        subnetIds: args.subnetIds,
    }, opts);
    const clientSecurityGroup = args.adminSecurityGroupId ? undefined : createAdminJobsSecurityGroup(childName(name, "clients-sg"), opts, {
        naming: ctx.naming, description: "Database admin jobs: PostgreSQL inside the VPC, HTTPS out", vpcId: args.vpcId, vpcCidr: args.vpcCidr,
    });
    const securityGroup = new aws.ec2.SecurityGroup(childName(name, "sg"), {
        name: ctx.naming.physical("aws.generic", "db"),
        // Unchanged since the admin jobs were admitted: a group's description is replace-only.
        description: "PostgreSQL: admits only the cluster nodes",
        vpcId: args.vpcId,
        ingress: [{
            description: "PostgreSQL from the cluster nodes and the admin jobs",
            protocol: "tcp",
            fromPort: POSTGRES_PORT,
            toPort: POSTGRES_PORT,
            securityGroups: [args.nodeSecurityGroupId, args.adminSecurityGroupId ?? clientSecurityGroup!.id],
        }, ...(args.workerSecurityGroupId ? [{
            description: "PostgreSQL from the domain worker",
            protocol: "tcp",
            fromPort: POSTGRES_PORT,
            toPort: POSTGRES_PORT,
            securityGroups: [args.workerSecurityGroupId],
        }] : [])],
        egress: [],
    }, opts);
    const parameterGroup = new aws.rds.ParameterGroup(childName(name, "params"), {
        name: ctx.naming.physical("aws.rdsIdentifier", "db", `pg${db.engineVersion}`),
        family: `postgres${db.engineVersion}`,
        description: "Forces TLS (1.2 or later) on every connection",
        parameters: [
            { name: "rds.force_ssl", value: "1", applyMethod: "pending-reboot" },
            { name: "ssl_min_protocol_version", value: "TLSv1.2", applyMethod: "pending-reboot" },
            { name: "password_encryption", value: "scram-sha-256", applyMethod: "immediate" },
        ],
    }, opts);

    // Enhanced monitoring publishes OS metrics through this role; RDS checks the role on create,
    // so the instances depend on the attachment (grant before use).
    const monitoringRole = new aws.iam.Role(childName(name, "monitoring"), {
        name: ctx.naming.physical("aws.iamRole", "db-monitoring"),
        description: "RDS enhanced monitoring: OS metrics to CloudWatch Logs",
        assumeRolePolicy: serviceTrustPolicy("monitoring.rds.amazonaws.com"),
    }, opts);
    const monitoringGrant = new aws.iam.RolePolicyAttachment(childName(name, "monitoring-policy"), {
        role: monitoringRole.name,
        policyArn: `arn:${partitionOf(ctx.config.region)}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole`,
    }, opts);
    const statefulAfterGrant = { ...stateful, dependsOn: [monitoringGrant] };

    // What primaries and replicas share. Storage encryption is the primary's only: a same-region
    // replica is always encrypted with its source's key, and CreateDBInstanceReadReplica rejects a
    // KmsKeyId for it (InvalidParameterCombination).
    const common = {
        instanceClass,
        monitoringInterval: MONITORING_INTERVAL,
        monitoringRoleArn: monitoringRole.arn,
        vpcSecurityGroupIds: [securityGroup.id],
        parameterGroupName: parameterGroup.name,
        iamDatabaseAuthenticationEnabled: true,
        publiclyAccessible: false,
        autoMinorVersionUpgrade: true,
        copyTagsToSnapshot: true,
        caCertIdentifier: "rds-ca-rsa2048-g1",
        enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
        deletionProtection,
        performanceInsightsEnabled: prod,
        performanceInsightsKmsKeyId: prod ? args.kmsKeyArn : undefined,
        performanceInsightsRetentionPeriod: prod ? PERFORMANCE_INSIGHTS_DAYS : undefined,
    };

    const shards: DatabaseShard[] = [];
    for (let s = 0; s < shape.shards; s++) {
        const sharded = db.layout === "sharded";
        const logical = sharded ? childName(name, `shard${s}`) : childName(name, "primary");
        const identifier = ctx.naming.physical("aws.rdsIdentifier", "db", ...(sharded ? [`s${s}`] : []));
        const primary = new aws.rds.Instance(logical, {
            ...common,
            identifier,
            storageEncrypted: true,
            kmsKeyId: args.kmsKeyArn,
            engine: "postgres",
            engineVersion: db.engineVersion,
            allocatedStorage: db.storageGb,
            maxAllocatedStorage: db.storageGb * 4,
            storageType: "gp3",
            dbName: ctx.config.domain ?? "app",
            port: POSTGRES_PORT,
            username: MASTER_USER,
            manageMasterUserPassword: true,
            masterUserSecretKmsKeyId: args.kmsKeyArn,
            dbSubnetGroupName: subnetGroup.name,
            multiAz,
            // A Multi-AZ primary's zone is AWS's choice; a single-zone one is pinned to spread shards.
            availabilityZone: multiAz ? undefined : instanceZone(zones, s),
            backupRetentionPeriod: db.backupDays,
            backupWindow: "02:00-03:00",
            maintenanceWindow: "sun:03:30-sun:04:30",
            deleteAutomatedBackups: !prod,
            skipFinalSnapshot: !prod,
            finalSnapshotIdentifier: prod ? `${identifier}-final` : undefined,
        }, statefulAfterGrant);
        const replicas: aws.rds.Instance[] = [];
        for (let r = 0; r < shape.replicas; r++) {
            replicas.push(new aws.rds.Instance(childName(sharded ? logical : name, `replica${r + 1}`), {
                ...common,
                identifier: ctx.naming.physical("aws.rdsIdentifier", "db", ...(sharded ? [`s${s}`] : []), `r${r + 1}`),
                replicateSourceDb: primary.identifier,
                availabilityZone: instanceZone(zones, s, r),
                multiAz: false,
                // A replica is rebuilt from its primary; its snapshots would only duplicate the primary's.
                skipFinalSnapshot: true,
            }, statefulAfterGrant));
        }
        shards.push({ index: s, primary, replicas });
    }

    const shardMap: ShardEndpoints[] = shards.map((shard) => ({
        index: shard.index,
        writer: shard.primary.address,
        readers: shard.replicas.map((replica) => replica.address),
    }));
    const placed = shards.flatMap((shard) => [
        ...(multiAz ? zones : [instanceZone(zones, shard.index)]),
        ...shard.replicas.map((_, r) => instanceZone(zones, shard.index, r)),
    ]);
    const secretArns = shards.map((shard) => shard.primary.masterUserSecrets.apply((secrets) => secrets?.[0]?.secretArn ?? ""));
    return {
        shards,
        securityGroup,
        ...(clientSecurityGroup ? { clientSecurityGroup } : {}),
        subnetGroup,
        parameterGroup,
        secretArns,
        connectArns: shards.flatMap((shard) => [shard.primary, ...shard.replicas]).map((instance) => connectArn(ctx, instance)),
        outputs: {
            layout: db.layout,
            engineVersion: db.engineVersion,
            port: POSTGRES_PORT,
            databaseName: ctx.config.domain ?? "app",
            primaryEndpoint: shardMap[0].writer,
            readerEndpoints: shardMap[0].readers,
            shards: shardMap,
            credentials: { kind: "aws-secrets-manager", reference: secretArns[0] },
            zones: zones.filter((zone) => placed.includes(zone)),
        },
    };
}

/** A domain's PostgreSQL, every data layout (`landing-zone:aws:Database`). */
export class Database extends pulumi.ComponentResource {
    readonly result: DatabaseResult;

    constructor(name: string, args: DatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:aws:Database", name, {}, opts);
        this.result = createDatabase(name, this, args);
        this.registerOutputs({
            primaryEndpoint: this.result.outputs.primaryEndpoint,
            readerEndpoints: this.result.outputs.readerEndpoints,
        });
    }
}
