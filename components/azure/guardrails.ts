import * as authorization from "@pulumi/azure-native/authorization";
import * as pulumi from "@pulumi/pulumi";
import type { ResolvedConfig } from "../core/config/presets";
import type { AzureGroupRole } from "../core/config/types";
import { childName } from "../core/naming";
import { STANDARD_TAG_KEYS } from "../core/tags";
import { BUILTIN_ROLES, deterministicGuid } from "./rbac";

/** Where in the tree an assignment applies: the landing-zone root group, or one Azure Landing Zones group. */
export type AssignmentScope = "root" | "platform" | "landingzones" | AzureGroupRole;

/** A built-in definition (or initiative) assigned at management-group scope, as data. */
export interface PolicyAssignmentSpec {
    /** The assignment name: at most 24 characters at management-group scope. */
    name: string;
    displayName: string;
    /** `/providers/Microsoft.Authorization/policyDefinitions/<guid>` or `.../policySetDefinitions/<guid>`. */
    definitionId: string;
    scope: AssignmentScope;
    parameters: Record<string, unknown>;
    /** DeployIfNotExists / Modify: a managed identity with these built-in roles at the assignment's scope. */
    remediationRoles?: string[];
    message: string;
}

const definition = (guid: string) => `/providers/Microsoft.Authorization/policyDefinitions/${guid}`;
const initiative = (guid: string) => `/providers/Microsoft.Authorization/policySetDefinitions/${guid}`;

/** Built-in role ids the DeployIfNotExists assignment needs (the initiative's own roleDefinitionIds). */
export const DIAGNOSTICS_ROLES = {
    monitoringContributor: BUILTIN_ROLES.monitoringContributor,
    logAnalyticsContributor: BUILTIN_ROLES.logAnalyticsContributor,
} as const;

/**
 * Tag Contributor: what the tag-inheritance (Modify) assignments' identities need to remediate
 * existing resources (tags only; the built-in lists Contributor, which our role policy refuses).
 */
export const TAG_CONTRIBUTOR = BUILTIN_ROLES.tagContributor;

/** Built-in "Inherit a tag from the resource group if missing" (Modify, mode Indexed). */
export const INHERIT_TAG_FROM_RESOURCE_GROUP = "ea3f2387-9b95-492a-a190-fcdc54f7b070";

/** Classic (ASM) resource types: retired; nothing new may use them. */
export const CLASSIC_RESOURCE_TYPES = [
    "Microsoft.ClassicCompute/virtualMachines", "Microsoft.ClassicCompute/domainNames",
    "Microsoft.ClassicStorage/storageAccounts", "Microsoft.ClassicNetwork/virtualNetworks",
    "Microsoft.ClassicNetwork/reservedIps", "Microsoft.ClassicNetwork/networkSecurityGroups",
] as const;

/**
 * The Azure Policy assignments of the landing zone (Azure Landing Zones' defaults that fit it),
 * built-in definitions by id with their parameters. Ids, kinds and parameter names checked against
 * the built-in catalogue (Azure/azure-policy `built-in-policies/`); pinned in
 * test/azure/organization/guardrails.test.ts.
 */
