import type * as pulumi from "@pulumi/pulumi";

/** CI/CD for one domain: build and push the image, deliver manifests into the domain namespace. */
export interface PipelineOutputs {
    /** Pipeline / task / delivery-pipeline name. */
    name: pulumi.Output<string>;
    /** Where the domain's source is read from. */
    sourceRepository: pulumi.Output<string>;
    /** Image repository the build pushes to. */
    imageRepository: pulumi.Output<string>;
    /** Namespace deployments go to (and no other). */
    targetNamespace: string;
    /**
     * What a person must still do before the pipeline runs (an app installation, a token to set),
     * each step with the exact command or page; empty when nothing is left.
     */
    nextSteps?: pulumi.Output<string[]>;
}
