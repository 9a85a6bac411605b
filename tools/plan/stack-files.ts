import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";

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
 * Reads `config/Pulumi.<stack>.yaml` the way the Pulumi CLI passes it to a program: objects as
 * JSON text, scalars as text, `secure:` values as secrets (their ciphertext cannot be read here, so
 * the program sees a placeholder and the plan shows `[secret]`).
 */
export function readStackConfig(stack: string, dir = CONFIG_DIR): StackConfigFile {
    const file = stackFile(stack, dir);
    if (!existsSync(file)) throw new Error(`no stack config ${path.relative(process.cwd(), file)}`);
    const doc = (parse(readFileSync(file, "utf8")) ?? {}) as { config?: Record<string, unknown> };
    return fromConfigMap(stack, doc.config ?? {});
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
