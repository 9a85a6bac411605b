// Runs a TypeScript entry point the way `pulumi preview` loads a program: Pulumi's own ts-node,
// the project's TypeScript, and the project's tsconfig (noCheck: true => transpile-only).
// Usage: node tools/bench/pulumi-loader.cjs <entry.ts> [args...]
const path = require("node:path");
const root = path.join(__dirname, "..", "..");
const tsnode = require(path.join(root, "node_modules", "@pulumi", "pulumi", "vendor", "ts-node@7.0.1"));
tsnode.register({
    compiler: require.resolve("typescript", { paths: [root] }),
    transpileOnly: true,
    project: path.join(root, "tsconfig.json"),
    skipProject: false,
    compilerOptions: {},
});
const entry = path.resolve(process.argv[2]);
process.argv.splice(1, 2, entry);
require(entry);
