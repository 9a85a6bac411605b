/**
 * `npm run report:check`: opens the plan report in a headless Chromium (Debian's `chromium`, driven
 * by playwright-core; set CHROMIUM to use another executable) and checks that every diagram
 * rendered (its nodes are in the DOM), that the page logged no console error and asked the network
 * for nothing, and saves a screenshot. Then it measures a synthetic stack of 1,400 resources (a
 * planned stack copied, `--large N` to change): the time from opening the page until every
 * diagram, every component open, has been laid out and painted must stay under 2 s (best of
 * three openings).
 * Run after `npm run plan -- --report`. Exit 1 when a check fails.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { DEFAULT_OUT_DIR } from "../plan/args";
import { readStackInput } from "./inputs";
import { syntheticInput } from "./synthetic";
import { writeReport } from "./write";

const RENDER_BUDGET_MS = 2000;

function chromiumPath(): string {
    if (process.env.CHROMIUM) return process.env.CHROMIUM;
    for (const name of ["chromium", "chromium-browser"]) {
        try {
            return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
        } catch {
            // try the next name
        }
    }
    throw new Error("no chromium on PATH (apt-get install chromium, or set CHROMIUM to a Chromium executable)");
}

interface PageResult {
    stacks: number;
    diagrams: { stack: string; view: string; expected: number; drawn: number }[];
    errors: string[];
    external: string[];
    /** Navigation start to load event, then opening every <details> until the next painted frame. */
    loadMs: number;
    expandMs: number;
}

/**
 * Run in the page (plain JavaScript: the project compiles without the DOM's types). Opens every
 * <details> and waits two frames (the first lays out the opened SVG, the second paints after it),
 * then counts per diagram the nodes in the DOM that the browser gave a box.
 */
const IN_PAGE = `(async () => {
    const nav = performance.getEntriesByType("navigation")[0];
    const t0 = performance.now();
    document.querySelectorAll("details").forEach((d) => { d.open = true; });
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const expandMs = performance.now() - t0;
    const diagrams = [...document.querySelectorAll("section.stack")].flatMap((section) => [...section.querySelectorAll("svg.topology")].map((svg) => ({
        stack: section.getAttribute("data-stack") || "?",
        view: (svg.closest("[data-view]") || svg).getAttribute("data-view") || "?",
        expected: Number(svg.getAttribute("data-nodes")),
        drawn: [...svg.querySelectorAll("g.node")].filter((g) => g.getBBox().width > 0).length,
    })));
    return { stacks: document.querySelectorAll("section.stack").length, diagrams, loadMs: nav.loadEventEnd, expandMs };
})()`;

async function openReport(browser: import("playwright-core").Browser, file: string, screenshot?: string): Promise<PageResult> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    const external: string[] = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) external.push(r.url()); });
    await page.goto(`file://${path.resolve(file)}`, { waitUntil: "load" });
    if (screenshot) await page.screenshot({ path: screenshot });
    const result = await page.evaluate(IN_PAGE) as Omit<PageResult, "errors" | "external">;
    await page.close();
    return { ...result, errors, external };
}

function problemsOf(label: string, r: PageResult): string[] {
    const problems: string[] = [];
    if (r.stacks === 0) problems.push(`${label}: no stack section`);
    for (const d of r.diagrams) if (d.expected === 0 || d.drawn !== d.expected) problems.push(`${label}: ${d.stack} (${d.view}) drew ${d.drawn} of ${d.expected} nodes`);
    for (const e of r.errors) problems.push(`${label}: console error: ${e}`);
    for (const u of r.external) problems.push(`${label}: asked the network for ${u}`);
    return problems;
}

async function main(): Promise<number> {
    const argv = process.argv.slice(2);
    const outDir = argv.includes("--out") ? path.resolve(argv[argv.indexOf("--out") + 1]) : DEFAULT_OUT_DIR;
    const large = argv.includes("--large") ? Number(argv[argv.indexOf("--large") + 1]) : 1400;
    const base = argv.includes("--base") ? argv[argv.indexOf("--base") + 1] : "platform-aws-prod";
    const report = path.join(outDir, "report.html");
    if (!existsSync(report)) {
        console.error(`report:check: no ${path.relative(process.cwd(), report)} (run npm run plan -- --report first)`);
        return 1;
    }
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox", "--headless=new"] });
    const problems: string[] = [];
    try {
        const screenshot = path.join(outDir, "report.png");
        const sample = await openReport(browser, report, screenshot);
        problems.push(...problemsOf("report.html", sample));
        const nodes = sample.diagrams.reduce((n, d) => n + d.drawn, 0);
        console.log(`report:check: report.html: ${sample.stacks} stacks, ${sample.diagrams.length} diagrams, ${nodes} nodes drawn; load ${sample.loadMs.toFixed(0)} ms, every component open ${sample.expandMs.toFixed(0)} ms; screenshot ${path.relative(process.cwd(), screenshot)}`);

        const input = syntheticInput(readStackInput(outDir, base), large);
        const written = await writeReport(outDir, [input], "report-large.html");
        // Best of three openings: the figure is the page's cost, not the load of a shared machine.
        const runs: PageResult[] = [];
        for (let i = 0; i < 3; i++) runs.push(await openReport(browser, written.file));
        const big = runs.reduce((a, b) => (b.loadMs + b.expandMs < a.loadMs + a.expandMs ? b : a));
        problems.push(...problemsOf("report-large.html", big));
        const renderMs = big.loadMs + big.expandMs;
        console.log(`report:check: ${input.document.resourceCount} resources (${base} copied; layout in Node ${written.layoutSeconds.toFixed(2)} s): ` +
            `rendered in ${renderMs.toFixed(0)} ms, best of 3 (load ${big.loadMs.toFixed(0)} ms + every component open ${big.expandMs.toFixed(0)} ms; budget ${RENDER_BUDGET_MS} ms)`);
        if (renderMs >= RENDER_BUDGET_MS) problems.push(`report-large.html: rendered in ${renderMs.toFixed(0)} ms, over the ${RENDER_BUDGET_MS} ms budget`);
    } finally {
        await browser.close();
    }
    for (const p of problems) console.error(`report:check: ${p}`);
    return problems.length ? 1 : 0;
}

main().then((code) => process.exit(code), (err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
});
