import * as management from "@pulumi/azure-native/management";
import * as resources from "@pulumi/azure-native/resources";
import * as pulumi from "@pulumi/pulumi";
import type { HierarchyOutputs, OrganizationReference, StackContext } from "../core/contracts";
import { childName, physicalName } from "../core/naming";
import { type OrganizationPlacement, organizationPlacement } from "./organization-placement";

/** The resource groups of the platform, one per concern. */
export type PlatformConcern = "network" | "cluster" | "shared";
export const PLATFORM_CONCERNS: readonly PlatformConcern[] = ["network", "cluster", "shared"];

export interface HierarchyArgs {
    ctx: StackContext;
    /** organization-azure (`landing-zone:organizationStack`): its environment's group and placed subscription. */
    organization?: OrganizationReference;
}

export interface HierarchyResult {
    outputs: HierarchyOutputs;
    /** Resource group names per concern (network, cluster, shared services). */
    resourceGroups: Record<PlatformConcern, pulumi.Output<string>>;
    /** Resource group ids per concern (scopes for role assignments). */
    resourceGroupIds: Record<PlatformConcern, pulumi.Output<string>>;
    /** Resource group name of each domain of `landing-zone:domains`. */
    domainResourceGroups: Record<string, pulumi.Output<string>>;
    /**
     * The same names as plain values, for the stack's exports: a domain stack reads them after the
     * platform is deployed, so they need no dependency and stay readable in a preview.
     */
    names: { resourceGroups: Record<PlatformConcern, string>; domainResourceGroups: Record<string, string> };
    managementGroups: management.ManagementGroup[];
}

/** A management group id as ARM spells it (`/providers/Microsoft.Management/managementGroups/<name>`). */
export function managementGroupId(nameOrId: string): string {
    return nameOrId.startsWith("/") ? nameOrId : `/providers/Microsoft.Management/managementGroups/${nameOrId}`;
}

/**
 * The Azure hierarchy: management groups (mode `create`: the landing zone's group under
 * `hierarchy.parentId`, the environment's group beneath it, the platform subscription moved into
 * it), and in every mode the platform's resource groups per concern plus one per domain. With
 * `organizationStack` the groups and the placement are organization-azure's: nothing of them is
 * created, and the component waits for the subscription check (organization-placement.ts).
 */
export class Hierarchy extends pulumi.ComponentResource {
    readonly result: HierarchyResult;

    constructor(name: string, args: HierarchyArgs, opts?: pulumi.ComponentResourceOptions) {
        const placement = args.organization && organizationPlacement(args.ctx, args.organization);
        super("landing-zone:azure:Hierarchy", name, {}, placement ? { ...opts, dependsOn: placement.guard } : opts);
        this.result = createHierarchy(name, this, args, placement);
        this.registerOutputs({ rootId: this.result.outputs.rootId, environmentId: this.result.outputs.environmentId });
    }
}

