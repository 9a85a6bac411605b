/**
 * Regenerates `policies/lib/checkov-checks.json`, the Checkov checks that apply to what the landing
 * zone creates, from a Checkov checkout (bridgecrewio/checkov):
 *
 *     npm run checkov -- <path to a checkov checkout> [--ref <commit or tag>]
 *
 * It reads each check's id, name and supported resource types (Terraform `supported_resources`,
 * Kubernetes `supported_kind`/`supported_entities`, following base classes for inherited ones) from
 * `checkov/terraform/checks/resource/{aws,azure,gcp}` and `checkov/kubernetes/checks/resource/k8s`,
 * and keeps the checks on a type of `resource-map.ts`. Whether a check is covered, and the reason
 * when it is not applicable, is decided in `policies/lib/checkov.ts`, not here.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { KUBERNETES_KINDS, TERRAFORM_TO_PULUMI } from "./resource-map";

export interface CheckovCheck {
    id: string;
    name: string;
    /** Path of the check's source file in the Checkov repository. */
    file: string;
    /** Terraform resource types or Kubernetes kinds the check supports that the landing zone has. */
    resources: string[];
    /** The Pulumi types those map to. */
    pulumiTypes: string[];
}

export const OUTPUT = path.join(__dirname, "..", "..", "policies", "lib", "checkov-checks.json");

const DIRS = [
    "checkov/terraform/checks/resource/aws",
    "checkov/terraform/checks/resource/azure",
    "checkov/terraform/checks/resource/gcp",
    "checkov/kubernetes/checks/resource/k8s",
];

/** The text of a bracketed group starting at `open` (`(` or `[`), brackets included. */
function bracketGroup(text: string, open: number): string {
    let depth = 0;
    for (let i = open; i < text.length; i++) {
        if (text[i] === "(" || text[i] === "[") depth++;
        if (text[i] === ")" || text[i] === "]") depth--;
        if (depth === 0) return text.slice(open, i + 1);
    }
    return text.slice(open);
}

