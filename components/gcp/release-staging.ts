import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../core/naming";
import { domainLabels, type GcpDomainArgs } from "./domain-platform";

/** Days a release's source and rendered manifests stay (promotion and rollback read them). */
export const RELEASE_RETENTION_DAYS = 180;

export interface ReleaseStagingArgs extends GcpDomainArgs {
    /** `serviceAccount:...` of the build: uploads each release's source. */
    uploader: pulumi.Input<string>;
    /** `serviceAccount:...` of the deploy execution: reads the source, writes rendered manifests. */
    renderer: pulumi.Input<string>;
}

export interface ReleaseStagingResult {
    bucket: gcp.storage.Bucket;
    /** `gs://<bucket>/source`: `gcloud deploy releases create --gcs-source-staging-dir`. */
    sourceDir: pulumi.Output<string>;
    /** `gs://<bucket>/artifacts`: the targets' execution `artifactStorage`. */
    artifactDir: pulumi.Output<string>;
    /** The grants on the bucket: the trigger and the targets wait for them. */
    grants: gcp.storage.BucketIAMMember[];
}

/**
 * The bucket Cloud Deploy releases are staged in. Left to itself, `gcloud deploy releases create`
 * uploads to `gs://<project>_clouddeploy` and creates that bucket when it is missing, which the
 * build account may not do (nor meet uniform access or CMEK rules). So the domain stack creates it
 * (uniform access, no public access, CMEK in prod, versioned, old releases expire), grants the
 * build and deploy accounts on it only, and the pipeline names it explicitly.
 */
export function createReleaseStaging(name: string, parent: pulumi.Resource, args: ReleaseStagingArgs): ReleaseStagingResult {
    const { ctx, platform } = args;
    const prod = ctx.config.environment === "prod";
    const bucket = new gcp.storage.Bucket(childName(name, "releases"), {
        project: platform.project,
        name: ctx.naming.physical("gcp.bucket", "releases"),
        location: ctx.config.region.toUpperCase(),
        storageClass: "STANDARD",
        uniformBucketLevelAccess: true,
        publicAccessPrevention: "enforced",
        versioning: { enabled: true },
        encryption: prod ? { defaultKmsKeyName: platform.dataKeyId } : undefined,
        lifecycleRules: [
            { action: { type: "Delete" }, condition: { age: RELEASE_RETENTION_DAYS } },
            { action: { type: "Delete" }, condition: { daysSinceNoncurrentTime: 7, withState: "ARCHIVED" } },
        ],
        labels: domainLabels(ctx),
        forceDestroy: false,
    }, { parent, protect: ctx.config.protectStateful });

    // gcloud reads the bucket before it uploads (buckets.get: legacyBucketReader, a bucket-level
    // role) and writes objects (objectUser); the deploy execution reads and writes objects only.
    const grant = (label: string, role: string, member: pulumi.Input<string>) =>
        new gcp.storage.BucketIAMMember(childName(name, "releases", label), { bucket: bucket.name, role, member }, { parent });
    const grants = [
        grant("build-bucket", "roles/storage.legacyBucketReader", args.uploader),
        grant("build-objects", "roles/storage.objectUser", args.uploader),
        grant("deploy-objects", "roles/storage.objectUser", args.renderer),
    ];
    return {
        bucket,
        sourceDir: pulumi.interpolate`gs://${bucket.name}/source`,
        artifactDir: pulumi.interpolate`gs://${bucket.name}/artifacts`,
        grants,
    };
}
