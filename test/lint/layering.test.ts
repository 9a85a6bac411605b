import { strict as assert } from "node:assert";
import * as path from "node:path";
import { ESLint } from "eslint";

const root = path.join(__dirname, "..", "..");

/** The project's ESLint config, without type information (fast) but with every layering rule. */
function eslint(): ESLint {
    return new ESLint({
        cwd: root,
        overrideConfig: {
            languageOptions: { parserOptions: { projectService: false } },
            rules: { "pulumi/no-output-in-template-literal": "off", "pulumi/no-output-instance-in-template-literal": "off" },
        },
    });
}

async function messages(code: string, file: string): Promise<string[]> {
    const [result] = await eslint().lintText(code, { filePath: path.join(root, file) });
    return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe("eslint.config.mjs", () => {
    for (const sdk of ["@pulumi/aws", "@pulumi/gcp", "@pulumi/azure-native/storage"]) {
        it(`fails when components/core imports ${sdk}`, async () => {
            const found = await messages(`import * as sdk from "${sdk}";\nexport const x = sdk;\n`, "components/core/probe.ts");
            assert.ok(found.some((m) => m.startsWith("no-restricted-imports") && m.includes("cloud-neutral")), found.join("\n"));
        });
    }

    it("lets components/core import @pulumi/pulumi", async () => {
        assert.deepEqual(await messages(`import * as pulumi from "@pulumi/pulumi";\nexport const x = pulumi;\n`, "components/core/probe.ts"), []);
    });

    it("lets a cloud folder import its SDK but not the azure-native root", async () => {
        assert.deepEqual(await messages(`import * as aws from "@pulumi/aws";\nexport const x = aws;\n`, "components/aws/probe.ts"), []);
        const found = await messages(`import * as azure from "@pulumi/azure-native";\nexport const x = azure;\n`, "components/azure/probe.ts");
        assert.ok(found.some((m) => m.includes("per module")), found.join("\n"));
    });
});
