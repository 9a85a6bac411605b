import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../../core/contracts";
import { childName, type Naming } from "../../core/naming";
import { type ImagePullers, imagePullPolicy } from "../image-pull";
import { lifecyclePolicy } from "../registry";
import { type BucketGrant, createSecureBucket } from "../storage";

/** The domain's image repository (`<prefix>-<env>-<domain>-app`): the pipeline pushes app images, the team an image worker's. */
export function appRepositoryName(naming: Naming): string {
    return naming.physical("aws.ecrRepository", "app");
}

export interface PipelineArtifactsArgs {
    ctx: StackContext;
    /** Domain key: images and artifacts. */
    kmsKeyArn: pulumi.Input<string>;
    /** The platform's logs key (its policy admits this account's CloudWatch log groups). */
    logsKmsKeyArn: pulumi.Input<string>;
    /** Log archive bucket receiving the artifact bucket's access logs. */
    accessLogBucket: pulumi.Input<string>;
    /** A domain in its own account: who else pulls its images (the platform's nodes, an image worker). */
    imagePullers?: ImagePullers;
    /** The tag an image worker runs (`worker.artifact`): protected from the lifecycle's count rule. */
    workerImageTag?: string;
    /** A domain in its own account: the platform's build roles read the pipeline's artifacts. */
    artifactReaders?: BucketGrant;
}

export interface PipelineArtifacts {
    imageRepository: aws.ecr.Repository;
    artifactBucket: aws.s3.Bucket;
    /** Build logs of every project of the pipeline. */
    logGroup: aws.cloudwatch.LogGroup;
    /** The repository policy admitting `imagePullers` (a domain in its own account only): pulls depend on it. */
    imagePullPolicy?: aws.ecr.RepositoryPolicy;
}

/**
 * What the pipeline produces and keeps: the domain's image repository (scan on push, immutable
 * tags, KMS, lifecycle), the KMS-encrypted artifact bucket and the KMS-encrypted build log group.
 * The repository and the bucket are stateful: protected in prod.
 */
export function createPipelineArtifacts(name: string, parent: pulumi.Resource, args: PipelineArtifactsArgs): PipelineArtifacts {
    const { ctx } = args;
    const imageRepository = new aws.ecr.Repository(childName(name, "images"), {
        name: appRepositoryName(ctx.naming),
        imageTagMutability: "IMMUTABLE",
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: args.kmsKeyArn }],
        forceDelete: false,
    }, { parent, protect: ctx.config.protectStateful });
    new aws.ecr.LifecyclePolicy(childName(name, "images-lifecycle"), {
        repository: imageRepository.name,
        // The worker's tag is kept however many app images the pipeline pushes after it.
        policy: lifecyclePolicy(ctx.config.registry.keepImages, args.workerImageTag ? [args.workerImageTag] : []),
    }, { parent });

    // In its own account the domain's images are pulled from another account (the platform's
    // nodes); in the platform's account the node role's own policy is enough and Lambda adds its
    // statement itself, so no policy is managed there.
    const pullPolicy = args.imagePullers ? new aws.ecr.RepositoryPolicy(childName(name, "images-policy"), {
        repository: imageRepository.name,
        policy: imagePullPolicy(args.imagePullers),
    }, { parent }) : undefined;

    const artifacts = createSecureBucket(childName(name, "artifacts"), parent, {
        ctx,
        purpose: "artifacts",
        kmsKeyArn: args.kmsKeyArn,
        accessLogBucket: args.accessLogBucket,
        versioning: true,
        noncurrentVersionDays: 30,
        ...(args.artifactReaders ? { grants: [args.artifactReaders] } : {}),
    });
    const logGroup = new aws.cloudwatch.LogGroup(childName(name, "logs"), {
        name: `/aws/codebuild/${ctx.naming.physical("aws.generic", "pipeline")}`,
        retentionInDays: ctx.config.logging.retentionDays,
        kmsKeyId: args.logsKmsKeyArn,
    }, { parent });
    return { imageRepository, artifactBucket: artifacts.bucket, logGroup, ...(pullPolicy ? { imagePullPolicy: pullPolicy } : {}) };
}
