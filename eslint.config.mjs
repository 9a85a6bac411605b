// ESLint flat config: typescript-eslint (type-aware) + Pulumi's rules, plus the layering rules of
// this codebase (design.md §2): the cloud-neutral core imports no cloud SDK, and azure-native is
// imported per module only (the package root costs seconds of type-checking).
import pulumi from "@pulumi/eslint-plugin";
import tseslint from "typescript-eslint";

const cloudSdks = ["@pulumi/aws", "@pulumi/aws/*", "@pulumi/azure-native", "@pulumi/azure-native/*", "@pulumi/gcp", "@pulumi/gcp/*"];

export default tseslint.config(
    { ignores: ["node_modules/**", "bin/**", "out/**", ".tools/**", "**/*.js", "**/*.mjs", "**/*.cjs"] },
    ...tseslint.configs.recommended,
    {
        files: ["**/*.ts"],
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
        plugins: { pulumi },
        rules: {
            "pulumi/no-output-in-template-literal": "error",
            "pulumi/no-output-instance-in-template-literal": "error",
            "@typescript-eslint/no-require-imports": "off",
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
            "no-restricted-imports": ["error", {
                paths: [{ name: "@pulumi/azure-native", message: "Import azure-native per module (e.g. @pulumi/azure-native/storage): the package root costs seconds of type-checking." }],
            }],
        },
    },
    {
        files: ["components/core/**/*.ts"],
        rules: {
            "no-restricted-imports": ["error", {
                patterns: [{ group: cloudSdks, message: "components/core is cloud-neutral: it must not import a cloud SDK (use components/<cloud>/)." }],
            }],
        },
    },
    {
        files: ["test/**/*.ts"],
        rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-non-null-assertion": "off" },
    },
);
