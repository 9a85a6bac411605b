/**
 * Which planned stack a stack reads, and whether that stack serves it: the offline stand-in for
 * the StackReference the program makes and for the engine's check of the referenced stack.
 */
import { existsSync } from "node:fs";
import { ConfigError } from "../../components/core/config/errors";
import { stackNameOf, unlistedOrganizationDomainProblems, unregisteredDomainProblem } from "../../components/core/config/registration";
import { validateAllConfig } from "../../components/core/config/validate";
import { CONFIG_DIR, readConfigMap, stackFile, type StackConfigFile } from "./stack-files";

/** A stack reference: the name the program passes (maybe `org/project/stack`) and the local stack file it means. */
export interface StackRef {
    /** As configured, e.g. `acme/landing-zone/platform-aws-prod` or `platform-aws-prod`. */
    name: string;
    /** The stack whose config file is planned for it (the last segment). */
    stack: string;
}

/** The platform stack a domain stack references (the same default the program applies). */
export function referencedPlatform(config: Record<string, string>): string | undefined {
    if (config["landing-zone:layer"] !== "domain") return undefined;
    return config["landing-zone:platformStack"] ??
        `platform-${config["landing-zone:cloud"]}-${config["landing-zone:environment"]}`;
}

/** The organization stack a platform stack references, when it reads one (`landing-zone:organizationStack`). */
export function referencedOrganization(config: Record<string, string>): string | undefined {
    return config["landing-zone:layer"] === "platform" ? config["landing-zone:organizationStack"] : undefined;
}

/**
 * Every stack a stack reads: its platform or organization (`referencedStack`), and for an aws domain
 * in its own account also the organization stack that records that account (planned before its
 * platform, which reads it as well).
 */
export function referencedStacks(config: Record<string, string>): StackRef[] {
    const first = referencedStack(config);
    const organization = config["landing-zone:layer"] === "domain" ? config["landing-zone:organizationStack"] : undefined;
    const refs = first ? [first] : [];
    if (organization) refs.unshift({ name: organization, stack: stackNameOf(organization) });
    return refs;
}

/**
 * The stack a stack reads (organization -> platform -> domain), with the fully qualified name
 * resolved to its planned stack file.
 */
export function referencedStack(config: Record<string, string>): StackRef | undefined {
    const name = referencedPlatform(config) ?? referencedOrganization(config);
    return name ? { name, stack: stackNameOf(name) } : undefined;
}

/** The folder that holds a stack's file: the given one, else config/ (a fixture folder may hold only a domain). */
export function dirOf(stack: string, configDir?: string): string {
    return configDir && existsSync(stackFile(stack, configDir)) ? configDir : CONFIG_DIR;
}

/** The domains a platform stack file registers: the keys of its `landing-zone:domains`. */
export function registeredDomains(platformConfig: Record<string, unknown>): string[] {
    const domains = platformConfig["landing-zone:domains"];
    return domains && typeof domains === "object" && !Array.isArray(domains) ? Object.keys(domains) : [];
}

/** The domains an organization stack file lists under `landing-zone:organization.domains`. */
export function organizationDomains(organizationConfig: Record<string, unknown>): string[] {
    const organization = organizationConfig["landing-zone:organization"] as { domains?: unknown } | undefined;
    const domains = organization && typeof organization === "object" ? organization.domains : undefined;
    return Array.isArray(domains) ? domains.map(String) : [];
}

/**
 * What the program would reject, checked before anything is planned: the stack's own config
 * (every problem at once); then, for a domain stack, that its platform stack registers it, and for
 * an aws platform that reads its organization, that the organization lists every registered domain.
 * Throws a ConfigError. The platform file is read only when the stack's own config is valid, so a
 * bad `landing-zone:cloud` is named instead of a platform stack file that does not exist.
 */
export function checkStackInputs(file: StackConfigFile, configDir?: string): void {
    const secret = new Set(file.secretKeys);
    const config = validateAllConfig(file.config, (key) => secret.has(key), file.stack);
    const ref = referencedStack(file.config);
    if (ref && config.layer === "platform" && config.cloud === "aws") checkOrganizationLists(file, ref, Object.keys(config.domains), configDir ?? CONFIG_DIR);
    if (!ref || config.layer !== "domain" || !config.domain) return;
    let platformConfig: Record<string, unknown>;
    try {
        platformConfig = readConfigMap(ref.stack, dirOf(ref.stack, configDir));
    } catch {
        return; // the platform's own plan reports its file; this stack then fails as its dependent
    }
    const problem = unregisteredDomainProblem(config.domain, ref.name, registeredDomains(platformConfig));
    if (problem) throw new ConfigError([problem], file.stack);
}

/**
 * An aws platform that reads an organization stack vends each domain a home in the domain's account,
 * which the organization creates only for the domains it lists: without this check the plan passes
 * and the platform's `pulumi up` fails in an apply. Only an organization file in the folder itself is
 * read (a fixture folder without one plans against the sample organization, listing the samples' domains).
 */
function checkOrganizationLists(file: StackConfigFile, organization: StackRef, registered: string[], configDir: string): void {
    if (registered.length === 0 || !existsSync(stackFile(organization.stack, configDir))) return;
    let organizationConfig: Record<string, unknown>;
    try {
        organizationConfig = readConfigMap(organization.stack, configDir);
    } catch {
        return; // the organization's own plan reports its file; this stack then fails as its dependent
    }
    const problems = unlistedOrganizationDomainProblems(registered, organization.name, organizationDomains(organizationConfig));
    if (problems.length) throw new ConfigError(problems, file.stack);
}
