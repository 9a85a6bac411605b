import type { ConfigProblem } from "./errors";

/** A stack's own name from its reference (`<org>/<project>/<stack>`, `<stack>`): the name of its config file. */
export function stackNameOf(reference: string): string {
    return reference.split("/").pop() ?? reference;
}

/**
 * A domain stack serves a domain only once its platform stack has registered it under
 * `landing-zone:domains` (the platform then vends the domain's home). This is the one message for
 * an unregistered domain, used by the program at preview and by the offline plan.
 */
export function unregisteredDomainProblem(
    domain: string,
    platformStack: string,
    registered: readonly string[],
): ConfigProblem | undefined {
    if (registered.includes(domain)) return undefined;
    const stackName = stackNameOf(platformStack);
    const known = registered.length > 0 ? registered.join(", ") : "none";
    return {
        path: "landing-zone:domain",
        message:
            `"${domain}" is not registered on platform stack "${platformStack}" (registered: ${known}); ` +
            `add it under landing-zone:domains in config/Pulumi.${stackName}.yaml ` +
            "(npm run new-domain does this), then run the platform stack's `pulumi up` before this stack",
    };
}

/**
 * An aws platform that reads its organization stack vends each registered domain a home in the
 * domain's own member account, which the organization creates only for the domains it lists under
 * `landing-zone:organization.domains`. One problem per registered domain the organization does not list.
 */
export function unlistedOrganizationDomainProblems(
    registered: readonly string[],
    organizationStack: string,
    listed: readonly string[],
): ConfigProblem[] {
    const stackName = stackNameOf(organizationStack);
    const known = listed.length > 0 ? listed.join(", ") : "none";
    return registered.filter((domain) => !listed.includes(domain)).map((domain) => ({
        path: `landing-zone:domains.${domain}`,
        message:
            `has no account: organization stack "${organizationStack}" does not list "${domain}" (organization.domains: ${known}); ` +
            `add ${domain} to landing-zone:organization.domains in config/Pulumi.${stackName}.yaml (npm run new-domain does this), ` +
            `then run \`pulumi up --stack ${organizationStack}\` (it creates the domain's account) before this stack's`,
    }));
}
