import * as management from "@pulumi/azure-native/management";
import * as pulumi from "@pulumi/pulumi";
import type { AzureGroupRole } from "../core/config/types";
import type { GuardrailSummary, OrganizationEnvironment, OrganizationOutputs, StackContext } from "../core/contracts";
import { childName, physicalName } from "../core/naming";
import { type AssignmentScope, createAzureGuardrails } from "./guardrails";
import { managementGroupId } from "./hierarchy";
import { azureProvider, subscriptionProvider } from "./provider";
import { createAzureSecurityServices } from "./security-services";

/** The Azure Landing Zones tree under the landing-zone root: each group and its parent. */
export const GROUP_TREE: Record<Exclude<AssignmentScope, "root">, AssignmentScope> = {
    platform: "root",
    management: "platform",
    connectivity: "platform",
    identity: "platform",
    landingzones: "root",
    corp: "landingzones",
    online: "landingzones",
    sandbox: "root",
    decommissioned: "root",
};

/** The guardrails of organization-azure, as the README's side-by-side table lists them. */
export const AZURE_GUARDRAILS: readonly GuardrailSummary[] = [
    { name: "Policy: allowed locations", kind: "preventive" },
    { name: "Policy: deny classic resources", kind: "preventive" },
    { name: "Policy: deny public IPs on NICs (corp)", kind: "preventive" },
    { name: "Policy: storage HTTPS only, no public blob access", kind: "preventive" },
    { name: "Policy: AKS without privileged containers", kind: "preventive" },
    { name: "Policy: missing tags inherited from the resource group (Modify)", kind: "preventive" },
    { name: "Policy: deploy diagnostic settings to the central workspace (DeployIfNotExists)", kind: "detective" },
    { name: "Defender for Cloud: Containers, Storage, Key Vault, Databases, ARM", kind: "detective" },
    { name: "Security contacts for Defender alerts", kind: "detective" },
];

/**
 * organization-azure: the Azure Landing Zones management group tree under the tenant root group
 * (landing-zone root -> Platform (management, connectivity, identity), Landing zones (corp,
 * online), Sandbox, Decommissioned), subscriptions placed by config, the policy assignments at
 * group scope, the central workspace, and Defender for Cloud with security contacts in every
 * placed subscription. Platform stacks read their environment's group and subscription.
 */
export function createOrganization(name: string, parent: pulumi.Resource, ctx: StackContext): OrganizationOutputs {
    const cfg = ctx.config;
    const groupName = (role: string) => physicalName("azure.managementGroup", role === "root" ? [cfg.prefix] : [cfg.prefix, role]);
    const stateful = { parent, protect: true };
    const root = new management.ManagementGroup(childName(name, "mg", "root"), {
        groupId: groupName("root"),
        displayName: `${cfg.prefix} landing zone`,
        details: { parent: { id: managementGroupId(cfg.azure.tenantId ?? "") } },
    }, stateful);
    const groups: Partial<Record<AssignmentScope, management.ManagementGroup>> = { root };
    const make = (role: Exclude<AssignmentScope, "root">): management.ManagementGroup => {
        const existing = groups[role];
        if (existing) return existing;
        const parentRole = GROUP_TREE[role];
        const parentGroup = parentRole === "root" ? root : make(parentRole);
        const group = new management.ManagementGroup(childName(name, "mg", role), {
            groupId: groupName(role),
            displayName: `${cfg.prefix} ${role}`,
            // The parent's id output: the engine creates the parent first.
            details: { parent: { id: parentGroup.id } },
        }, stateful);
        groups[role] = group;
        return group;
    };
    for (const role of Object.keys(GROUP_TREE) as Exclude<AssignmentScope, "root">[]) make(role);
    const ids = Object.fromEntries(Object.entries(groups).map(([role, group]) => [role, group.id])) as Record<AssignmentScope, pulumi.Output<string>>;

    const placements = cfg.organization.subscriptions;
    const stackSubscription = cfg.azure.subscriptionId;
    const subscriptionIds = [...new Set([...(stackSubscription ? [stackSubscription] : []), ...placements.map((p) => p.id)])];
    const providers = Object.fromEntries(subscriptionIds.map((id) => [id, subscriptionProvider(ctx, id)]));
    for (const placement of placements) {
        const group = groups[placement.group as AzureGroupRole]!;
        // The whole subscription id in the logical name (two ids may share a prefix); the former,
        // shortened name stays an alias where it was unique, so a placement made under it keeps its URN.
        const short = placement.id.slice(0, 8);
        const unique = placements.filter((p) => p.id.slice(0, 8) === short).length === 1;
        new management.ManagementGroupSubscription(childName(name, "placement", placement.id), {
            groupId: group.name,
        }, { parent, provider: providers[placement.id], aliases: unique ? [{ name: childName(name, "placement", short) }] : [] });
    }
    const services = createAzureSecurityServices(childName(name, "security"), parent, {
        ctx, subscriptions: subscriptionIds.map((id) => ({ id, provider: providers[id] })),
    });
    createAzureGuardrails(childName(name, "policy"), parent, { config: cfg, groups: ids, workspaceId: services.workspace.id });

    const environments = Object.fromEntries(cfg.organization.environments.map((env): [string, OrganizationEnvironment] => {
        const placement = placements.find((p) => p.environment === env);
        const group = placement ? groups[placement.group as AzureGroupRole]! : groups.corp!;
        return [env, {
            containerId: group.id,
            ...(placement ? { platformScope: pulumi.output(placement.id) } : {}),
            domainScopes: {},
        }];
    }));
    const managementSubscription = pulumi.output(stackSubscription ?? "");
    return {
        rootId: root.id,
        environments,
        securityScope: managementSubscription,
        logArchiveScope: managementSubscription,
        guardrails: [...AZURE_GUARDRAILS],
        nextSteps: [
            "Grant the platform team's deployer Owner (or Contributor + User Access Administrator) on its environment's subscription (environments.<env>.platformScope).",
            "Subscriptions are created outside this stack (EA/MCA billing); add each to landing-zone:organization.subscriptions to place it and turn on Defender for Cloud.",
        ],
    };
}

/** The organization layer on Azure (`landing-zone:azure:Organization`). */
export class AzureOrganization extends pulumi.ComponentResource {
    readonly outputs: OrganizationOutputs;

    constructor(name: string, ctx: StackContext, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:azure:Organization", name, {}, opts);
        this.outputs = createOrganization(name, this, ctx);
        this.registerOutputs({ rootId: this.outputs.rootId });
    }
}

/** The organization layer's entry point for the stack program. */
export function organization(ctx: StackContext): OrganizationOutputs {
    return new AzureOrganization("organization", ctx, { provider: azureProvider(ctx) }).outputs;
}
