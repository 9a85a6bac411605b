import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../core/contracts";
import { childName, stableHash } from "../core/naming";

/** IAM roles of the cluster-wide personas on the cluster's (host) project. */
export const PERSONA_ROLES = {
    platformAdmin: ["roles/container.admin"],
    auditor: ["roles/container.viewer", "roles/logging.viewer"],
} as const;

export interface PersonaAccessArgs {
    ctx: StackContext;
    hostProjectId: pulumi.Input<string>;
}

/**
 * The cluster-wide personas on GKE, bound to Google groups through IAM on the cluster's project:
 * `gcp.platformAdminGroups` get Kubernetes Engine Admin, `auditors` Kubernetes Engine Viewer (read
 * every object, no secrets) and Logs Viewer. Domain admins and readers are namespace RoleBindings
 * in the domain's home (GKE Google Groups for RBAC).
 */
export function createPersonaAccess(name: string, parent: pulumi.Resource, args: PersonaAccessArgs): gcp.projects.IAMMember[] {
    const { ctx } = args;
    const members: gcp.projects.IAMMember[] = [];
    const bind = (persona: keyof typeof PERSONA_ROLES, groups: readonly string[]) => {
        for (const group of groups) {
            for (const role of PERSONA_ROLES[persona]) {
                members.push(new gcp.projects.IAMMember(childName(name, persona, stableHash([group], 6), role.split("/").pop()!.replace(".", "-")), {
                    project: args.hostProjectId,
                    role,
                    member: `group:${group}`,
                }, { parent }));
            }
        }
    };
    bind("platformAdmin", ctx.config.gcp.platformAdminGroups ?? []);
    bind("auditor", ctx.config.auditors);
    return members;
}

/** The cluster-wide personas' access (`landing-zone:gcp:PersonaAccess`). */
export class PersonaAccess extends pulumi.ComponentResource {
    constructor(name: string, args: PersonaAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:gcp:PersonaAccess", name, {}, opts);
        createPersonaAccess(name, this, args);
        this.registerOutputs({});
    }
}
