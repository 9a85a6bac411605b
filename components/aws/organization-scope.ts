import * as pulumi from "@pulumi/pulumi";
import { unlistedOrganizationDomainProblems } from "../core/config/registration";
import type { OrganizationReference, StackContext } from "../core/contracts";

/** Where an organization stack placed one environment of the landing zone on AWS. */
export interface AwsOrganizationScope {
    /** The organization stack read (`landing-zone:organizationStack`). */
    name: string;
    /** The Organizations root id. */
    rootId: pulumi.Output<string>;
    /** The environment's OU (Workloads/<environment>). */
    environmentUnitId: pulumi.Output<string>;
    /** The environment's shared-services account: where its platform stack runs. */
    platformAccountId: pulumi.Output<string>;
    /** A domain's account in this environment (an error names the key to add when it has none). */
    domainAccountId(domain: string): pulumi.Output<string>;
}

/**
 * The environment's accounts as the organization stack recorded them. Read once per stack, each
 * value an output of the StackReference (known in a preview once organization-aws is deployed).
 * A missing environment or domain fails with the organization key to add it to.
 */
export function organizationScope(ctx: StackContext, organization: OrganizationReference): AwsOrganizationScope {
    const env = ctx.config.environment;
    const environment = organization.get("environments").apply((environments) => {
        const found = environments[env];
        if (!found) throw new Error(`organization stack ${organization.name} has no environment ${env}: add it to its landing-zone:organization.environments`);
        return found;
    });
    return {
        name: organization.name,
        rootId: organization.get("rootId"),
        environmentUnitId: environment.apply((e) => e.containerId),
        platformAccountId: environment.apply((e) => {
            if (!e.platformScope) throw new Error(`organization stack ${organization.name} records no shared-services account for ${env}`);
            return e.platformScope;
        }),
        domainAccountId: (domain: string) => environment.apply((e) => {
            const id = e.domainScopes?.[domain];
            if (!id) {
                // The offline plan reports the same problem before anything runs (tools/plan/references.ts).
                const [problem] = unlistedOrganizationDomainProblems([domain], organization.name, Object.keys(e.domainScopes ?? {}));
                throw new Error(`${problem.path} ${problem.message}`);
            }
            return id;
        }),
    };
}
