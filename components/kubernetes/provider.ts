import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";

/**
 * A Kubernetes provider for a cluster from its kubeconfig (which uses the cloud's exec credential
 * plugin, so no static token is kept). Server-side apply; no resource is deleted by a re-parent.
 */
export function clusterProvider(name: string, kubeconfig: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): k8s.Provider {
    return new k8s.Provider(name, { kubeconfig, enableServerSideApply: true }, opts);
}
