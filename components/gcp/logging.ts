import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import type { LoggingOutputs, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import type { SinkScope } from "./hierarchy";

/** VPC flow logs: kept apart, for `network.flowLogRetentionDays`. */
export const FLOW_LOG_FILTER = 'logName:"compute.googleapis.com%2Fvpc_flows"';

/**
 * What the aggregated sinks collect centrally: every audit log (admin activity, data access,
 * system event, policy denied), firewall and NAT logs, and anything at WARNING or above.
 */
export const CENTRAL_LOG_FILTER = [
    'logName:"cloudaudit.googleapis.com"',
    'logName:"compute.googleapis.com%2Ffirewall"',
    'logName:"compute.googleapis.com%2Fnat_flows"',
    "severity>=WARNING",
].join(" OR ");

export interface LoggingArgs {
    ctx: StackContext;
    /** The platform project that holds the log bucket and the archive. */
    projectId: pulumi.Output<string>;
    /** Where the aggregated sink attaches (the landing zone folder, with all projects below). */
    scope: SinkScope;
    /** Archive CMEK; the platform project's Cloud Storage agent must hold encrypt/decrypt on it. */
    archiveKeyId: pulumi.Input<string>;
    /** APIs and key grants to wait for. */
    dependsOn: pulumi.Resource[];
}

export interface LoggingResult extends LoggingOutputs {
    logBucket: gcp.logging.ProjectBucketConfig;
    /** VPC flow logs, kept `network.flowLogRetentionDays`. */
    flowBucket: gcp.logging.ProjectBucketConfig;
    archive: gcp.storage.Bucket;
    sinks: (gcp.logging.FolderSink | gcp.logging.ProjectSink)[];
}

/**
 * Central logging: a Cloud Logging bucket (queryable, `logging.retentionDays`), a flow-log bucket
 * (`network.flowLogRetentionDays`) and a GCS archive with a retention policy and CMEK, fed by
 * aggregated sinks on the landing zone folder whose writer identities may write to exactly these
 * destinations.
 */
export class GcpLogging extends pulumi.ComponentResource {
    readonly result: LoggingResult;

    constructor(name: string, args: LoggingArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:gcp:Logging", name, {}, opts);
        this.result = createLogging(name, this, args);
        this.registerOutputs({ workspaceId: this.result.workspaceId, archiveId: this.result.archiveId });
    }
}

export function createLogging(name: string, parent: pulumi.Resource, args: LoggingArgs): LoggingResult {
    const { config, naming } = args.ctx;
    const prod = config.environment === "prod";
    const project = args.projectId;
    const days = config.logging.retentionDays;
    const stateful = { parent, protect: config.protectStateful, dependsOn: args.dependsOn };

    const bucketId = naming.physical("gcp.generic", "central-logs");
    const logBucket = new gcp.logging.ProjectBucketConfig(childName(name, "bucket"), {
        project,
        location: config.region,
        bucketId,
        retentionDays: days,
        description: "Central logs of the landing zone (aggregated folder sink)",
        // A locked bucket cannot be deleted or have its retention shortened: audit evidence in prod.
        locked: prod,
    }, stateful);
    const flowBucketId = naming.physical("gcp.generic", "flow-logs");
    const flowBucket = new gcp.logging.ProjectBucketConfig(childName(name, "flows"), {
        project,
        location: config.region,
        bucketId: flowBucketId,
        retentionDays: config.network.flowLogRetentionDays,
        description: "VPC flow logs of the landing zone",
        locked: false,
    }, stateful);

    const archive = new gcp.storage.Bucket(childName(name, "archive"), {
        project,
        name: naming.physical("gcp.bucket", "log-archive"),
        location: config.region,
        storageClass: "STANDARD",
        uniformBucketLevelAccess: true,
        publicAccessPrevention: "enforced",
        forceDestroy: false,
        retentionPolicy: { retentionPeriod: String(days * 86400), isLocked: false },
        // The logs key exists in every environment: audit evidence is always under our key.
        encryption: { defaultKmsKeyName: args.archiveKeyId },
        lifecycleRules: [
            // Coldline bills 90 days minimum: move there only what is kept longer than that.
            ...(days > 120 ? [{ condition: { age: 30 }, action: { type: "SetStorageClass", storageClass: "COLDLINE" } }] : []),
            { condition: { age: days + 1 }, action: { type: "Delete" } },
        ],
    }, stateful);

    const bucketPath = (id: string) => pulumi.interpolate`logging.googleapis.com/projects/${project}/locations/${config.region}/buckets/${id}`;
    const sinkName = (purpose: string) => naming.physical("gcp.generic", "sink", purpose);
    const sink = (purpose: string, destination: pulumi.Input<string>, filter: string, dependsOn: pulumi.Resource[] = []) => args.scope.kind === "folder"
        ? new gcp.logging.FolderSink(childName(name, "sink", purpose), {
            folder: args.scope.folder,
            name: sinkName(purpose),
            destination,
            filter,
            includeChildren: true,
        }, { parent, dependsOn })
        : new gcp.logging.ProjectSink(childName(name, "sink", purpose), {
            project,
            name: sinkName(purpose),
            destination,
            filter,
            uniqueWriterIdentity: true,
        }, { parent, dependsOn });
    // Writers get write access to their destination only: a log bucket (by IAM condition) or the archive.
    const toLogBucket = (purpose: string, id: string, filter: string, dependsOn: pulumi.Resource) => {
        const s = sink(purpose, bucketPath(id), filter, [dependsOn]);
        new gcp.projects.IAMMember(childName(name, "sink", purpose, "writer"), {
            project,
            role: "roles/logging.bucketWriter",
            member: s.writerIdentity,
            condition: {
                title: `${purpose}-log-bucket-only`,
                expression: `resource.name.endsWith("locations/${config.region}/buckets/${id}")`,
            },
        }, { parent });
        return s;
    };
    const toBucket = toLogBucket("bucket", bucketId, CENTRAL_LOG_FILTER, logBucket);
    const toFlows = toLogBucket("flows", flowBucketId, FLOW_LOG_FILTER, flowBucket);
    const toArchive = sink("archive", pulumi.interpolate`storage.googleapis.com/${archive.name}`, CENTRAL_LOG_FILTER);
    new gcp.storage.BucketIAMMember(childName(name, "sink", "archive", "writer"), {
        bucket: archive.name,
        role: "roles/storage.objectCreator",
        member: toArchive.writerIdentity,
    }, { parent });

    return {
        workspaceId: logBucket.id,
        archiveId: archive.selfLink,
        retentionDays: days,
        logBucket,
        flowBucket,
        archive,
        sinks: [toBucket, toFlows, toArchive],
    };
}
