/**
 * Generates `config/stack-config.schema.json` from the `StackConfig` TypeScript type: the schema of
 * a `config/Pulumi.<stack>.yaml` file (editors complete and validate it) and of the config object
 * the program validates. `npm run schema` rewrites it; a test fails when it is stale.
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { createGenerator } from "ts-json-schema-generator";

export const SCHEMA_PATH = path.join(__dirname, "..", "config", "stack-config.schema.json");
const TYPES_PATH = path.join(__dirname, "..", "components", "core", "config", "types.ts");

export function generateSchema(): object {
    const generated = createGenerator({
        path: TYPES_PATH,
        tsconfig: path.join(__dirname, "..", "tsconfig.json"),
        type: "StackConfig",
        additionalProperties: false,
        skipTypeCheck: true,
        topRef: true,
    }).createSchema("StackConfig");
    const definitions = generated.definitions as Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
    const stackConfig = definitions.StackConfig;
    const projectKeys = Object.fromEntries(
        Object.keys(stackConfig.properties ?? {}).map((k) => [`landing-zone:${k}`, { $ref: `#/definitions/StackConfig/properties/${k}` }]),
    );
    return {
        $schema: "http://json-schema.org/draft-07/schema#",
        $id: "https://landing-zone.local/stack-config.schema.json",
        title: "landing-zone stack config (config/Pulumi.<stack>.yaml)",
        description: "Generated from components/core/config/types.ts by `npm run schema`. Do not edit by hand.",
        type: "object",
        properties: {
            config: {
                type: "object",
                properties: projectKeys,
                required: (stackConfig.required ?? []).map((k) => `landing-zone:${k}`),
                patternProperties: {
                    "^(aws|azure-native|gcp|kubernetes|pulumi):": {},
                    // Credentials the program needs (e.g. a Git token for a build trigger): encrypted only.
                    "^landing-zone-secrets:": {
                        type: "object",
                        properties: { secure: { type: "string" } },
                        required: ["secure"],
                        additionalProperties: false,
                    },
                },
                additionalProperties: false,
            },
            secretsprovider: { type: "string" },
            encryptedkey: { type: "string" },
            encryptionsalt: { type: "string" },
        },
        additionalProperties: false,
        definitions,
    };
}

export function schemaText(): string {
    return `${JSON.stringify(generateSchema(), null, 2)}\n`;
}

if (require.main === module) {
    writeFileSync(SCHEMA_PATH, schemaText());
    console.log(`wrote ${path.relative(process.cwd(), SCHEMA_PATH)}`);
}
