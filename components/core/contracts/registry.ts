import type * as pulumi from "@pulumi/pulumi";

/** A container registry (ECR, ACR, Artifact Registry). */
export interface RegistryOutputs {
    /** Registry host (and path) images are pushed to, e.g. `123.dkr.ecr.eu-west-1.amazonaws.com`. */
    registryUrl: pulumi.Output<string>;
    registryId: pulumi.Output<string>;
}
