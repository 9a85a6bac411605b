import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Environment } from "../core/config/types";
import type { StackContext } from "../core/contracts";
import { awsAccountRoles } from "../core/config/rules/organization";
import { childName, physicalName } from "../core/naming";
import { TOP_LEVEL_OUS, type TopLevelOu } from "./guardrails";
import { ORGANIZATION_ACCESS_ROLE } from "./provider";

/**
 * Services the organization trusts (trusted access), for the org trail and the delegated security
 * services. `ram.amazonaws.com` stays listed: RAM's own switch (`aws.ram.SharingWithOrganization`,
 * organization.ts) turns this trusted access on too, so the organization's list matches what AWS
 * reports instead of drifting (the provider's own example pairs the two).
 */
export const TRUSTED_SERVICES = [
    "cloudtrail.amazonaws.com", "guardduty.amazonaws.com", "malware-protection.guardduty.amazonaws.com",
    "securityhub.amazonaws.com", "config.amazonaws.com", "config-multiaccountsetup.amazonaws.com",
    "access-analyzer.amazonaws.com", "ram.amazonaws.com", "account.amazonaws.com",
] as const;

/** One account of the organization: its role, id and whether this stack created it. */
export interface OrgAccount {
    role: string;
    accountId: pulumi.Output<string>;
    created?: aws.organizations.Account;
}

export interface OrgStructure {
    organization: aws.organizations.Organization;
    rootId: pulumi.Output<string>;
    units: Record<TopLevelOu, aws.organizations.OrganizationalUnit>;
    /** Workloads/<environment> OUs. */
    environmentUnits: Record<string, aws.organizations.OrganizationalUnit>;
    accounts: Record<string, OrgAccount>;
}

/** The e-mail of a new account: `aws+<prefix>-<role>@<emailDomain>`. */
export function orgAccountEmail(ctx: StackContext, role: string): string {
    return `aws+${ctx.config.prefix}-${role}@${ctx.config.hierarchy.emailDomain ?? ""}`;
}

/** The OU an account role belongs in: log archive and audit in Security, shared services in Infrastructure, domains in Workloads/<env>. */
export function unitOfRole(role: string): { top: TopLevelOu; environment?: Environment } {
    if (role === "log-archive" || role === "security") return { top: "security" };
    const shared = /^shared-(dev|staging|prod)$/.exec(role);
    if (shared) return { top: "infrastructure" };
    return { top: "workloads", environment: role.split("-").pop() as Environment };
}

/**
 * The organization (all features, SCPs, trusted access for the security services), the OU tree
 * (Security, Infrastructure, Workloads with a child per environment, Sandbox) and the accounts
 * (log archive, security tooling, shared services per environment, domain x environment), or the
 * ids of accounts that exist. Everything here is protected: a stack operation never closes an account.
 */
export function createOrgStructure(name: string, parent: pulumi.Resource, ctx: StackContext): OrgStructure {
    const { prefix } = ctx.config;
    const org = ctx.config.organization;
    const organization = new aws.organizations.Organization(childName(name, "organization"), {
        featureSet: "ALL",
        enabledPolicyTypes: ["SERVICE_CONTROL_POLICY"],
        awsServiceAccessPrincipals: [...TRUSTED_SERVICES],
    }, { parent, protect: true });
    const rootId = organization.roots.apply((roots) => (roots ?? [])[0]?.id ?? "");
    const ouName = (...parts: string[]) => physicalName("aws.generic", [prefix, ...parts]);
    const units = Object.fromEntries(TOP_LEVEL_OUS.map((ou) => [ou, new aws.organizations.OrganizationalUnit(childName(name, "ou", ou), {
        name: ouName(ou),
        parentId: rootId,
    }, { parent, protect: true })])) as Record<TopLevelOu, aws.organizations.OrganizationalUnit>;
    const environmentUnits = Object.fromEntries(org.environments.map((env) => [env, new aws.organizations.OrganizationalUnit(childName(name, "ou", "workloads", env), {
        name: ouName("workloads", env),
        parentId: units.workloads.id,
    }, { parent, protect: true })]));

    const accounts: Record<string, OrgAccount> = {};
    for (const role of awsAccountRoles(ctx.config)) {
        const existing = org.existingAccounts[role];
        if (existing) {
            accounts[role] = { role, accountId: pulumi.output(existing) };
            continue;
        }
        const placement = unitOfRole(role);
        const unit = placement.environment ? environmentUnits[placement.environment] : units[placement.top];
        const account = new aws.organizations.Account(childName(name, "account", role), {
            name: ouName(role),
            email: orgAccountEmail(ctx, role),
            parentId: unit.id,
            roleName: ORGANIZATION_ACCESS_ROLE,
            iamUserAccessToBilling: "DENY",
            closeOnDeletion: false,
        }, {
            parent,
            protect: true,
            // Organizations does not return these after creation (the provider's advice).
            ignoreChanges: ["roleName", "iamUserAccessToBilling"],
        });
        accounts[role] = { role, accountId: account.id, created: account };
    }
    return { organization, rootId, units, environmentUnits, accounts };
}
