import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import type { RegistryOutputs, StackContext } from "../core/contracts";
import { childName } from "../core/naming";

export interface RegistryArgs {
    ctx: StackContext;
    projectId: pulumi.Output<string>;
    /** Registry CMEK (used in prod); the Artifact Registry agent must hold encrypt/decrypt on it. */
    keyId: pulumi.Input<string>;
    /** IAM members allowed to pull (e.g. the GKE node service account). */
    readers: Record<string, pulumi.Input<string>>;
    /** APIs and key grants the repository waits for. */
    dependsOn: pulumi.Resource[];
}

export interface RegistryResult extends RegistryOutputs {
    repository: gcp.artifactregistry.Repository;
    /** Repository id (`<name>` in the registry host path). */
    repositoryName: string;
}

/** Days untagged images are kept before cleanup deletes them. */
export const UNTAGGED_DAYS = 7;

/** Artifact Registry Docker repository: vulnerability scanning on, CMEK in prod, cleanup keeping recent images. */
export class GcpRegistry extends pulumi.ComponentResource {
    readonly result: RegistryResult;

    constructor(name: string, args: RegistryArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:gcp:Registry", name, {}, opts);
        this.result = createRegistry(name, this, args);
        this.registerOutputs({ registryUrl: this.result.registryUrl });
    }
}

export function createRegistry(name: string, parent: pulumi.Resource, args: RegistryArgs): RegistryResult {
    const { config, naming } = args.ctx;
    const prod = config.environment === "prod";
    const repositoryName = naming.physical("gcp.generic", "images");
    const repository = new gcp.artifactregistry.Repository(childName(name, "docker"), {
        project: args.projectId,
        location: config.region,
        repositoryId: repositoryName,
        format: "DOCKER",
        description: "Container images of the landing zone's domains",
        kmsKeyName: prod ? args.keyId : undefined,
        // A tag always names the image that was scanned and deployed (pipelines push unique tags).
        dockerConfig: { immutableTags: true },
        vulnerabilityScanningConfig: { enablementConfig: "INHERITED" },
        cleanupPolicyDryRun: false,
        cleanupPolicies: [
            { id: "keep-recent", action: "KEEP", mostRecentVersions: { keepCount: config.registry.keepImages } },
            { id: "delete-untagged", action: "DELETE", condition: { tagState: "UNTAGGED", olderThan: `${UNTAGGED_DAYS * 86400}s` } },
        ],
    }, { parent, protect: config.protectStateful, dependsOn: args.dependsOn });

    for (const [label, member] of Object.entries(args.readers)) {
        new gcp.artifactregistry.RepositoryIamMember(childName(name, "reader", label), {
            project: args.projectId,
            location: config.region,
            repository: repository.repositoryId,
            role: "roles/artifactregistry.reader",
            member,
        }, { parent });
    }
    return {
        registryUrl: pulumi.interpolate`${config.region}-docker.pkg.dev/${args.projectId}/${repositoryName}`,
        registryId: pulumi.interpolate`projects/${args.projectId}/locations/${config.region}/repositories/${repository.repositoryId}`,
        repository,
        repositoryName,
    };
}
