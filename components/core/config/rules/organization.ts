import type { ConfigProblem } from "../errors";
import type { ResolvedConfig } from "../presets";
import { azureOrganizationRules } from "./azure-organization";
import { TAG_SCOPES } from "./common";
import { key } from "./key";

const ACCOUNT_ID = /^[0-9]{12}$/;
const EMAIL_DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;
const GCP_ORGANIZATION = /^organizations\/[0-9]+$/;
const BILLING = /^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$/;
const CUSTOMER_ID = /^C0[0-9a-z]{5,12}$/;
const MANAGED_POLICY_ARN = /^arn:aws(-cn|-us-gov)?:iam::aws:policy\/[\w+=,.@/-]+$/;
const POLICY_NAME = /^[\w+=,.@-]+(\/[\w+=,.@-]+)*$/;
/** Blocks of the platform and domain layers that an organization stack does not read. */
const WORKLOAD_BLOCKS = ["network", "cluster", "database", "storage", "queue", "cache", "pipeline", "registry", "keys", "domains"] as const;

/** The roles an AWS account of the organization stack has (`organization.existingAccounts` keys). */
export function awsAccountRoles(cfg: Pick<ResolvedConfig, "organization">): string[] {
    const { environments, domains } = cfg.organization;
    return ["log-archive", "security",
        ...environments.map((env) => `shared-${env}`),
        ...domains.flatMap((domain) => environments.map((env) => `${domain}-${env}`))];
}

/** Whether a stack may read an organization stack (`landing-zone:organizationStack`). */
function readsOrganization(cfg: ResolvedConfig): boolean {
    return cfg.layer === "platform" || (cfg.layer === "domain" && cfg.cloud === "aws");
}

/**
 * An aws platform or domain stack that reads its organization runs in the account the organization
 * recorded for it (the environment's shared-services account, the domain's account): the account and
 * the hierarchy come from there, so config that names them is a contradiction.
 */
function awsAccountScopeRules(cfg: ResolvedConfig, raw: Record<string, unknown>): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    const scope = cfg.layer === "platform" ? "environments.<env>.platformScope (its shared-services account)" : "environments.<env>.domainScopes.<domain> (its domain account)";
    if (raw.hierarchy !== undefined) {
        problems.push({ path: key("hierarchy"), message: `must not be set with organizationStack on aws: the organization stack owns the OUs and accounts (remove the block; an existing platform's OUs/accounts move to organization-aws, see docs/aws.md)` });
    }
    if (cfg.aws.accountId !== undefined) {
        problems.push({ path: key("aws.accountId"), message: `must not be set with organizationStack on aws: the stack runs in the account its organization stack records in ${scope}, and its provider refuses any other` });
    }
    return problems;
}

/**
 * The domains an AWS organization makes accounts for: each once, and none whose name is a scope of
 * the domain tag (platform, organization) or whose accounts would take another role's name
 * (`shared` would make `shared-<env>`, the environment's shared-services account).
 */
function organizationDomainProblems(domains: string[]): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    const reserved: Record<string, string> = {
        ...Object.fromEntries(TAG_SCOPES.map((scope) => [scope, `the ${scope} scope of the domain tag`])),
        shared: "the shared-services accounts (shared-<env>)",
    };
    domains.forEach((domain, i) => {
        if (reserved[domain]) problems.push({ path: key(`organization.domains[${i}]`), message: `must not be ${domain}: the name is reserved for ${reserved[domain]}` });
        if (domains.indexOf(domain) !== i) problems.push({ path: key(`organization.domains[${i}]`), message: `lists ${domain} again (first at [${domains.indexOf(domain)}]): one account per domain and environment` });
    });
    return problems;
}

/**
 * Rules of the organization layer: the `organization` block belongs to it alone, and each cloud's
 * organization needs its anchors (AWS e-mail domain of new accounts, the GCP organization and
 * billing account, the Azure tenant). Defensive: also runs on configs the schema rejected.
 */
