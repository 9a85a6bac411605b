import * as authorization from "@pulumi/azure-native/authorization";
import type * as pulumi from "@pulumi/pulumi";
import { createHash } from "node:crypto";
import type { StackContext } from "../core/contracts";
import { childName } from "../core/naming";

/** Built-in Azure role definition ids (the same in every tenant). */
export const BUILTIN_ROLES = {
    acrPull: "7f951dda-4ed3-4680-a7ca-43fe172d538d",
    acrPush: "8311e382-0749-4cb8-b61a-304f252e45ec",
    keyVaultCryptoServiceEncryptionUser: "e147488a-f6f5-4113-8e2d-b22465e65bf6",
    managedIdentityOperator: "f1a07417-d97a-45cb-824c-7a7467783830",
    networkContributor: "4d97b98b-1d4f-4787-a291-c67834d212e7",
    privateDnsZoneContributor: "b12aa53e-6015-4669-85d0-8515ebb3ae7f",
    storageBlobDataContributor: "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
    /** The Functions host keeps its state in blobs (identity-based AzureWebJobsStorage). */
    storageBlobDataOwner: "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
    serviceBusDataSender: "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39",
    serviceBusDataReceiver: "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0",
    /** Telemetry to Application Insights with Entra ID auth (local auth is off). */
    monitoringMetricsPublisher: "3913510d-42f4-4e42-8a64-420c390055eb",
    monitoringContributor: "749f88d5-cbae-40b8-bcfc-e573ddc772fa",
    logAnalyticsContributor: "92aaf0da-9dab-42b6-94a3-d43ce8d16293",
    /** Tags only: what a Modify policy's identity needs to add a tag. */
    tagContributor: "4a9ae827-6dc8-4573-8ac7-8239d42aa03f",
    // Azure RBAC for Kubernetes authorization (AKS built-in roles), at cluster or namespace scope.
    aksRbacClusterAdmin: "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b",
    aksRbacAdmin: "3498e952-d568-435e-9b2c-8d77e338d7f7",
    aksRbacWriter: "a7ffa36f-339b-4b5c-8bdf-e2c188b2c0eb",
    aksRbacReader: "7f6c6a51-bcf8-42ba-9220-52d62157d7db",
    /** Lists the cluster user credential (the kubeconfig); grants nothing inside the cluster. */
    aksClusterUser: "4abbcc35-e782-43d8-92c5-2d3f1bd2253f",
    logAnalyticsReader: "73c42c96-874c-492b-b04d-ab87d138a893",
} as const;

export type BuiltinRole = keyof typeof BUILTIN_ROLES;

/**
 * A GUID derived from stable strings (role assignment names must be GUIDs). Deterministic, so a
 * re-run names the assignment the same; never random.
 */
export function deterministicGuid(...parts: string[]): string {
    const hex = createHash("sha256").update(parts.join("/")).digest("hex");
    // RFC 4122 layout, version 5 style (name-based), variant 10xx.
    const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The full id of a built-in role definition in the stack's subscription. */
export function roleDefinitionId(ctx: StackContext, role: BuiltinRole): string {
    const subscription = ctx.config.azure.subscriptionId;
    const path = `/providers/Microsoft.Authorization/roleDefinitions/${BUILTIN_ROLES[role]}`;
    return subscription ? `/subscriptions/${subscription}${path}` : path;
}

export interface RoleAssignmentArgs {
    /** The resource (or group) the role is granted on: as narrow as the principal needs. */
    scope: pulumi.Input<string>;
    role: BuiltinRole;
    principalId: pulumi.Input<string>;
    principalType?: "ServicePrincipal" | "Group" | "User";
}

/** A role assignment with a deterministic GUID name derived from the stack scope and the logical name. */
export function roleAssignment(name: string, parent: pulumi.Resource, ctx: StackContext, args: RoleAssignmentArgs,
    opts: pulumi.CustomResourceOptions = {}): authorization.RoleAssignment {
    const logical = childName(name, "role", args.role);
    return new authorization.RoleAssignment(logical, {
        roleAssignmentName: deterministicGuid(...ctx.naming.scope, ctx.config.region, logical),
        scope: args.scope,
        roleDefinitionId: roleDefinitionId(ctx, args.role),
        principalId: args.principalId,
        principalType: args.principalType ?? "ServicePrincipal",
    }, { ...opts, parent });
}
