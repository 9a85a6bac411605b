import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";

/** What a platform stack exports about its Kubernetes cluster (serialisable: no provider object). */
export interface ClusterExports {
    name: pulumi.Output<string>;
    /** The pinned Kubernetes minor version. */
    version: string;
    endpoint: pulumi.Output<string>;
    /** Kubeconfig using the cloud's exec credential plugin (no static token); exported as a secret. */
    kubeconfig: pulumi.Output<string>;
    /** OIDC issuer URL used for workload identity federation. */
    oidcIssuer: pulumi.Output<string>;
    /** Zones the worker nodes span. */
    nodeZones: string[];
}

/** The managed Kubernetes cluster contract: EKS, AKS and GKE all give this. */
export interface ClusterOutputs extends ClusterExports {
    /** A Kubernetes provider targeting this cluster, for in-cluster resources. */
    provider: k8s.Provider;
}
