import type * as pulumi from "@pulumi/pulumi";
import type { Size } from "../config/types";

/** The workload ServiceAccount of every domain namespace, on every cloud. */
export const WORKLOAD_SERVICE_ACCOUNT = "workload";

/**
 * What the platform vends a registered domain, the same on every cloud: its namespace on the shared
 * cluster, the workload ServiceAccount, the cloud principal that ServiceAccount runs as, and the
 * identity its delivery runs as (bound to the namespace only). A domain stack reads its home from
 * the platform's `homes` output and never talks to the cluster's API.
 */
export interface DomainHomeOutputs {
    namespace: string;
    serviceAccountName: string;
    /** Size of the namespace's ResourceQuota and LimitRange. */
    quota: Size;
    /**
     * The workload's cloud principal, which the domain stack grants its own resources to: the Pod
     * Identity IAM role ARN (AWS), the user-assigned identity's principal id (Azure), the KSA's
     * Workload Identity Federation principal `principal://...` (GCP).
     */
    workloadPrincipal: pulumi.Input<string>;
    /** The identity the domain's delivery runs as: edit rights in this namespace, nowhere else. */
    deployPrincipal: pulumi.Input<string>;
}
