import * as pulumi from "@pulumi/pulumi";
import * as time from "@pulumiverse/time";
import { childName } from "../core/naming";

/**
 * How long a create that checks a fresh role assignment at once waits after the grant. Azure RBAC
 * is eventually consistent: ARM answers "if role assignments ... were changed recently, please
 * observe propagation time", and the azure-native provider neither waits nor retries the user's
 * create for it (it only sets `principalType`, which avoids the principal-replication failure of the
 * assignment itself). Most grants are effective within a minute; Azure documents up to 10 minutes
 * in rare cases, after which a second `pulumi up` completes the stack. See docs/azure.md.
 */
export const ROLE_PROPAGATION = "60s";

/**
 * A `time.Sleep` that starts once every grant exists and ends `ROLE_PROPAGATION` later: make it a
 * dependency of the resource whose create checks those grants (AKS and its kubelet identity, a
 * customer-managed-key storage account, a flow log writing with its identity). Waits again when a
 * grant is replaced (its id is a trigger); costs nothing on later updates.
 */
export function afterGrants(name: string, parent: pulumi.Resource, grants: pulumi.CustomResource[]): time.Sleep {
    return new time.Sleep(childName(name, "grant-propagation"), {
        createDuration: ROLE_PROPAGATION,
        triggers: { grants: pulumi.all(grants.map((g) => g.id)).apply((ids) => ids.join(",")) },
    }, { parent, dependsOn: grants });
}
