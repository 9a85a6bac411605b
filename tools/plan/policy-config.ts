/**
 * The `--policy-pack-config` of a stack: its environment's levels (`policies/config/<env>.json`)
 * plus the settings only the stack's config knows. The offline plan checks with exactly this, and
 * `npm run policy-config -- <stack>` prints it for `pulumi preview` in CI, so both enforce the same.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { EnforcementLevel } from "@pulumi/policy";
import type { PolicyEnvironment } from "../../policies/lib/levels";
import { resolveDatabase } from "../../components/core/config/presets";
import type { StackConfig } from "../../components/core/config/types";
import { layoutShape } from "../../components/core/data-layout";

const POLICY_CONFIG_DIR = path.join(__dirname, "..", "..", "policies", "config");

export type PolicyConfig = Record<string, { enforcementLevel?: EnforcementLevel } & Record<string, unknown>>;

/**
 * The policy-pack config file of a stack environment: prod -> prod.json (mandatory); dev and
 * staging -> dev.json (advisory: staging rehearses prod data-wise but does not carry prod-only
 * protection such as `protect`, so it must not block; see policies/README.md). Nothing in dev.json
 * names an environment: the naming rules read it from each resource's `environment` tag.
 */
export function policyEnvironment(environment: string): PolicyEnvironment {
    return environment === "prod" ? "prod" : "dev";
}

/** Reads `policies/config/<env>.json`, with level strings normalised to `{ enforcementLevel }`. */
export function loadPolicyConfig(env: PolicyEnvironment, dir = POLICY_CONFIG_DIR): PolicyConfig {
    const raw = JSON.parse(readFileSync(path.join(dir, `${env}.json`), "utf8")) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(raw).map(([name, value]) =>
        [name, typeof value === "string" ? { enforcementLevel: value as EnforcementLevel } : value as PolicyConfig[string]]));
}

/**
 * Config a policy can only learn from the stack's own config: the read replicas the database
 * layout promises (`require-read-replicas`). Prefix, environment and domain are not here: the
 * naming rules read them from each resource's standard tags, as a preview sees them.
 */
export function stackDerivedConfig(stackConfig: Record<string, string>): PolicyConfig {
    const written = JSON.parse(stackConfig["landing-zone:database"] ?? "{}") as StackConfig["database"];
    const environment = (stackConfig["landing-zone:environment"] ?? "dev") as StackConfig["environment"];
    // Per primary: read-replicas and sharded give each primary its readers (the layout's shape on every cloud).
    const readReplicas = layoutShape(resolveDatabase({ environment, database: written })).replicas;
    return { "require-read-replicas": { readReplicas } };
}

export function mergeConfig(...configs: PolicyConfig[]): PolicyConfig {
    const out: PolicyConfig = {};
    for (const config of configs) for (const [k, v] of Object.entries(config)) out[k] = { ...out[k], ...v };
    return out;
}

/** The whole policy-pack config of a stack, from its config (as read from its stack file). */
export function stackPolicyConfig(stackConfig: Record<string, string>): { env: PolicyEnvironment; config: PolicyConfig } {
    const env = policyEnvironment(stackConfig["landing-zone:environment"] ?? "dev");
    return { env, config: mergeConfig(loadPolicyConfig(env), stackDerivedConfig(stackConfig)) };
}
