import type * as azure from "@pulumi/azure-native/provider";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as resources from "@pulumi/azure-native/resources";
import * as security from "@pulumi/azure-native/security";
import type * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../core/contracts";
import { childName } from "../core/naming";

/** Defender for Cloud plans turned on (Standard tier) in every subscription the organization places. */
export const DEFENDER_PLANS = ["Containers", "StorageAccounts", "KeyVaults", "OpenSourceRelationalDatabases", "Arm"] as const;

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
    const plans = args.subscriptions.flatMap(({ id, provider }) => DEFENDER_PLANS.map((plan) => new security.Pricing(childName(name, "defender", id.slice(0, 8), plan), {
        pricingName: plan,
        pricingTier: "Standard",
        scopeId: `/subscriptions/${id}`,
    }, { parent, provider })));
    const contacts = args.subscriptions.map(({ id, provider }) => new security.SecurityContact(childName(name, "contact", id.slice(0, 8)), {
        securityContactName: "default",
        emails: cfg.organization.securityContacts.join(";"),
        isEnabled: true,
        notificationsByRole: { state: "On", roles: ["Owner"] },
        notificationsSources: [{ sourceType: "Alert", minimalSeverity: "Medium" }],
    }, { parent, provider }));
    return { group, workspace, plans, contacts };
}
