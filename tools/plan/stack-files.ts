import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { StackFileError } from "./errors";

export const CONFIG_DIR = path.join(__dirname, "..", "..", "config");

/** A stack's config as the engine hands it to the program: raw strings, and which keys are secret. */
export interface StackConfigFile {
    stack: string;
    config: Record<string, string>;
    secretKeys: string[];
}

/** The sample stacks: every `config/Pulumi.<stack>.yaml`. */
export function listStacks(dir = CONFIG_DIR): string[] {
    return readdirSync(dir)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((s): s is string => !!s)
        .sort();
}

export function stackFile(stack: string, dir = CONFIG_DIR): string {
    return path.join(dir, `Pulumi.${stack}.yaml`);
}

/**
 * The `config:` map of a stack file as YAML data. A missing file or a YAML syntax error is a
 * StackFileError naming the file, line and column.
 */
export function readConfigMap(stack: string, dir = CONFIG_DIR): Record<string, unknown> {
    const file = stackFile(stack, dir);
    const relative = path.relative(process.cwd(), file);
    const shown = relative.startsWith("..") ? file : relative;
    if (!existsSync(file)) throw new StackFileError(`no stack config ${shown}`);
    const doc = parseDocument(readFileSync(file, "utf8"));
    if (doc.errors.length > 0) {
        const lines = doc.errors.map((e) => {
            const at = e.linePos?.[0];
            return `  - ${shown}${at ? `:${at.line}:${at.col}` : ""}: ${e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`;
        });
        throw new StackFileError(`${shown} is not valid YAML (${doc.errors.length} error(s)):\n${lines.join("\n")}`);
    }
    const data = (doc.toJS() ?? {}) as { config?: unknown };
    if (data.config !== undefined && (typeof data.config !== "object" || data.config === null || Array.isArray(data.config))) {
        throw new StackFileError(`${shown}: config must be a map of keys to values`);
    }
    return (data.config ?? {}) as Record<string, unknown>;
}

/**
 * Reads `config/Pulumi.<stack>.yaml` the way the Pulumi CLI passes it to a program: objects as
 * JSON text, scalars as text, `secure:` values as secrets (their ciphertext cannot be read here, so
 * the program sees a placeholder and the plan shows `[secret]`).
 */
export function readStackConfig(stack: string, dir = CONFIG_DIR): StackConfigFile {
    return fromConfigMap(stack, readConfigMap(stack, dir));
}

export function fromConfigMap(stack: string, entries: Record<string, unknown>): StackConfigFile {
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [key, value] of Object.entries(entries)) {
        if (isSecure(value)) {
            secretKeys.push(key);
            config[key] = "[secret]";
        } else {
            config[key] = typeof value === "string" ? value : JSON.stringify(value);
        }
    }
    return { stack, config, secretKeys };
}

function isSecure(value: unknown): boolean {
    return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && "secure" in value;
}
