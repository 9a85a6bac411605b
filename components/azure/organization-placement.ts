import * as pulumi from "@pulumi/pulumi";
import type { OrganizationReference, StackContext } from "../core/contracts";

/**
 * Where an Azure platform stack that reads organization-azure (`landing-zone:organizationStack`)
 * lives: the environment's management group and the subscription the organization placed under
 * it. The platform then creates no management group and moves no subscription itself.
 */
export interface OrganizationPlacement {
    /** The landing-zone root management group of the organization. */
    rootId: pulumi.Output<string>;
    /** The environment's management group (`environments.<env>.containerId`). */
    environmentId: pulumi.Output<string>;
    /** `/subscriptions/<id>`: the platform subscription, once checked against the organization's. */
    platformScope: pulumi.Output<string>;
    /**
     * Resolves to no resources once the check passed, fails with its message otherwise: the
     * `dependsOn` of the platform's hierarchy, so nothing is created in a subscription the
     * organization did not place for the environment.
     */
    guard: pulumi.Output<pulumi.Resource[]>;
}

/** The environment entry of organization-azure's `environments` output, as a platform reads it. */
export interface PlacedEnvironment {
    containerId?: string;
    platformScope?: string;
}

const bare = (subscription: string) => subscription.replace(/^\/subscriptions\//i, "").toLowerCase();

/**
 * Why the platform must not deploy against this organization (or undefined when it may): the
 * organization has no such environment, places no subscription for it, or places another one than
 * the platform's `azure.subscriptionId` (the subscription its provider is pinned to).
 */
export function placementProblem(environments: Record<string, PlacedEnvironment | undefined> | undefined, environment: string,
    subscriptionId: string | undefined, organizationStack: string): string | undefined {
    const entry = environments?.[environment];
    if (!entry) {
        return `organization stack ${organizationStack} has no environment ${environment}: add it to its landing-zone:organization.environments`;
    }
    if (!entry.platformScope) {
        return `organization stack ${organizationStack} places no platform subscription for environment ${environment}: add ` +
            `{ id: ${subscriptionId ?? "<subscription id>"}, group: corp, environment: ${environment} } to its landing-zone:organization.subscriptions`;
    }
    if (!entry.containerId) {
        return `organization stack ${organizationStack} records no management group for environment ${environment} ` +
            "(environments.<env>.containerId): run its `pulumi up` with that environment in landing-zone:organization.environments";
    }
    if (!subscriptionId || bare(entry.platformScope) !== bare(subscriptionId)) {
        return `landing-zone:azure.subscriptionId (${subscriptionId ?? "unset"}) is not the subscription organization stack ${organizationStack} ` +
            `placed for environment ${environment} (${bare(entry.platformScope)}): the platform would deploy outside the environment's ` +
            "management group and its policies; set azure.subscriptionId to the placed one or fix the placement in the organization stack";
    }
    return undefined;
}

/**
 * The platform's place in organization-azure's tree. The check runs as soon as the organization's
 * outputs are known: in `pulumi preview` and `pulumi up` (a deployed stack's outputs), and in the
 * strict offline plan; it is deferred in a default offline plan, where they are not.
 */
export function organizationPlacement(ctx: StackContext, organization: OrganizationReference): OrganizationPlacement {
    const { environment, azure } = ctx.config;
    const environments = organization.get("environments") as pulumi.Output<Record<string, PlacedEnvironment | undefined>>;
    const checked = environments.apply((envs) => {
        const problem = placementProblem(envs, environment, azure.subscriptionId, organization.name);
        if (problem) throw new pulumi.RunError(problem);
        return envs[environment]!;
    });
    return {
        rootId: organization.get("rootId"),
        environmentId: checked.apply((entry) => entry.containerId!),
        // The config's id, checked equal to the placed one (the provider and every scope use it).
        platformScope: checked.apply(() => `/subscriptions/${azure.subscriptionId}`),
        guard: checked.apply((): pulumi.Resource[] => []),
    };
}
