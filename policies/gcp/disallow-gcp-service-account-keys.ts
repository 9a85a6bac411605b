import { resourcePolicy } from "../lib/define";

/** Workloads use Workload Identity (GKE) and Workload Identity Federation (CI); no exported keys. */
export const policy = resourcePolicy({
    name: "disallow-gcp-service-account-keys",
    description: "The landing zone must not create service account keys (static credentials).",
    metadata: {
        cloud: "gcp", service: "iam", severity: "high", topic: "security", principle: "workload-identity",
        remediation: "bind the Kubernetes service account to the Google service account (roles/iam.workloadIdentityUser) instead of exporting a key",
        checkov: [],
        resourceTypes: ["gcp:serviceaccount/key:Key"],
    },
    validate: (_props, args, report) => report(`service account key ${args.name} is a static credential.`),
});
