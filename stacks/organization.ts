import type { CloudLandingZone, OrganizationOutputs, StackContext } from "../components/core/contracts";

/** The organization layer: hierarchy root, preventive guardrails, detective services. Returns the stack outputs. */
export function organizationStack(cloud: CloudLandingZone, ctx: StackContext): OrganizationOutputs {
    return cloud.organization(ctx);
}
