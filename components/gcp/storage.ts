import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import type { ObjectStoreOutputs } from "../core/contracts";
import { childName } from "../core/naming";
import { domainLabels, type GcpDomainArgs } from "./domain-platform";
import { storageMultiRegionOf } from "./locations";

export interface GcpObjectStoreResult {
    outputs: ObjectStoreOutputs;
    bucket: gcp.storage.Bucket;
}

/** A domain's GCS bucket: private, versioned, CMEK in prod. */
export class GcpObjectStore extends pulumi.ComponentResource {
    readonly outputs: ObjectStoreOutputs;
    readonly bucketName: pulumi.Output<string>;

    constructor(name: string, args: GcpDomainArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:gcp:ObjectStore", name, {}, opts);
        const result = createObjectStore(name, this, args);
        this.outputs = result.outputs;
        this.bucketName = result.bucket.name;
        this.registerOutputs({ bucketName: result.outputs.bucketName });
    }
}

/**
 * Where the bucket lives: its region, or (storage.redundancy geo) the multi-region around it. GCS
 * takes a CMEK key of the bucket's own location only, so in prod a geo bucket needs the platform's
 * geo data key; without one it stays regional with the regional key (CMEK wins) and says so.
 */
export function bucketPlacement(args: GcpDomainArgs): { location: pulumi.Output<string>; kmsKeyName?: pulumi.Output<string> } {
    const { ctx, platform } = args;
    const regional = ctx.config.region.toUpperCase();
    const multi = ctx.config.storage.redundancy === "geo" ? storageMultiRegionOf(ctx.config.region) : undefined;
    const prod = ctx.config.environment === "prod";
    if (!multi) return { location: pulumi.output(regional), kmsKeyName: prod ? platform.dataKeyId : undefined };
    if (!prod) return { location: pulumi.output(multi) };
    const useGeo = platform.geoDataKeyId.apply((key) => {
        if (!key) {
            pulumi.log.warn(`storage.redundancy geo: the platform exports no geo data key (extras.geoDataKeyId); ` +
                `the bucket stays in ${regional} with the regional CMEK key`);
        }
        return !!key;
    });
    return {
        location: useGeo.apply((geo) => (geo ? multi : regional)),
        kmsKeyName: pulumi.all([platform.geoDataKeyId, platform.dataKeyId]).apply(([geo, data]) => geo ?? data),
    };
}

export function createObjectStore(name: string, parent: pulumi.Resource, args: GcpDomainArgs): GcpObjectStoreResult {
    const { ctx, platform } = args;
    const storage = ctx.config.storage;
    const placement = bucketPlacement(args);
    const bucket = new gcp.storage.Bucket(childName(name, "bucket"), {
        project: platform.project,
        name: ctx.naming.physical("gcp.bucket", "data"),
        location: placement.location,
        storageClass: "STANDARD",
        uniformBucketLevelAccess: true,
        publicAccessPrevention: "enforced",
        versioning: { enabled: storage.versioning },
        encryption: placement.kmsKeyName ? { defaultKmsKeyName: placement.kmsKeyName } : undefined,
        softDeletePolicy: { retentionDurationSeconds: 7 * 86400 },
        lifecycleRules: [
            {
                // Old versions are kept for noncurrentVersionDays, then deleted.
                action: { type: "Delete" },
                condition: { daysSinceNoncurrentTime: storage.noncurrentVersionDays, withState: "ARCHIVED" },
            },
            {
                action: { type: "AbortIncompleteMultipartUpload" },
                condition: { age: 7 },
            },
        ],
        labels: domainLabels(ctx),
        forceDestroy: false,
    }, { parent, protect: ctx.config.protectStateful });

    return {
        bucket,
        outputs: {
            bucketName: bucket.name,
            resourceId: pulumi.interpolate`projects/_/buckets/${bucket.name}`,
            url: pulumi.interpolate`gs://${bucket.name}`,
            versioning: storage.versioning,
        },
    };
}
