import * as authorization from "@pulumi/azure-native/authorization";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { BUILTIN_ROLES, deterministicGuid } from "./rbac";

/** The full id of a built-in role definition in `subscriptionId` (the subscription of the scope it is assigned on). */
export function builtInRoleId(subscriptionId: pulumi.Input<string>, roleGuid: string): pulumi.Output<string> {
    return pulumi.interpolate`/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`;
}

/** Broad roles a domain workload must never get (tests assert their absence). */
export const BROAD_ROLES = {
    owner: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
    contributor: "b24988ac-6180-42a0-ab88-20f7382dd24c",
    userAccessAdministrator: "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
} as const;

export interface WorkloadAccessArgs {
    ctx: StackContext;
    /** Object (principal) id of the workload identity. */
    principalId: pulumi.Input<string>;
    subscriptionId: pulumi.Input<string>;
    /** The domain's blob container (resource id): blob data read/write there only. */
    storageContainerId: pulumi.Input<string>;
    /** The domain's Service Bus queue (resource id): send and receive there only. */
    queueId: pulumi.Input<string>;
}

/**
 * What the domain workload may touch (the workload identity is the platform's, vended with the
 * domain's home; this stack only grants it access to its own resources), each grant scoped to one of
 * this domain's resources: the blob container and the queue. No subscription or resource group
 * scope, no Owner/Contributor. The cache's data access policy lives with the cache; PostgreSQL has no
 * Azure RBAC data-plane role: the workload's database role is created by the database bootstrap (it
 * is never a server administrator).
 */
export class WorkloadAccess extends pulumi.ComponentResource {
    readonly result: ReturnType<typeof createWorkloadAccess>;

    constructor(name: string, args: WorkloadAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:azure:WorkloadAccess", name, {}, opts);
        this.result = createWorkloadAccess(name, this, args);
        this.registerOutputs({ roleAssignments: this.result.roleAssignments.map((r) => r.id) });
    }
}

export function createWorkloadAccess(name: string, parent: pulumi.Resource, args: WorkloadAccessArgs) {
    const { ctx } = args;
    const opts = { parent };
    const grant = (suffix: string, role: string, scope: pulumi.Input<string>, description: string) =>
        new authorization.RoleAssignment(childName(name, suffix), {
            roleAssignmentName: deterministicGuid(...ctx.naming.scope, ctx.config.region, childName(name, suffix)),
            principalId: args.principalId,
            principalType: "ServicePrincipal",
            roleDefinitionId: builtInRoleId(args.subscriptionId, role),
            scope,
            description,
        }, opts);

    const roleAssignments = [
        grant("blob-data", BUILTIN_ROLES.storageBlobDataContributor, args.storageContainerId, "Domain workload: read/write blobs in its container"),
        grant("queue-send", BUILTIN_ROLES.serviceBusDataSender, args.queueId, "Domain workload: send to its queue"),
        grant("queue-receive", BUILTIN_ROLES.serviceBusDataReceiver, args.queueId, "Domain workload: receive from its queue"),
    ];

    return { roleAssignments };
}