export function policyAssignmentSpecs(config: Pick<ResolvedConfig, "organization">, workspaceId: pulumi.Input<string>): PolicyAssignmentSpec[] {
    return [
        {
            name: "lz-allowed-locations", displayName: "Allowed locations", scope: "root",
            definitionId: definition("e56962a6-4747-49cd-b67b-bf8b01975c4c"),
            parameters: { listOfAllowedLocations: { value: [...config.organization.allowedRegions] } },
            message: `Resources may be created in ${config.organization.allowedRegions.join(", ")} only.`,
        },
        {
            name: "lz-deny-classic", displayName: "Deny classic (ASM) resources", scope: "root",
            definitionId: definition("6c112d4e-5bc7-47ae-a041-ea2d9dccd749"),
            parameters: { listOfResourceTypesNotAllowed: { value: [...CLASSIC_RESOURCE_TYPES] }, effect: { value: "Deny" } },
            message: "Classic resources are retired: use Azure Resource Manager resources.",
        },
        {
            name: "lz-deploy-diagnostics", displayName: "Deploy diagnostic settings to the central workspace", scope: "root",
            definitionId: initiative("0884adba-2312-4468-abeb-5422caed1038"),
            parameters: { logAnalytics: { value: workspaceId } },
            remediationRoles: Object.values(DIAGNOSTICS_ROLES),
            message: "Every supported resource sends its logs to the central Log Analytics workspace.",
        },
        {
            name: "lz-deny-nic-public-ip", displayName: "Network interfaces should not have public IPs", scope: "corp",
            definitionId: definition("83a86a26-fd1f-447c-b59d-e51f44264114"),
            parameters: {},
            message: "Corp landing zones reach the internet through the hub, never through a public IP on a NIC.",
        },
        {
            name: "lz-storage-https", displayName: "Secure transfer to storage accounts should be enabled", scope: "landingzones",
            definitionId: definition("404c3081-a854-4457-ae30-26a93ef643f9"),
            parameters: { effect: { value: "Deny" } },
            message: "Storage accounts accept HTTPS only (supportsHttpsTrafficOnly).",
        },
        {
            name: "lz-storage-no-public", displayName: "Storage account public access should be disallowed", scope: "landingzones",
            definitionId: definition("4fa4b6c0-31ca-4c0d-b10d-24b96f62a751"),
            parameters: { effect: { value: "Deny" } },
            message: "Storage accounts allow no anonymous blob access (allowBlobPublicAccess: false).",
        },
        {
            name: "lz-aks-no-privileged", displayName: "Kubernetes clusters should not allow privileged containers", scope: "landingzones",
            definitionId: definition("95edb821-ddaf-4404-9732-666045e056b4"),
            parameters: { effect: { value: "Deny" } },
            message: "No privileged containers on AKS (Azure Policy add-on for AKS).",
        },
        // Tags: inherited from the resource group where a resource lacks one, never a Deny. Azure
        // creates resources of its own without our tags (the AKS node resource group's disks and
        // scale sets, traffic analytics' data collection rule and endpoint, Network Watcher), and a
        // Deny of "Require a tag on resources" refuses them (docs/azure.md, "Tags"). Our own
        // resources carry every standard tag already: the policy pack checks that before deploy.
        // Named apart from the former Deny assignments (`lz-tag-<key>`): an assignment's location and
        // identity cannot be added in place, so these are new assignments and the old ones go.
        ...STANDARD_TAG_KEYS.filter((tag) => tag !== "managed-by").map((tag): PolicyAssignmentSpec => ({
            name: `lz-inherit-${tag}`.slice(0, 24), displayName: `Inherit the ${tag} tag from the resource group`, scope: "landingzones",
            definitionId: definition(INHERIT_TAG_FROM_RESOURCE_GROUP),
            parameters: { tagName: { value: tag } },
            remediationRoles: [TAG_CONTRIBUTOR],
            message: `A resource without the ${tag} tag gets its resource group's.`,
        })),
    ];
}

export interface AzureGuardrailsArgs {
    config: ResolvedConfig;
    /** Management group ids (`/providers/Microsoft.Management/managementGroups/<name>`) by scope. */
    groups: Record<AssignmentScope, pulumi.Output<string>>;
    workspaceId: pulumi.Input<string>;
}

/**
 * The policy assignments, each at its group, enforced (`Default`). A DeployIfNotExists assignment
 * gets a system-assigned identity and its remediation roles at the same scope, so remediation
 * tasks can deploy what the policy asks for.
 */
export function createAzureGuardrails(name: string, parent: pulumi.Resource, args: AzureGuardrailsArgs) {
    const specs = policyAssignmentSpecs(args.config, args.workspaceId);
    return specs.map((spec) => {
        const scope = args.groups[spec.scope];
        const assignment = new authorization.PolicyAssignment(childName(name, spec.name), {
            policyAssignmentName: spec.name,
            displayName: spec.displayName,
            scope,
            policyDefinitionId: spec.definitionId,
            parameters: spec.parameters as never,
            enforcementMode: "Default",
            nonComplianceMessages: [{ message: spec.message }],
            ...(spec.remediationRoles ? { identity: { type: "SystemAssigned" }, location: args.config.region } : {}),
        }, { parent });
        const roles = (spec.remediationRoles ?? []).map((role) => new authorization.RoleAssignment(childName(name, spec.name, "role", role.slice(0, 8)), {
            roleAssignmentName: deterministicGuid(args.config.prefix, "organization", spec.name, role),
            scope,
            roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${role}`,
            principalId: assignment.identity.apply((identity) => identity?.principalId ?? ""),
            principalType: "ServicePrincipal",
        }, { parent }));
        return { spec, assignment, roles };
    });
}
