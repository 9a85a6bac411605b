import * as pulumi from "@pulumi/pulumi";
import { ConfigError, type ConfigProblem } from "../components/core/config/errors";
import { unregisteredDomainProblem } from "../components/core/config/registration";
import type { CloudLandingZone, DomainOutputs, PlatformExports, PlatformReference, StackContext } from "../components/core/contracts";
import { organizationReference } from "./platform";

/** A typed view of the platform stack's outputs, read through a StackReference. */
export function platformReference(ref: pulumi.StackReference, name: string): PlatformReference {
    return {
        name,
        get: <K extends keyof PlatformExports>(key: K) =>
            ref.requireOutput(key) as pulumi.Output<pulumi.Unwrap<PlatformExports[K]>>,
    };
}

/**
 * Whether the platform stack serves `domain`: its plain `domains` output must list it. A platform
 * that exports no such list (not deployed yet, or an older version) is reported the same way.
 */
export async function registrationProblem(ref: pulumi.StackReference, domain: string, platformStack: string): Promise<ConfigProblem | undefined> {
    const value = await referencedValue(ref, "domains");
    const registered = Array.isArray(value) ? value.filter((d): d is string => typeof d === "string") : [];
    return unregisteredDomainProblem(domain, platformStack, registered);
}

/**
 * One output of a referenced stack, awaited. A deployed stack's outputs are all known; the SDK makes
 * every output of a reference unknown as soon as one is (an offline plan of a platform that is not
 * deployed), so a plain value is then read through the outputs' lifted property, which other
 * outputs' unknowns do not hide (the SDK's own `promise()` of an Output, as `getOutputDetails` uses).
 */
async function referencedValue(ref: pulumi.StackReference, key: string): Promise<unknown> {
    const details = await ref.getOutputDetails(key);
    const value = details.value ?? details.secretValue;
    if (value !== undefined) return value;
    const lifted = (ref.outputs as unknown as Record<string, { promise?: () => Promise<unknown> } | undefined>)[key];
    return typeof lifted?.promise === "function" ? await lifted.promise() : undefined;
}

/**
 * The domain layer: cloud APIs only. Before any of its resources is registered, the program checks
 * that the platform stack registered this domain (and so vended its home); if not, a config error.
 */
export async function domainStack(cloud: CloudLandingZone, ctx: StackContext): Promise<DomainOutputs> {
    const name = ctx.config.platformStack;
    const ref = new pulumi.StackReference(name);
    const problem = await registrationProblem(ref, ctx.config.domain ?? "", name);
    if (problem) throw new ConfigError([problem], pulumi.getStack());
    const organization = ctx.config.organizationStack ? organizationReference(ctx.config.organizationStack) : undefined;
    return cloud.domain(ctx, platformReference(ref, name), organization);
}
