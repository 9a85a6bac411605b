import { resourcePolicy } from "../lib/define";

/** Google identities with Kubernetes RBAC only: no legacy ABAC, no client certificates. */
export const policy = resourcePolicy({
    name: "require-gke-rbac-only",
    description: "GKE clusters must disable legacy ABAC and client certificate authentication (local credentials).",
    metadata: {
        cloud: "gcp", service: "container", severity: "high", topic: "security", principle: "kubernetes-rbac-sso",
        remediation: "set enableLegacyAbac false and masterAuth.clientCertificateConfig.issueClientCertificate false; bind Google groups (authenticatorGroupsConfig)",
        checkov: ["CKV_GCP_7", "CKV_GCP_13"],
        resourceTypes: ["gcp:container/cluster:Cluster"],
    },
    validate: (props, _args, report) => {
        if (props.enableLegacyAbac === true) report("legacy ABAC is enabled.");
        if (props.masterAuth?.clientCertificateConfig?.issueClientCertificate === true) report("client certificates are issued.");
    },
});
