import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../core/contracts";
import { childName, stableHash } from "../core/naming";
import { roleAssignment } from "./rbac";

export interface PersonaAccessArgs {
    ctx: StackContext;
    clusterId: pulumi.Input<string>;
    /** The central Log Analytics workspace (the auditors read it). */
    workspaceId: pulumi.Input<string>;
}

/**
 * The cluster-wide personas on AKS (Azure RBAC for Kubernetes authorization): `auditors` (Entra
 * groups) get AKS RBAC Reader on the cluster, the user credential to reach it, and Log Analytics
 * Reader on the central workspace. Platform admins are the cluster's `azure.adminGroupObjectIds`;
 * domain admins and readers are bound at their namespace's scope by the domain's home.
 */
export function createPersonaAccess(name: string, parent: pulumi.Resource, args: PersonaAccessArgs): void {
    const { ctx } = args;
    for (const group of ctx.config.auditors) {
        const key = `auditor-${stableHash([group], 6)}`;
        const grant = (suffix: string, role: Parameters<typeof roleAssignment>[3]["role"], scope: pulumi.Input<string>) =>
            roleAssignment(childName(name, key, suffix), parent, ctx, { scope, role, principalId: group, principalType: "Group" });
        grant("cluster", "aksRbacReader", args.clusterId);
        grant("credentials", "aksClusterUser", args.clusterId);
        grant("logs", "logAnalyticsReader", args.workspaceId);
    }
}

/** The cluster-wide personas' access (`landing-zone:azure:PersonaAccess`). */
export class PersonaAccess extends pulumi.ComponentResource {
    constructor(name: string, args: PersonaAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:azure:PersonaAccess", name, {}, opts);
        createPersonaAccess(name, this, args);
        this.registerOutputs({});
    }
}
