import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../core/naming";

/** One guardrail of the landing zone folder: a boolean constraint enforced, or a list constraint denying all. */
export interface OrgPolicyRule {
    constraint: string;
    kind: "boolean" | "deny-all";
    why: string;
}

/** The guardrails every project under the landing zone folder inherits (Org Policy API v2). */
export const ORG_POLICY_RULES: readonly OrgPolicyRule[] = [
    { constraint: "storage.uniformBucketLevelAccess", kind: "boolean", why: "no object ACLs: IAM only" },
    { constraint: "storage.publicAccessPrevention", kind: "boolean", why: "no public buckets" },
    { constraint: "iam.disableServiceAccountKeyCreation", kind: "boolean", why: "no long-lived service account keys" },
    { constraint: "compute.vmExternalIpAccess", kind: "deny-all", why: "no external IPs on VMs (egress via Cloud NAT)" },
    { constraint: "sql.restrictPublicIp", kind: "boolean", why: "Cloud SQL on private IP only" },
    { constraint: "iam.automaticIamGrantsForDefaultServiceAccounts", kind: "boolean", why: "default service accounts get no Editor role" },
    { constraint: "compute.skipDefaultNetworkCreation", kind: "boolean", why: "new projects get no default network" },
];

/** Org policies on a folder (`folders/123`), children of `parent`. */
export function createOrgPolicies(name: string, parent: pulumi.Resource, folder: pulumi.Input<string>): gcp.orgpolicy.Policy[] {
    return ORG_POLICY_RULES.map((rule) => new gcp.orgpolicy.Policy(childName(name, rule.constraint.replace(/\./g, "-")), {
        parent: folder,
        name: pulumi.interpolate`${folder}/policies/${rule.constraint}`,
        spec: {
            rules: [rule.kind === "boolean" ? { enforce: "TRUE" } : { denyAll: "TRUE" }],
        },
    }, { parent }));
}
