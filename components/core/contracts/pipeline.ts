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
     * The human step the pipeline waits for, with the exact action (e.g. completing a Git
     * connection's handshake, installing an app, setting a token); absent when there is none.
     */
    nextStep?: pulumi.Output<string>;
}
