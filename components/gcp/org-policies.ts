import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../core/naming";

/** One guardrail of the landing zone folder: a boolean constraint enforced, a list constraint denying all, or allowing only `values`. */
export interface OrgPolicyRule {
    constraint: string;
    kind: "boolean" | "deny-all" | "allow";
    /** The allowed values of an `allow` rule. */
    values?: string[];
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

/** The Org Policy API v2 rule of an `OrgPolicyRule`. */
export function policyRule(rule: OrgPolicyRule): gcp.types.input.orgpolicy.PolicySpecRule {
    if (rule.kind === "boolean") return { enforce: "TRUE" };
    if (rule.kind === "deny-all") return { denyAll: "TRUE" };
    return { values: { allowedValues: rule.values ?? [] } };
}

/** Org policies on a folder (`folders/123`), children of `parent`. */
export function createOrgPolicies(name: string, parent: pulumi.Resource, folder: pulumi.Input<string>,
    rules: readonly OrgPolicyRule[] = ORG_POLICY_RULES): gcp.orgpolicy.Policy[] {
    return rules.map((rule) => new gcp.orgpolicy.Policy(childName(name, rule.constraint.replace(/\./g, "-")), {
        parent: folder,
        name: pulumi.interpolate`${folder}/policies/${rule.constraint}`,
        spec: { rules: [policyRule(rule)] },
    }, { parent }));
}
