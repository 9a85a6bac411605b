import type * as pulumi from "@pulumi/pulumi";
import type { Provisioning } from "../config/types";

/**
 * The resource hierarchy: GCP organization -> folder -> project, AWS Organizations OU -> account,
 * Azure management group -> subscription / resource group.
 */
export interface HierarchyOutputs {
    mode: Provisioning;
    /** The landing zone's top container (folder / OU / management group); the parent when mode is skip. */
    rootId: pulumi.Output<string>;
    /** The environment's container under the root. */
    environmentId: pulumi.Output<string>;
    /** Where the platform's resources live (account id / subscription or resource group / project id). */
    platformScope: pulumi.Output<string>;
    /** Where each domain's resources live, by domain name. */
    domainScopes: Record<string, pulumi.Output<string>>;
}
