import Ajv, { type ErrorObject } from "ajv";
import schema from "../../../config/stack-config.schema.json";
import { ConfigError, type ConfigProblem } from "./errors";
import { resolveConfig, type ResolvedConfig } from "./presets";
import { awsRules } from "./rules/aws";
import { azureRules } from "./rules/azure";
import { commonRules } from "./rules/common";
import { databaseRules } from "./rules/database";
import { gcpRules } from "./rules/gcp";
import { organizationRules } from "./rules/organization";
import { CONFIG_NAMESPACE, key } from "./rules/key";
import { outsideNamespaceProblems } from "./rules/outside";
import { workerRules } from "./rules/worker";
import type { StackConfig } from "./types";

const crossKeyRules = [commonRules, awsRules, azureRules, gcpRules, workerRules];

let compiled: ReturnType<Ajv["compile"]> | undefined;
function schemaValidator() {
    if (!compiled) {
        const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
        ajv.addSchema(schema, "stack-config");
        compiled = ajv.getSchema("stack-config#/definitions/StackConfig")!;
    }
    return compiled;
}

/**
 * Validates a stack's `landing-zone:*` config: the generated schema (unknown keys, types, enums,
 * ranges) and the cross-key rules. Returns the resolved config or throws one ConfigError with every
 * problem found.
 */
export function validateStackConfig(raw: Record<string, unknown>, stack?: string, outside: readonly ConfigProblem[] = []): ResolvedConfig {
    const problems: ConfigProblem[] = [];
    const validate = schemaValidator();
    if (!validate(raw)) {
        problems.push(...(validate.errors ?? []).map((e) => describeSchemaError(e, raw)));
    }
    const resolved = resolveConfig(raw as unknown as StackConfig);
    for (const rule of crossKeyRules) problems.push(...rule(resolved));
    problems.push(...databaseRules(resolved, raw));
    problems.push(...organizationRules(resolved, raw));
    const unique = dedupeByPath([...problems, ...outside]);
    if (unique.length > 0) throw new ConfigError(unique, stack);
    return resolved;
}

/**
 * Validates a stack's whole config as the engine passes it (every namespace, raw strings): the
 * `landing-zone:*` keys as above plus the keys outside it the program depends on (secrets stored
 * encrypted, provider region = landing-zone:region), all problems in one ConfigError.
 */
export function validateAllConfig(allConfig: Record<string, string>, isSecret: (key: string) => boolean, stack?: string): ResolvedConfig {
    return validateStackConfig(projectConfigFrom(allConfig), stack, outsideNamespaceProblems(allConfig, isSecret));
}

/** Turns `{"landing-zone:layer": "platform", "aws:region": ...}` into this project's raw config object. */
export function projectConfigFrom(allConfig: Record<string, string>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const prefix = `${CONFIG_NAMESPACE}:`;
    for (const [fullKey, value] of Object.entries(allConfig)) {
        if (!fullKey.startsWith(prefix)) continue;
        out[fullKey.slice(prefix.length)] = parseConfigValue(value);
    }
    return out;
}

function parseConfigValue(value: string): unknown {
    const trimmed = value.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
        try {
            return JSON.parse(trimmed);
        } catch {
            return value;
        }
    }
    return value;
}

function pathOf(instancePath: string): string {
    return instancePath
        .split("/")
        .slice(1)
        .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"))
        .reduce((acc, segment) => (/^\d+$/.test(segment) ? `${acc}[${segment}]` : acc ? `${acc}.${segment}` : segment), "");
}

function valueAt(raw: unknown, instancePath: string): unknown {
    return instancePath.split("/").slice(1).reduce<unknown>((acc, segment) =>
        acc !== null && typeof acc === "object" ? (acc as Record<string, unknown>)[segment] : undefined, raw);
}

function describeSchemaError(error: ErrorObject, raw: unknown): ConfigProblem {
    const base = pathOf(error.instancePath);
    const got = JSON.stringify(valueAt(raw, error.instancePath));
    const params = error.params as Record<string, unknown>;
    switch (error.keyword) {
        case "additionalProperties": {
            const known = Object.keys((error.parentSchema?.properties ?? {}) as object);
            const extra = String(params.additionalProperty);
            return { path: key(base ? `${base}.${extra}` : extra), message: `is not a known key; known keys here: ${known.join(", ")}` };
        }
        case "required":
            return { path: key(base ? `${base}.${String(params.missingProperty)}` : String(params.missingProperty)), message: "is required" };
        case "enum":
            return { path: key(base), message: `must be one of ${(params.allowedValues as unknown[]).join(" | ")} (got ${got})` };
        case "minimum":
        case "maximum":
            return { path: key(base), message: `must be ${String(params.comparison)} ${String(params.limit)} (got ${got})` };
        case "pattern": {
            const description = (error.parentSchema as { description?: string } | undefined)?.description;
            return { path: key(base), message: `must match ${String(params.pattern)}${description ? ` (${description})` : ""} (got ${got})` };
        }
        case "type":
            return { path: key(base), message: `must be ${String(params.type)} (got ${got})` };
        default:
            return { path: key(base), message: `${error.message ?? "is invalid"} (got ${got})` };
    }
}

/** One problem per key path: the schema's word wins over a cross-key rule's, enum over type. */
function dedupeByPath(problems: ConfigProblem[]): ConfigProblem[] {
    const seen = new Map<string, ConfigProblem>();
    for (const problem of problems) {
        const current = seen.get(problem.path);
        if (!current || (current.message.startsWith("must be ") && problem.message.startsWith("must be one of"))) {
            seen.set(problem.path, problem);
        }
    }
    return [...seen.values()];
}
