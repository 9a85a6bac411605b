/**
 * The pack measured against Checkov (bridgecrewio/checkov): every check on a type the landing zone
 * creates or a domain team adds to its namespace (`checkov-checks.json`, regenerated from a Checkov
 * checkout by `npm run checkov`) is covered by the policies that cite it in their metadata, does not
 * apply (reason), or is left out on purpose (reason; counts against the coverage).
 */
import data from "./checkov-checks.json";
import type { LandingZonePolicy } from "./metadata";

export interface CheckovCheck {
    id: string;
    name: string;
    file: string;
    resources: string[];
    pulumiTypes: string[];
}

export const CHECKOV_SOURCE: { source: string; ref: string } = { source: data.source, ref: data.ref };
export const CHECKOV_CHECKS: CheckovCheck[] = data.checks;

/** Checks on a listed type that cannot fire on what the landing zone creates, and why. */
export const CHECKOV_NOT_APPLICABLE: Record<string, string> = {
    CKV_GCP_50: "MySQL flag (local_infile); the landing zone's Cloud SQL instances are PostgreSQL only (database.engineVersion)",
    CKV_GCP_58: "SQL Server flag (cross db ownership chaining); Cloud SQL is PostgreSQL only",
    CKV_GCP_59: "SQL Server flag (contained database authentication); Cloud SQL is PostgreSQL only",
    CKV_AWS_388: "Aurora PostgreSQL only (engine aurora-postgresql); the landing zone's RDS instances run engine postgres",
    CKV_GCP_24: "PodSecurityPolicy was removed in Kubernetes 1.25 and from GKE; namespaces enforce Pod Security admission instead",
    CKV_GCP_82: "Terraform lifecycle prevent_destroy has no provider-side input; its Pulumi equivalent is `protect` (require-protect-on-stateful-resources)",
    CKV_GCP_27: "checks google_project auto_create_network; the project component sets autoCreateNetwork false and the org policy compute.skipDefaultNetworkCreation backs it",
    CKV_AZURE_33: "storage queue service logging; the landing zone's queues are Service Bus, its storage accounts hold blobs only",
};

/** Checks that apply but the pack does not mirror on purpose, and why (these lower the coverage). */
export const CHECKOV_LEFT_OUT: Record<string, string> = {
    CKV_GCP_62: "GCS usage/storage logs are deprecated by Google in favour of Cloud Audit Logs data access logs",
    CKV_GCP_63: "follows CKV_GCP_62 (a bucket must not log to itself); the landing zone writes no usage logs",
    CKV_GCP_65: "Google Groups for RBAC needs a Workspace/Cloud Identity group domain the landing zone does not own",
    CKV_GCP_66: "Binary Authorization needs attestors per pipeline; require-trusted-images pins images to the landing zone's scanned registry by digest",
    CKV_GCP_79: "latest major version: the config schema pins the allowed versions (database.engineVersion)",
    CKV_AZURE_164: "content trust (Notary v1) is deprecated by Microsoft and retired for new registries",
    CKV_AZURE_165: "geo-replication is a multi-region concern; the landing zone is one region per stack",
    CKV_AZURE_166: "quarantine needs a third-party scanner; scanning is Defender for Containers",
    CKV_AZURE_112: "HSM-backed keys need the Premium SKU; software keys with rotation meet the guide",
    CKV_AZURE_117: "disk encryption sets need a DES per cluster; OS disks are platform-encrypted and workloads keep no data on nodes",
    CKV_AZURE_226: "ephemeral OS disks need a VM size with a local cache/temp disk; the sizes table uses Dsv5 sizes, which have none (a capacity and cost decision)",
    CKV_AZURE_227: "encryption at host needs the subscription feature Microsoft.Compute/EncryptionAtHost registered first, a step the landing zone does not output yet; OS disks are platform-encrypted",
    CKV_AZURE_36: "the domain's storage accounts set network bypass None (stricter): no Azure service reaches them except through the private endpoint",
    CKV_AZURE_43: "the naming module builds storage account names (3-24 lowercase alphanumerics, tested); require-azure-naming-convention checks the pattern and the maximum, not the minimum of 3",
    CKV_AZURE_199: "infrastructure (double) encryption comes with a customer-managed key (CKV_AZURE_201), which needs a key per namespace",
    CKV_AZURE_201: "a customer-managed key needs a Key Vault key and a grant per namespace; Service Bus encrypts at rest by default and the pack's CMK rule is on storage",
    CKV_AWS_143: "object lock fits the audit archive (set by the logging component), not domain buckets whose objects must be deletable",
    CKV_AWS_252: "trail delivery notifications per log file are noise; CloudTrail also writes to the CloudWatch log group, where alarms go",
    CKV_AWS_287: "ecr:GetAuthorizationToken, which every image pull needs, only accepts Resource \"*\" and counts as credentials exposure",
    CKV_AWS_316: "privileged mode is needed to build container images with Docker in CodeBuild; images are scanned on push instead",
};

export type CheckovStatus =
    | { kind: "covered"; policies: string[] }
    | { kind: "not-applicable"; reason: string }
    | { kind: "left-out"; reason: string }
    | { kind: "unrecorded" };

export interface CheckovRow extends CheckovCheck {
    status: CheckovStatus;
}

/** Each applicable check with its status, and the coverage of the checks that apply. */
export function checkovCoverage(policies: LandingZonePolicy[]): { rows: CheckovRow[]; covered: number; applicable: number; percent: number } {
    const citing = new Map<string, string[]>();
    for (const p of policies) for (const id of p.metadata.checkov) citing.set(id, [...(citing.get(id) ?? []), p.name]);
    const rows = CHECKOV_CHECKS.map((c): CheckovRow => {
        const names = citing.get(c.id);
        if (names) return { ...c, status: { kind: "covered", policies: names } };
        if (c.id in CHECKOV_NOT_APPLICABLE) return { ...c, status: { kind: "not-applicable", reason: CHECKOV_NOT_APPLICABLE[c.id] } };
        if (c.id in CHECKOV_LEFT_OUT) return { ...c, status: { kind: "left-out", reason: CHECKOV_LEFT_OUT[c.id] } };
        return { ...c, status: { kind: "unrecorded" } };
    });
    const covered = rows.filter((r) => r.status.kind === "covered").length;
    const applicable = rows.filter((r) => r.status.kind !== "not-applicable").length;
    return { rows, covered, applicable, percent: applicable ? (100 * covered) / applicable : 100 };
}
