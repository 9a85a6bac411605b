import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import Ajv from "ajv";
import { parse } from "yaml";
import { listStacks, stackFile } from "../../../tools/plan/stack-files";
import { SCHEMA_PATH, schemaText } from "../../../tools/schema";

describe("config/stack-config.schema.json", () => {
    it("is current with components/core/config/types.ts (run `npm run schema` after changing the type)", () => {
        assert.equal(readFileSync(SCHEMA_PATH, "utf8"), schemaText(), "the schema is stale: run `npm run schema`");
    });

    it("validates every sample stack file as editors see it", () => {
        const ajv = new Ajv({ allErrors: true, strict: false });
        const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, "utf8")));
        for (const stack of listStacks()) {
            const doc = parse(readFileSync(stackFile(stack), "utf8"));
            assert.ok(validate(doc), `${stack}: ${ajv.errorsText(validate.errors)}`);
        }
    });

    it("rejects a misspelt key in a stack file", () => {
        const ajv = new Ajv({ allErrors: true, strict: false });
        const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, "utf8")));
        assert.equal(validate({ config: { "landing-zone:layer": "platform", "landing-zone:netwrk": {} } }), false);
        assert.equal(validate({ config: { "landing-zone:database": { layout: "sharded", shards: 99 } } }), false);
    });
});

describe("config/stack-config.schema.json: secrets", () => {
    it("accepts landing-zone-secrets:* only as encrypted values", () => {
        const ajv = new Ajv({ allErrors: true, strict: false });
        const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, "utf8")));
        const base = { "landing-zone:layer": "domain", "landing-zone:cloud": "azure", "landing-zone:environment": "dev", "landing-zone:region": "westeurope", "landing-zone:owner": "t" };
        assert.equal(validate({ config: { ...base, "landing-zone-secrets:gitAccessToken": { secure: "v1:abc" } } }), true, ajv.errorsText(validate.errors));
        assert.equal(validate({ config: { ...base, "landing-zone-secrets:gitAccessToken": "ghp_plaintext" } }), false);
    });
});
