/**
 * Mutation testing of the policy pack and the cloud-neutral core: each mutant changes one operator
 * in one source file (=== / !==, && / ||, true / false, >= / >, <= / <, .some / .every, a dropped
 * `!`), the suites that cover the file run in this process, and the mutant is killed when a test
 * fails. The score is killed / (killed + survived). Offline, not part of `npm test`:
 *
 *     npm run test:mutation                        # every mutant of policies/ and components/core/
 *     npm run test:mutation -- --max 200           # an evenly spread sample of 200 mutants
 *     npm run test:mutation -- --only policies/aws # files whose path contains the text
 *     npm run test:mutation -- --list-survivors    # print each surviving mutant
 *
 * Exit code 0 when the score reaches --min (default 0), 1 otherwise.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import Mocha from "mocha";

const ROOT = path.join(__dirname, "..");

/** Source folders under test and the suites that test them. */
const TARGETS: { dir: string; tests: string[] }[] = [
    { dir: "policies", tests: ["test/policies/policies.test.ts", "test/policies/pack.test.ts", "test/policies/matrix.test.ts", "test/policies/checkov.test.ts"] },
    { dir: "components/core", tests: ["test/core"] },
];

/** One textual operator swap; `find` must match only the operator itself. */
const OPERATORS: { name: string; find: RegExp; replace: string }[] = [
    { name: "=== -> !==", find: /===/g, replace: "!==" },
    { name: "!== -> ===", find: /!==/g, replace: "===" },
    { name: "&& -> ||", find: /&&/g, replace: "||" },
    { name: "|| -> &&", find: /\|\|/g, replace: "&&" },
    { name: "true -> false", find: /\btrue\b/g, replace: "false" },
    { name: "false -> true", find: /\bfalse\b/g, replace: "true" },
    { name: ">= -> >", find: / >= /g, replace: " > " },
    { name: "<= -> <", find: / <= /g, replace: " < " },
    { name: "< -> <=", find: / < /g, replace: " <= " },
    { name: "> -> >=", find: / > /g, replace: " >= " },
    { name: ".some -> .every", find: /\.some\(/g, replace: ".every(" },
    { name: ".every -> .some", find: /\.every\(/g, replace: ".some(" },
    { name: "drop !", find: /(?<=[(\s])!(?=[\w(])/g, replace: "" },
];

export interface Mutant {
    file: string;
    line: number;
    operator: string;
    original: string;
    mutated: string;
}

function filesUnder(dir: string): string[] {
    const abs = path.join(ROOT, dir);
    return readdirSync(abs).flatMap((name) => {
        const full = path.join(abs, name);
        if (statSync(full).isDirectory()) return filesUnder(path.join(dir, name));
        return name.endsWith(".ts") ? [path.join(dir, name)] : [];
    });
}

/** Offsets inside comments and string literals (not mutated). */
function inertMask(text: string): boolean[] {
    const mask = new Array<boolean>(text.length).fill(false);
    let i = 0;
    while (i < text.length) {
        const two = text.slice(i, i + 2);
        let end = -1;
        if (two === "//") end = text.indexOf("\n", i);
        else if (two === "/*") end = text.indexOf("*/", i + 2) + 2;
        else if (text[i] === "\"" || text[i] === "'" || text[i] === "`") {
            const quote = text[i];
            let j = i + 1;
            while (j < text.length && text[j] !== quote) j += text[j] === "\\" ? 2 : 1;
            end = j + 1;
        }
        if (end > i) {
            for (let k = i; k < end; k++) mask[k] = true;
            i = end;
        } else {
            i += 1;
        }
    }
    return mask;
}

/** Every mutant of one file (imports, comments and strings excluded). */
export function mutantsOf(file: string, text: string): Mutant[] {
    const mask = inertMask(text);
    const mutants: Mutant[] = [];
    for (const op of OPERATORS) {
        for (const m of text.matchAll(op.find)) {
            if (mask[m.index]) continue;
            const lineStart = text.lastIndexOf("\n", m.index) + 1;
            const lineEnd = text.indexOf("\n", m.index);
            const line = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
            if (/^\s*(import|export \{|export type|\*|\/\/)/.test(line)) continue;
            const mutated = text.slice(0, m.index) + op.replace + text.slice(m.index + m[0].length);
            mutants.push({ file, line: text.slice(0, m.index).split("\n").length, operator: op.name, original: text, mutated });
        }
    }
    return mutants;
}

class Silent extends Mocha.reporters.Base {}

function testFiles(specs: string[]): string[] {
    return specs.flatMap((s) => (s.endsWith(".ts") ? [path.join(ROOT, s)] : filesUnder(s).filter((f) => f.endsWith(".test.ts")).map((f) => path.join(ROOT, f))));
}

/** Drops the project's modules (not node_modules) from the require cache, so the next run loads the mutant. */
function forgetProjectModules(): void {
    for (const key of Object.keys(require.cache)) {
        if (key.startsWith(ROOT) && !key.includes(`${path.sep}node_modules${path.sep}`) && !key.startsWith(__filename)) delete require.cache[key];
    }
}

/** Runs the suites once; resolves with the number of failures. */
function runSuites(files: string[]): Promise<number> {
    forgetProjectModules();
    const mocha = new Mocha({ reporter: Silent, bail: true, timeout: 20000 });
    for (const f of files) mocha.addFile(f);
    return new Promise((resolve) => {
        try {
            const runner = mocha.run((failures) => {
                mocha.unloadFiles();
                resolve(failures);
            });
            runner.on("fail", () => undefined);
        } catch {
            resolve(1);
        }
    });
}

/** The mutant on disk right now: restored on exit and on Ctrl-C, so no source file stays mutated. */
let current: Mutant | undefined;
function restore(): void {
    if (current) writeFileSync(path.join(ROOT, current.file), current.original);
    current = undefined;
}
process.on("exit", restore);
// each in-process mocha run adds its own process listeners
process.setMaxListeners(0);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
        restore();
        process.exit(130);
    });
}

function spread<T>(items: T[], max: number): T[] {
    if (items.length <= max) return items;
    return Array.from({ length: max }, (_, i) => items[Math.floor((i * items.length) / max)]);
}

async function main(argv: string[]): Promise<number> {
    const option = (name: string) => {
        const at = argv.indexOf(name);
        return at >= 0 ? argv[at + 1] : undefined;
    };
    const max = Number(option("--max") ?? Infinity);
    const only = option("--only");
    const min = Number(option("--min") ?? 0);
    const listSurvivors = argv.includes("--list-survivors");

    const started = Date.now();
    let killed = 0;
    const survivors: Mutant[] = [];
    for (const target of TARGETS) {
        const tests = testFiles(target.tests);
        const baseline = await runSuites(tests);
        if (baseline !== 0) {
            console.error(`mutation: the suites of ${target.dir} fail without mutants; fix them first`);
            return 2;
        }
        const sources = filesUnder(target.dir).filter((f) => !only || f.includes(only));
        const all = sources.flatMap((f) => mutantsOf(f, readFileSync(path.join(ROOT, f), "utf8")));
        const mutants = spread(all, max);
        for (const m of mutants) {
            const abs = path.join(ROOT, m.file);
            current = m;
            writeFileSync(abs, m.mutated);
            try {
                const failures = await runSuites(tests);
                if (failures > 0) killed += 1;
                else survivors.push(m);
            } finally {
                writeFileSync(abs, m.original);
                current = undefined;
            }
        }
        console.log(`${target.dir}: ${mutants.length} mutants of ${all.length}, ${mutants.length - survivors.filter((s) => s.file.startsWith(target.dir)).length} killed`);
    }
    forgetProjectModules();
    const total = killed + survivors.length;
    const score = total ? (100 * killed) / total : 100;
    if (listSurvivors) for (const s of survivors) console.log(`survived: ${s.file}:${s.line} ${s.operator}`);
    console.log(`mutation score ${score.toFixed(1)}% (${killed} killed, ${survivors.length} survived, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    return score >= min ? 0 : 1;
}

if (require.main === module) {
    main(process.argv.slice(2)).then((code) => process.exit(code), (e: unknown) => {
        console.error(e);
        process.exit(2);
    });
}
