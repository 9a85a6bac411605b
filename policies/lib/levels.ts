import type { EnforcementLevel } from "@pulumi/policy";
import type { LandingZonePolicy } from "./metadata";

export type PolicyEnvironment = "dev" | "prod";

/** Availability principles that already matter in dev (advisory there). */
const DEV_AVAILABILITY = ["dead-letter-queues", "backup-retention"];

/**
 * Enforcement per environment: prod blocks on every policy; dev advises on security and
 * operations, on dead-letter queues and backups, and leaves the other availability rules (HA,
 * replicas, protection: prod settings by design) and the prod tag check off.
 */
export function enforcementFor(policy: LandingZonePolicy, env: PolicyEnvironment): EnforcementLevel {
    if (env === "prod") return "mandatory";
    if (policy.name === "require-standard-tags-in-prod") return "disabled";
    if (policy.metadata.topic === "availability" && !DEV_AVAILABILITY.includes(policy.metadata.principle)) return "disabled";
    return "advisory";
}

/** Policy config besides the level, per environment. */
export function settingsFor(policy: LandingZonePolicy, env: PolicyEnvironment): Record<string, unknown> {
    if (policy.metadata.principle === "backup-retention") return { minDays: env === "prod" ? 14 : 7 };
    // a year of audit evidence in prod; dev keeps a retention of its own choosing
    if (policy.name === "configure-cloudwatch-log-groups") return { minDays: env === "prod" ? 365 : 1 };
    if (policy.name === "require-standard-tags-in-prod") return { environment: env };
    return {};
}

/** The `--policy-pack-config` document of an environment (written to policies/config/<env>.json). */
export function policyPackConfig(policies: LandingZonePolicy[], env: PolicyEnvironment): Record<string, Record<string, unknown>> {
    return Object.fromEntries(policies.map((p) => [p.name, { enforcementLevel: enforcementFor(p, env), ...settingsFor(p, env) }]));
}
