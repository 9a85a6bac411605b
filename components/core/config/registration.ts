import type { ConfigProblem } from "./errors";

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
    const stackName = platformStack.split("/").pop() ?? platformStack;
    const known = registered.length > 0 ? registered.join(", ") : "none";
    return {
        path: "landing-zone:domain",
        message:
            `"${domain}" is not registered on platform stack "${platformStack}" (registered: ${known}); ` +
            `add it under landing-zone:domains in config/Pulumi.${stackName}.yaml ` +
            "(npm run new-domain does this), then run the platform stack's `pulumi up` before this stack",
    };
}
