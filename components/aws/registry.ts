import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { RegistryOutputs, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import type { AwsAccount } from "./provider";

export interface AwsRegistryArgs {
    ctx: StackContext;
    account: AwsAccount;
    /** KMS key (ARN) images are encrypted with. */
    registryKeyArn: pulumi.Input<string>;
}

export interface AwsRegistryResult {
    repository: aws.ecr.Repository;
    outputs: RegistryOutputs;
}

/**
 * Lifecycle: untagged images go after a week; of the rest, the newest `keepImages` stay. Each of
 * `protectedTags` (e.g. the tag a Lambda worker runs) gets a rule of its own before the count
 * rule: ECR evaluates rules by priority, and an image that matches the tag selection of a
 * higher-priority rule cannot be expired by a lower-priority one. The rule selects exactly that tag
 * (no wildcard) and expires beyond one image; tags are immutable, so it never expires anything.
 */
export function lifecyclePolicy(keepImages: number, protectedTags: readonly string[] = []): string {
    const keep = protectedTags.map((tag, i) => ({
        rulePriority: 2 + i,
        description: `Keep the image tagged ${tag} (in use)`,
        selection: { tagStatus: "tagged", tagPatternList: [tag], countType: "imageCountMoreThan", countNumber: 1 },
        action: { type: "expire" },
    }));
    return JSON.stringify({
        rules: [{
            rulePriority: 1,
            description: "Expire untagged images after 7 days",
            selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 7 },
            action: { type: "expire" },
        }, ...keep, {
            // `any` must have the highest rulePriority value (evaluated last).
            rulePriority: 2 + keep.length,
            description: `Keep the newest ${keepImages} images`,
            selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: keepImages },
            action: { type: "expire" },
        }],
    });
}

/**
 * The platform's ECR repository (shared base images; domains push to their own repositories in the
 * same registry): scan on push, immutable tags, KMS encryption with the registry key, lifecycle
 * policy keeping `registry.keepImages`. Never force-deleted with images in it; in prod protected and a
 * repository policy denies deleting it.
 */
export function createRegistry(name: string, parent: pulumi.Resource, args: AwsRegistryArgs): AwsRegistryResult {
    const { ctx, account } = args;
    const repository = new aws.ecr.Repository(childName(name, "platform"), {
        name: ctx.naming.physical("aws.ecrRepository", "platform"),
        imageTagMutability: "IMMUTABLE",
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: args.registryKeyArn }],
        forceDelete: false,
    }, { parent, protect: ctx.config.protectStateful });
    new aws.ecr.LifecyclePolicy(childName(name, "platform-lifecycle"), {
        repository: repository.name,
        policy: lifecyclePolicy(ctx.config.registry.keepImages),
    }, { parent });
    if (ctx.config.environment === "prod") {
        // Cloud-side deletion protection (ECR has no flag): nobody deletes the repository.
        new aws.ecr.RepositoryPolicy(childName(name, "platform-policy"), {
            repository: repository.name,
            policy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Sid: "DenyRepositoryDeletion", Effect: "Deny", Principal: "*", Action: "ecr:DeleteRepository" }],
            }),
        }, { parent });
    }
    return {
        repository,
        outputs: {
            registryUrl: pulumi.interpolate`${account.accountId}.dkr.ecr.${account.region}.${account.dnsSuffix}`,
            registryId: account.accountId,
        },
    };
}

/** The container registry (`landing-zone:aws:Registry`). */
export class AwsRegistry extends pulumi.ComponentResource {
    readonly result: AwsRegistryResult;

    constructor(name: string, args: AwsRegistryArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:aws:Registry", name, {}, opts);
        this.result = createRegistry(name, this, args);
        this.registerOutputs({ ...this.result.outputs, repositoryUrl: this.result.repository.repositoryUrl });
    }
}
