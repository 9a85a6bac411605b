import { resourcePolicy } from "../lib/define";
import { list } from "../lib/props";

/**
 * Project-level roles that let a member act as, mint tokens for or manage every service account of
 * the project (Checkov's impersonation list: these plus every `*ServiceAgent` role).
 */
export const IMPERSONATION_ROLES = [
    "roles/owner", "roles/editor", "roles/iam.securityAdmin", "roles/iam.serviceAccountAdmin", "roles/iam.serviceAccountKeyAdmin",
    "roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator", "roles/iam.serviceAccountOpenIdTokenCreator", "roles/iam.workloadIdentityUser",
    "roles/dataflow.developer", "roles/dataflow.admin", "roles/deploymentmanager.editor", "roles/cloudbuild.builds.editor", "roles/cloudbuild.builds.builder",
    "roles/backupdr.computeEngineOperator", "roles/dataproc.hubAgent", "roles/assuredoss.admin", "roles/securitycenter.admin", "roles/composer.worker",
    "roles/run.sourceDeveloper",
];
const DEFAULT_SERVICE_ACCOUNT = /-compute@developer\.gserviceaccount\.com$|@appspot\.gserviceaccount\.com$/;

/** Service account use is granted on the one account (serviceaccount.IAMMember), and default service accounts get no project roles. */
export const policy = resourcePolicy({
    name: "disallow-gcp-project-impersonation-roles",
    description: "Project IAM must not grant roles that impersonate or manage service accounts (serviceAccountUser, serviceAccountTokenCreator, service agent roles, ...), nor any role to a default Compute/App Engine service account.",
    metadata: {
        cloud: "gcp", service: "iam", severity: "high", topic: "security", principle: "least-privilege",
        remediation: "grant roles/iam.serviceAccountUser on the one service account that is used (gcp.serviceaccount.IAMMember), and give workloads their own service accounts instead of the default ones",
        checkov: ["CKV_GCP_41", "CKV_GCP_46", "CKV_GCP_49"],
        resourceTypes: ["gcp:projects/iAMMember:IAMMember", "gcp:projects/iAMBinding:IAMBinding"],
    },
    validate: (props, _args, report) => {
        const role = String(props.role ?? "");
        if (IMPERSONATION_ROLES.includes(role) || role.endsWith("ServiceAgent") || role.endsWith(".serviceAgent")) report(`${role} is granted at project level: it reaches every service account of the project.`);
        const defaults = [...list<string>(props.member), ...list<string>(props.members)].filter((m) => DEFAULT_SERVICE_ACCOUNT.test(m));
        if (defaults.length) report(`${role} is granted to the default service account ${defaults.join(", ")}.`);
    },
});