const strings = (group: string) => [...group.matchAll(/["']([A-Za-z0-9_]+)["']/g)].map((m) => m[1]);

/** Strings of `NAME = (...)` (plus `+ OTHER` concatenations) in a file or its base classes. */
function constant(root: string, text: string, name: string, depth = 0): string[] {
    const m = new RegExp(`\\b${name}\\s*=\\s*([\\[(])`).exec(text);
    if (!m) {
        const base = depth < 4 ? baseFile(root, text) : undefined;
        return base ? constant(root, readFileSync(base, "utf8"), name, depth + 1) : [];
    }
    const start = m.index + m[0].length - 1;
    const group = bracketGroup(text, start);
    const rest = /^\s*\+\s*([A-Z_]+)/.exec(text.slice(start + group.length));
    return [...strings(group), ...(rest ? constant(root, text, rest[1], depth) : [])];
}

/** Resource types a check file declares, or undefined when it inherits them. */
function declaredTypes(root: string, text: string): string[] | undefined {
    for (const m of text.matchAll(/\bsupported_(?:resources?|kinds?|entities)\s*=\s*/g)) {
        const at = m.index + m[0].length;
        if (text[at] === "(" || text[at] === "[") {
            const group = bracketGroup(text, at);
            // `[e for e in Base.SUPPORTED_ENTITIES if e not in ("CronJob", "Job")]`
            const comprehension = /\bfor\s+\w+\s+in\s+(?:\w+\.)?(\w+)\s+if\s+\w+\s+not\s+in\s+([\[(][^\])]*[\])])/.exec(group);
            if (comprehension) {
                const excluded = strings(comprehension[2]);
                return constant(root, text, comprehension[1]).filter((t) => !excluded.includes(t));
            }
            return strings(group);
        }
        // `supported_resources=supported_resource`, `supported_entities or Base.SUPPORTED_ENTITIES`
        const ref = /^(?:\w+\s+or\s+)?(?:\w+\.)?(\w+)/.exec(text.slice(at));
        if (ref) {
            const values = constant(root, text, ref[1]);
            if (values.length) return values;
        }
    }
    return undefined;
}

/** The file of a base class imported as `from checkov.x.y import Base`. */
function baseFile(root: string, text: string): string | undefined {
    const cls = /^class\s+\w+\s*\(\s*(\w+)\s*\)/m.exec(text);
    if (!cls) return undefined;
    const imp = new RegExp(`from\\s+(checkov[\\w.]*)\\s+import[\\s\\\\(]*(?:\\w+,\\s*)*${cls[1]}\\b`).exec(text);
    if (!imp) return undefined;
    const file = path.join(root, `${imp[1].replace(/\./g, "/")}.py`);
    return existsSync(file) ? file : undefined;
}

function typesOf(root: string, text: string, depth = 0): string[] {
    const own = declaredTypes(root, text);
    if (own || depth > 4) return own ?? [];
    const base = baseFile(root, text);
    return base ? typesOf(root, readFileSync(base, "utf8"), depth + 1) : [];
}

function nameOf(root: string, text: string, depth = 0): string {
    const m = /\b(?:name|description)\s*=\s*\(?\s*f?(["'])(.+?)\1\s*[,)\n\\]/.exec(text);
    if (m) return m[2];
    const base = depth < 4 ? baseFile(root, text) : undefined;
    return base ? nameOf(root, readFileSync(base, "utf8"), depth + 1) : "";
}

export function extractChecks(root: string): { checks: CheckovCheck[]; unreadable: string[] } {
    const checks: CheckovCheck[] = [];
    const unreadable: string[] = [];
    for (const dir of DIRS) {
        const kubernetes = dir.includes("kubernetes");
        for (const file of readdirSync(path.join(root, dir)).filter((f) => f.endsWith(".py")).sort()) {
            const text = readFileSync(path.join(root, dir, file), "utf8");
            const id = /\b(?:check_)?id\s*=\s*["'](CKV2?_[A-Z0-9]+_\d+)["']/.exec(text)?.[1];
            if (!id) continue; // base classes and helpers
            const types = typesOf(root, text);
            if (!types.length) unreadable.push(`${dir}/${file}`);
            const resources = types.filter((t) => (kubernetes ? t in KUBERNETES_KINDS : t in TERRAFORM_TO_PULUMI));
            if (!resources.length) continue;
            const pulumiTypes = [...new Set(resources.flatMap((t) => (kubernetes ? [KUBERNETES_KINDS[t]] : TERRAFORM_TO_PULUMI[t])))];
            checks.push({ id, name: nameOf(root, text), file: `${dir}/${file}`, resources: [...new Set(resources)], pulumiTypes });
        }
    }
    const order = (id: string) => id.replace(/\d+$/, (n) => n.padStart(5, "0"));
    checks.sort((a, b) => order(a.id).localeCompare(order(b.id)));
    return { checks, unreadable };
}

if (require.main === module) {
    const args = process.argv.slice(2);
    const refAt = args.indexOf("--ref");
    const ref = refAt >= 0 ? args.splice(refAt, 2)[1] : undefined;
    const root = args[0];
    if (!root || !DIRS.every((d) => existsSync(path.join(root, d)))) {
        console.error(`usage: npm run checkov -- <checkov checkout> [--ref <commit>]\n  the checkout must contain ${DIRS.join(", ")}`);
        process.exit(2);
    }
    const { checks, unreadable } = extractChecks(root);
    writeFileSync(OUTPUT, `${JSON.stringify({ source: "bridgecrewio/checkov", ref: ref ?? "unknown", checks }, null, 2)}\n`);
    console.log(`wrote ${path.relative(process.cwd(), OUTPUT)}: ${checks.length} applicable checks`);
    if (unreadable.length) console.log(`no resource types read from ${unreadable.length} file(s):\n  ${unreadable.join("\n  ")}`);
}