export function createHierarchy(name: string, parent: pulumi.Resource, args: HierarchyArgs, placement?: OrganizationPlacement): HierarchyResult {
    const { ctx } = args;
    const cfg = ctx.config;
    const h = cfg.hierarchy;
    const existing = h.existingIds ?? {};
    // The tenant root group's id is the tenant id.
    const parentGroup = managementGroupId(h.parentId ?? cfg.azure.tenantId ?? "");
    const stateful = { parent, protect: cfg.protectStateful };
    const managementGroups: management.ManagementGroup[] = [];

    let rootId: pulumi.Output<string>;
    let environmentId: pulumi.Output<string>;
    if (placement) {
        // organization-azure owns the groups and has placed the subscription: nothing to create.
        rootId = placement.rootId;
        environmentId = placement.environmentId;
    } else if (h.mode === "create") {
        // One landing-zone group shared by every environment's platform stack (same name from each):
        // retained on delete so destroying one environment does not pull it from the others.
        const rootName = physicalName("azure.managementGroup", [cfg.prefix, "landing", "zone"]);
        const root = new management.ManagementGroup(childName(name, "root"), {
            groupId: rootName,
            displayName: `${cfg.prefix} landing zone`,
            details: { parent: { id: parentGroup } },
        }, { ...stateful, retainOnDelete: true });
        const environmentName = ctx.naming.physical("azure.managementGroup");
        const environment = new management.ManagementGroup(childName(name, "environment"), {
            groupId: environmentName,
            displayName: `${cfg.prefix} ${cfg.environment}`,
            details: { parent: { id: managementGroupId(rootName) } },
        }, { ...stateful, dependsOn: [root] });
        managementGroups.push(root, environment);
        // The platform subscription (the provider's) moves under the environment's group, so the
        // environment's policies and role assignments apply to it.
        if (cfg.azure.subscriptionId) {
            new management.ManagementGroupSubscription(childName(name, "subscription"), {
                groupId: environmentName,
            }, { parent, dependsOn: [environment] });
        }
        rootId = root.id;
        environmentId = environment.id;
    } else if (h.mode === "existing") {
        rootId = pulumi.output(managementGroupId(existing.root ?? h.parentId ?? cfg.azure.tenantId ?? ""));
        environmentId = pulumi.output(managementGroupId(existing.environment ?? existing.root ?? h.parentId ?? ""));
    } else {
        rootId = pulumi.output(parentGroup);
        environmentId = pulumi.output(parentGroup);
    }

    const concernNames = Object.fromEntries(PLATFORM_CONCERNS.map((concern) =>
        [concern, ctx.naming.physical("azure.resourceGroup", concern, "rg")])) as Record<PlatformConcern, string>;
    const group = (concern: PlatformConcern) => new resources.ResourceGroup(childName(name, concern), {
        resourceGroupName: concernNames[concern],
        location: cfg.region,
        tags: ctx.tags,
    }, stateful);

    const concernGroups = Object.fromEntries(PLATFORM_CONCERNS.map((concern) => [concern, group(concern)])) as
        Record<PlatformConcern, resources.ResourceGroup>;

    // A domain whose resource group exists already (mode `existing`, `existingIds.<domain>`) is not created.
    const domainScopes: Record<string, pulumi.Output<string>> = {};
    const domainResourceGroups: Record<string, pulumi.Output<string>> = {};
    const domainNames: Record<string, string> = {};
    for (const domain of Object.keys(cfg.domains)) {
        const existingGroup = h.mode === "existing" ? existing[domain] : undefined;
        if (existingGroup) {
            domainNames[domain] = existingGroup.split("/").pop() ?? existingGroup;
            domainResourceGroups[domain] = pulumi.output(domainNames[domain]);
            domainScopes[domain] = pulumi.output(existingGroup.startsWith("/") ? existingGroup
                : `/subscriptions/${cfg.azure.subscriptionId ?? ""}/resourceGroups/${existingGroup}`);
            continue;
        }
        domainNames[domain] = physicalName("azure.resourceGroup", [cfg.prefix, cfg.environment, domain, "rg"]);
        const rg = new resources.ResourceGroup(childName(name, "domain", domain), {
            resourceGroupName: domainNames[domain],
            location: cfg.region,
            tags: { ...ctx.tags, domain },
        }, stateful);
        domainResourceGroups[domain] = rg.name;
        domainScopes[domain] = rg.id;
    }

    const platformSubscription = existing.platform ?? cfg.azure.subscriptionId;
    const outputs: HierarchyOutputs = {
        mode: h.mode,
        rootId,
        environmentId,
        platformScope: placement ? placement.platformScope : platformSubscription ? pulumi.output(`/subscriptions/${platformSubscription}`) : concernGroups.shared.id,
        domainScopes,
    };
    const pick = (f: (rg: resources.ResourceGroup) => pulumi.Output<string>) =>
        Object.fromEntries(PLATFORM_CONCERNS.map((c) => [c, f(concernGroups[c])])) as Record<PlatformConcern, pulumi.Output<string>>;
    return {
        outputs,
        resourceGroups: pick((rg) => rg.name),
        resourceGroupIds: pick((rg) => rg.id),
        domainResourceGroups,
        names: { resourceGroups: concernNames, domainResourceGroups: domainNames },
        managementGroups,
    };
}