export function organizationRules(cfg: ResolvedConfig, raw: Record<string, unknown> = {}): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    const add = (path: string, message: string) => problems.push({ path: key(path), message });
    // An unknown cloud or layer is reported by the schema; this rule speaks of the known ones only.
    const known = ["aws", "azure", "gcp"].includes(cfg.cloud) && ["organization", "platform", "domain"].includes(cfg.layer);
    if (cfg.organizationStack !== undefined && known && !readsOrganization(cfg)) {
        add("organizationStack", "applies only to a platform stack and an aws domain stack so far (azure and gcp domains read their platform only)");
    }
    problems.push(...azureOrganizationRules(cfg));
    if (cfg.cloud === "gcp" && cfg.layer === "platform" && cfg.organizationStack !== undefined && cfg.hierarchy.mode !== "create") {
        add("hierarchy.mode", `must be create when organizationStack is set (the platform creates its projects in the organization's folder; got ${String(cfg.hierarchy.mode)})`);
    }
    if (cfg.cloud === "aws" && cfg.layer !== "organization" && cfg.organizationStack !== undefined) problems.push(...awsAccountScopeRules(cfg, raw));
    if (cfg.layer !== "organization") {
        if (raw.organization !== undefined) add("organization", "applies only to layer organization (the organization-<cloud> stack)");
        return problems;
    }
    for (const block of WORKLOAD_BLOCKS) {
        if (raw[block] !== undefined) add(block, "applies to platform and domain stacks, not to layer organization");
    }
    if (cfg.domain) add("domain", "applies only to layer domain");
    const org = cfg.organization;
    if (!Array.isArray(org.securityContacts) || org.securityContacts.length === 0) {
        add("organization.securityContacts", "needs at least one e-mail address: security findings and alerts go there");
    }
    if (Array.isArray(org.environments) && org.environments.length === 0) {
        add("organization.environments", "needs at least one environment (dev, staging, prod)");
    }
    if (cfg.cloud !== "aws" && org.domains.length > 0) {
        add("organization.domains", "applies only to cloud aws (a member account per domain and environment)");
    }
    if (cfg.cloud !== "aws" && Object.keys(org.existingAccounts).length > 0) {
        add("organization.existingAccounts", "applies only to cloud aws");
    }
    if (cfg.cloud !== "gcp" && org.allowedCustomerIds.length > 0) {
        add("organization.allowedCustomerIds", "applies only to cloud gcp");
    }
    if (cfg.cloud !== "azure" && org.subscriptions.length > 0) {
        add("organization.subscriptions", "applies only to cloud azure");
    }
    if (cfg.cloud !== "aws" && (org.ciRepository || org.ciPolicies.length > 0)) {
        add(org.ciRepository ? "organization.ciRepository" : "organization.ciPolicies", "applies only to cloud aws");
    }
    if (cfg.cloud === "aws") {
        // ciRepository's owner/name form is the schema's (`@pattern`).
        if (!Array.isArray(org.ciPolicies)) add("organization.ciPolicies", "must be a list of AWS-managed policy ARNs or customer-managed policy names");
        else {
            if (org.ciPolicies.length > 0 && !org.ciRepository) add("organization.ciPolicies", "needs organization.ciRepository: there is no CI role to attach them to");
            org.ciPolicies.forEach((arn, i) => {
                if (typeof arn !== "string" || !(MANAGED_POLICY_ARN.test(arn) || POLICY_NAME.test(arn))) {
                    add(`organization.ciPolicies[${i}]`, `must be an AWS-managed policy ARN (arn:aws:iam::aws:policy/<name>) or the name of a customer-managed policy in each account (got ${JSON.stringify(arn)})`);
                }
            });
        }
    }

    if (cfg.cloud === "aws" && Array.isArray(org.domains)) problems.push(...organizationDomainProblems(org.domains));

    if (cfg.cloud === "aws") {
        const roles = Array.isArray(org.environments) && Array.isArray(org.domains) ? awsAccountRoles(cfg) : [];
        for (const [role, id] of Object.entries(org.existingAccounts)) {
            if (!roles.includes(role)) add(`organization.existingAccounts.${role}`, `is not an account role of this organization; allowed: ${roles.join(", ")}`);
            else if (typeof id !== "string" || !ACCOUNT_ID.test(id)) add(`organization.existingAccounts.${role}`, `must be a 12-digit account id (got ${JSON.stringify(id)})`);
        }
        const creates = roles.some((role) => !(role in org.existingAccounts));
        const emailDomain = cfg.hierarchy.emailDomain;
        if (creates && (typeof emailDomain !== "string" || !EMAIL_DOMAIN.test(emailDomain))) {
            add("hierarchy.emailDomain", `is required when the organization creates accounts: the e-mail domain of new accounts (e.g. example.com; got ${JSON.stringify(emailDomain ?? null)})`);
        }
        if (!cfg.aws.accountId) add("aws.accountId", "is required for organization-aws: the Organizations management account id (the stack runs there and nowhere else)");
    }
    if (cfg.cloud === "gcp") {
        if (typeof cfg.hierarchy.parentId !== "string" || !GCP_ORGANIZATION.test(cfg.hierarchy.parentId)) {
            add("hierarchy.parentId", `is required for organization-gcp: organizations/<number> (org-level sink, audit config and contacts; got ${JSON.stringify(cfg.hierarchy.parentId ?? null)})`);
        }
        if (typeof cfg.hierarchy.billingAccount !== "string" || !BILLING.test(cfg.hierarchy.billingAccount)) {
            add("hierarchy.billingAccount", `is required for organization-gcp (the security and logging projects): XXXXXX-XXXXXX-XXXXXX, uppercase hex (got ${JSON.stringify(cfg.hierarchy.billingAccount ?? null)})`);
        }
        if (org.allowedCustomerIds.length === 0) {
            add("organization.allowedCustomerIds", "needs at least one Cloud Identity customer id (C0abc123) for iam.allowedPolicyMemberDomains");
        }
        org.allowedCustomerIds.forEach((id, i) => {
            if (typeof id !== "string" || !CUSTOMER_ID.test(id)) add(`organization.allowedCustomerIds[${i}]`, `must be a customer id like C0abc123 (got ${JSON.stringify(id)})`);
        });
    }
    if (cfg.cloud === "azure") {
        if (!cfg.azure.tenantId) add("azure.tenantId", "is required for organization-azure: the tree hangs under the tenant root group, whose id is the tenant id");
        if (!cfg.azure.subscriptionId) add("azure.subscriptionId", "is required for organization-azure: the management subscription (central workspace, security tooling) the stack runs in");
        const seen = new Set<string>();
        org.subscriptions.forEach((placement, i) => {
            if (seen.has(placement.id)) add(`organization.subscriptions[${i}].id`, `places subscription ${placement.id} twice`);
            seen.add(placement.id);
            if (placement.environment && placement.group !== "corp" && placement.group !== "online") {
                add(`organization.subscriptions[${i}].environment`, `applies only to a landing-zone group (corp or online; got ${placement.group})`);
            }
            if (placement.environment && Array.isArray(org.environments) && !org.environments.includes(placement.environment)) {
                add(`organization.subscriptions[${i}].environment`, `is not one of organization.environments (${org.environments.join(", ")})`);
            }
        });
        for (const env of Array.isArray(org.environments) ? org.environments : []) {
            if (org.subscriptions.filter((p) => p.environment === env).length > 1) {
                add("organization.subscriptions", `names more than one platform subscription for environment ${env}`);
            }
        }
    }
    return problems;
}
