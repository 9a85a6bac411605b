import type * as pulumi from "@pulumi/pulumi";

/** A domain workload's cloud identity, bound to its Kubernetes ServiceAccount (no static keys). */
export interface WorkloadIdentityOutputs {
    namespace: string;
    serviceAccountName: string;
    /** IAM role ARN / managed identity client id / Google service account e-mail. */
    principal: pulumi.Output<string>;
}
