import type * as azure from "@pulumi/azure-native/provider";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as resources from "@pulumi/azure-native/resources";
import * as security from "@pulumi/azure-native/security";
import type * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../core/contracts";
import { childName } from "../core/naming";

/** A Defender for Cloud plan: the `Microsoft.Security/pricings` name and, where a plan has several, its sub-plan. */
export interface DefenderPlan {
    pricingName: string;
    /** Omitted where the plan has no sub-plans (the REST API then applies the full plan). */
    subPlan?: string;
}

/**
 * Defender for Cloud plans turned on (Standard tier) in every subscription the organization places,
 * by their `Microsoft.Security/pricings` names (REST API 2024-01-01, ListPricings example). The
 * sub-plans are pinned to the current plans, never the classic ones: Defender for Storage
 * `DefenderForStorageV2` (not `PerTransaction` / `PerStorageAccount`, the classic plans Microsoft
 * asks to migrate from), Key Vault `PerKeyVault` (not `PerTransaction`), Resource Manager
 * `PerSubscription` (not `PerApiCall`). "Databases" here is the open-source relational plan
 * (PostgreSQL flexible servers): the landing zone runs no SQL Server, Cosmos DB or SQL VM.
 */
export const DEFENDER_PLANS: readonly DefenderPlan[] = [
    { pricingName: "Containers" },
    { pricingName: "StorageAccounts", subPlan: "DefenderForStorageV2" },
    { pricingName: "KeyVaults", subPlan: "PerKeyVault" },
    { pricingName: "OpenSourceRelationalDatabases" },
    { pricingName: "Arm", subPlan: "PerSubscription" },
];

export interface AzureSecurityServicesArgs {
    ctx: StackContext;
    /** Every subscription the organization manages, with its provider. */
    subscriptions: { id: string; provider: azure.Provider }[];
}

/**
 * The central Log Analytics workspace (in the stack's own, management, subscription: the
 * DeployIfNotExists diagnostics assignment targets it) and, in every placed subscription, the
 * Defender for Cloud plans and the security contact.
 */
export function createAzureSecurityServices(name: string, parent: pulumi.Resource, args: AzureSecurityServicesArgs) {
    const { ctx } = args;
    const cfg = ctx.config;
    const stateful = { parent, protect: true };
    const group = new resources.ResourceGroup(childName(name, "rg"), {
        resourceGroupName: ctx.naming.physical("azure.resourceGroup", "management", "rg"),
        location: cfg.region,
        tags: ctx.tags,
    }, stateful);
    const workspace = new operationalinsights.Workspace(childName(name, "workspace"), {
        resourceGroupName: group.name,
        workspaceName: ctx.naming.physical("azure.generic", "central-logs"),
        location: cfg.region,
        sku: { name: "PerGB2018" },
        retentionInDays: Math.min(730, Math.max(30, cfg.logging.retentionDays)),
        features: { disableLocalAuth: true, enableLogAccessUsingOnlyResourcePermissions: true },
        tags: ctx.tags,
    }, stateful);
    // Logical names carry the whole subscription id: two ids may share their first characters. The
    // former names (first 8 characters) stay as aliases where they were unique, so a deployed stack
    // keeps its URNs; where they collided the stack could not have been deployed.
    const former = (id: string, ...suffix: string[]) =>
        args.subscriptions.filter((s) => s.id.slice(0, 8) === id.slice(0, 8)).length === 1 ? [{ name: childName(name, ...suffix) }] : [];
    const plans = args.subscriptions.flatMap(({ id, provider }) => DEFENDER_PLANS.map((plan) => new security.Pricing(childName(name, "defender", id, plan.pricingName), {
        pricingName: plan.pricingName,
        pricingTier: "Standard",
        ...(plan.subPlan ? { subPlan: plan.subPlan } : {}),
        scopeId: `/subscriptions/${id}`,
    }, { parent, provider, aliases: former(id, "defender", id.slice(0, 8), plan.pricingName) })));
    const contacts = args.subscriptions.map(({ id, provider }) => new security.SecurityContact(childName(name, "contact", id), {
        securityContactName: "default",
        emails: cfg.organization.securityContacts.join(";"),
        isEnabled: true,
        notificationsByRole: { state: "On", roles: ["Owner"] },
        notificationsSources: [{ sourceType: "Alert", minimalSeverity: "Medium" }],
    }, { parent, provider, aliases: former(id, "contact", id.slice(0, 8)) }));
    return { group, workspace, plans, contacts };
}
