import * as authorization from "@pulumi/azure-native/authorization";
import type * as pulumi from "@pulumi/pulumi";
import { childName } from "../core/naming";

/**
 * Cloud-side deletion protection for a stateful resource: a `CanNotDelete` management lock on its
 * scope (Azure's counterpart of AWS `deletionProtection`). Deleting the resource then needs the lock
 * removed first, by someone allowed to manage locks.
 */
export function deletionLock(name: string, parent: pulumi.Resource, scope: pulumi.Input<string>, what: string): authorization.ManagementLockByScope {
    return new authorization.ManagementLockByScope(childName(name, "lock"), {
        scope,
        level: "CanNotDelete",
        lockName: "landing-zone-do-not-delete",
        notes: `Deletion protection for ${what} (landing zone, prod). Remove the lock deliberately before deleting.`,
    }, { parent });
}
