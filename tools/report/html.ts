/**
 * The plan report as one HTML file: styles inline, diagrams as static SVG, no script, no font or
 * image from anywhere else, so it opens offline and can be attached to a pull request.
 */
import type { Layout } from "./layout";
import { LAYERS, type Finding, type ReportModel, type StackModel } from "./model";
import type { ParityTable } from "./parity";
import { CLOUDS } from "./parity-shapes";
import { diagramSvg, esc } from "./svg";

export interface StackDiagrams {
    collapsed: Layout;
    expanded: Layout;
}

const STYLE = `
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
header,main{padding:0 24px}header{background:#1b2a41;color:#fff;padding:14px 24px}header h1{margin:0 0 4px;font-size:20px}
nav a{color:#cde;margin-right:14px}h2{margin:28px 0 8px;border-bottom:2px solid #d0d7de}h3{margin:22px 0 6px}
table{border-collapse:collapse;background:#fff;margin:6px 0 12px}th,td{border:1px solid #d0d7de;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#eef1f4}td.num{text-align:right}.mandatory{color:#b42318;font-weight:600}.advisory{color:#b54708}.deferred{color:#667085}
tr.differs td{background:#fff4d6}tr.differs td.setting::after{content:" ≠";color:#b54708;font-weight:700}td.gap{color:#b42318;min-width:280px}
table.parity td{max-width:420px}
.scroll{overflow:auto;max-height:78vh;background:#fff;border:1px solid #d0d7de;margin:6px 0}
svg text{font:11px system-ui,sans-serif;fill:#1b1f24}svg text.t{font-weight:600}
.node rect{fill:#fff;stroke:#8c959f;stroke-width:1}.node.component rect{fill:#e8f0fe;stroke:#3b6fd8;stroke-width:1.5}
.node.tier-public rect{fill:#fff1e0}.node.tier-private rect{fill:#e6f4ff}.node.tier-data rect{fill:#f1e8ff}.node.tier-egress rect{fill:#fff8cc}
.node.protected rect{stroke:#1b2a41;stroke-width:2.5}.lock rect{fill:#1b2a41}.lock path{stroke:#1b2a41}
.node.finding-mandatory rect{stroke:#d92d20;stroke-width:3}.node.finding-advisory rect{stroke:#f79009;stroke-width:3}.node.finding-deferred rect{stroke-dasharray:4 2}
.badge{fill:#f79009}.finding-mandatory .badge{fill:#d92d20}.finding-deferred .badge{fill:#98a2b3}
.box>rect{fill:#f4f7fc;stroke:#7a9cd8;stroke-width:1.2}.edge{fill:none;stroke:#98a2b3}marker path{fill:#98a2b3}
.overview .stack rect{fill:#fff;stroke:#3b6fd8;stroke-width:1.5}.overview .ref{fill:none;stroke:#3b6fd8;stroke-width:1.5}
.legend span{display:inline-block;margin-right:14px}.sw{display:inline-block;width:12px;height:12px;border:1px solid #8c959f;vertical-align:middle;margin-right:4px}
details>summary{cursor:pointer;color:#3b6fd8}`;

function policyCell(s: StackModel): string {
    if (!s.policies) return "<td colspan=\"3\">policies off</td>";
    return (["mandatory", "advisory", "deferred"] as const).map((k) => `<td class="num ${s.policies![k] ? k : ""}">${s.policies![k]}</td>`).join("");
}

/** The stacks by layer (columns) and cloud (rows), with the StackReference arrows. */
function overviewSvg(model: ReportModel): string {
    const W = 250, H = 40, GAP_X = 90, GAP_Y = 10;
    const clouds = [...new Set(model.stacks.map((s) => s.cloud))];
    const layers = [...LAYERS, ...new Set(model.stacks.map((s) => s.layer).filter((l) => !(LAYERS as readonly string[]).includes(l)))];
    const pos = new Map<string, { x: number; y: number }>();
    let y = 30;
    const bands: string[] = [];
    for (const cloud of clouds) {
        const rows = Math.max(...layers.map((l) => model.stacks.filter((s) => s.cloud === cloud && s.layer === l).length));
        bands.push(`<text x="6" y="${y + 14}" class="t">${esc(cloud)}</text>`);
        layers.forEach((layer, col) => {
            model.stacks.filter((s) => s.cloud === cloud && s.layer === layer).forEach((s, i) => pos.set(s.name, { x: 70 + col * (W + GAP_X), y: y + i * (H + GAP_Y) }));
        });
        y += rows * (H + GAP_Y) + 16;
    }
    const width = 70 + layers.length * (W + GAP_X);
    const heads = layers.map((l, col) => `<text x="${70 + col * (W + GAP_X)}" y="18" class="t">${esc(l)}</text>`).join("");
    const arrows = model.references.map((r) => {
        const a = pos.get(r.from)!, b = pos.get(r.to)!;
        const [x1, y1, x2, y2] = [a.x + W, a.y + H / 2, b.x, b.y + H / 2];
        return `<path class="ref" data-from="${esc(r.from)}" data-to="${esc(r.to)}" d="M${x1} ${y1}C${x1 + 45} ${y1} ${x2 - 45} ${y2} ${x2 - 2} ${y2}" marker-end="url(#overview-arrow)"><title>${esc(r.to)} reads ${esc(r.from)} (StackReference)</title></path>`;
    }).join("");
    const boxes = model.stacks.map((s) => {
        const p = pos.get(s.name)!;
        const pol = s.policies ? ` · ${s.policies.mandatory}/${s.policies.advisory}/${s.policies.deferred}` : "";
        return `<a href="#stack-${esc(s.name)}"><g class="stack" data-stack="${esc(s.name)}"><title>${esc(`${s.name}: ${s.resourceCount} resources, policies mandatory/advisory/deferred${pol}`)}</title><rect x="${p.x}" y="${p.y}" width="${W}" height="${H}" rx="5"/>` +
            `<text x="${p.x + 8}" y="${p.y + 16}" class="t">${esc(s.name)}</text><text x="${p.x + 8}" y="${p.y + 31}">${s.resourceCount} resources${esc(pol)}</text></g></a>`;
    }).join("");
    return `<svg class="overview" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" role="img" aria-label="stacks by layer and cloud">` +
        `<defs><marker id="overview-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto"><path d="M0 0L8 4L0 8z"/></marker></defs>${heads}${bands.join("")}${arrows}${boxes}</svg>`;
}

function overview(model: ReportModel): string {
    const rows = model.stacks.map((s) => `<tr data-stack="${esc(s.name)}"><td><a href="#stack-${esc(s.name)}">${esc(s.name)}</a></td><td>${esc(s.layer)}</td><td>${esc(s.cloud)}</td>` +
        `<td class="num">${s.resourceCount}</td><td class="num">${s.componentCount}</td>${policyCell(s)}<td>${s.reads ? esc(s.reads) : ""}</td></tr>`).join("");
    return `<section id="overview"><h2>Overview</h2><p>Each box: a planned stack, its resources and its policy findings (mandatory/advisory/deferred); ` +
        `each arrow: a StackReference, from the stack read to the stack that reads it.</p><div class="scroll">${overviewSvg(model)}</div>` +
        `<table><tr><th>stack</th><th>layer</th><th>cloud</th><th>resources</th><th>components</th><th>mandatory</th><th>advisory</th><th>deferred</th><th>reads (StackReference)</th></tr>${rows}</table></section>`;
}

const LEGEND = `<p class="legend"><span><i class="sw" style="background:#e8f0fe;border-color:#3b6fd8"></i>component (closed)</span>` +
    `<span><i class="sw" style="background:#fff1e0"></i>public tier</span><span><i class="sw" style="background:#e6f4ff"></i>private tier</span>` +
    `<span><i class="sw" style="background:#f1e8ff"></i>data tier</span><span><i class="sw" style="background:#fff8cc"></i>egress</span>` +
    `<span><i class="sw" style="border:2.5px solid #1b2a41"></i>protected (lock)</span><span><i class="sw" style="border:3px solid #d92d20"></i>mandatory finding</span>` +
    `<span><i class="sw" style="border:3px solid #f79009"></i>advisory finding</span><span><i class="sw" style="border:1px dashed #8c959f"></i>deferred to deploy</span>` +
    `<span>hover a node for its zone, tier, protection and findings</span></p>`;

function findingsTable(findings: Finding[]): string {
    if (!findings.length) return "<p>No policy findings.</p>";
    const rows = findings.map((f) => `<tr class="${f.kind}"><td class="${f.kind}">${f.kind}</td><td>${esc(f.policy)}</td><td>${esc(f.severity)}</td><td>${esc(f.resource)}</td><td>${esc(f.message)}</td><td>${esc(f.remediation)}</td></tr>`).join("");
    return `<table class="findings"><tr><th>result</th><th>policy</th><th>severity</th><th>resource</th><th>message</th><th>remediation</th></tr>${rows}</table>`;
}

function stackSection(s: StackModel, d: StackDiagrams, index: number): string {
    return `<section class="stack" id="stack-${esc(s.name)}" data-stack="${esc(s.name)}"><h3>${esc(s.name)}</h3>` +
        `<p>${esc(s.layer)} · ${esc(s.cloud)} · ${s.resourceCount} resources (${s.customCount} cloud resources in ${s.componentCount} components)${s.reads ? ` · reads ${esc(s.reads)}` : ""}</p>` +
        `<div class="scroll" data-view="collapsed">${diagramSvg(d.collapsed, `s${index}c`, `${s.name}: components`)}</div>` +
        `<details data-view="expanded"><summary>Open every component (${s.customCount} resources)</summary><div class="scroll">${diagramSvg(d.expanded, `s${index}e`, `${s.name}: every resource`)}</div></details>` +
        `<h4>Policy findings</h4>${findingsTable(s.findings)}</section>`;
}

function parityTable(t: ParityTable): string {
    const clouds = CLOUDS.filter((c) => t.stacks[c]);
    const head = `<tr><th>capability</th><th>setting</th><th>from</th>${clouds.map((c) => `<th>${c} (${esc(t.stacks[c]!)})</th>`).join("")}<th>known gap</th></tr>`;
    const rows = t.rows.map((r) => `<tr class="${r.differs ? "differs" : ""}" data-capability="${esc(r.capability)}"><td>${esc(r.capability)}</td><td class="setting">${esc(r.setting)}</td><td>${r.source}</td>` +
        `${clouds.map((c) => `<td>${esc(r.values[c] ?? "—")}</td>`).join("")}<td class="gap">${r.gap ? `${r.gap.cloud}: ${esc(r.gap.reason)}` : ""}</td></tr>`).join("");
    return `<h3 id="parity-${esc(t.name)}">${esc(t.name)}</h3><table class="parity" data-parity="${esc(t.name)}">${head}${rows}</table>`;
}

export function reportHtml(model: ReportModel, diagrams: Map<string, StackDiagrams>, generated = new Date()): string {
    const totals = (k: "mandatory" | "advisory" | "deferred") => model.stacks.reduce((n, s) => n + (s.policies?.[k] ?? 0), 0);
    const resources = model.stacks.reduce((n, s) => n + s.resourceCount, 0);
    const parity = model.parity.length
        ? `<p>Rows marked ≠ differ between clouds (highlighted). "parity test" rows are the shapes the parity tests compare; "resources" rows read each capability's cloud resources.</p>${model.parity.map(parityTable).join("")}`
        : "<p>No two planned stacks differ only in their cloud.</p>";
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plan report</title><style>${STYLE}</style></head><body>` +
        `<header><h1>Plan report</h1><div>${model.stacks.length} stacks, ${resources} resources; policies: ${totals("mandatory")} mandatory, ${totals("advisory")} advisory, ${totals("deferred")} deferred · ${esc(generated.toISOString())}</div>` +
        `<nav><a href="#overview">Overview</a><a href="#topology">Topology</a><a href="#parity">Parity</a></nav></header><main>` +
        `${overview(model)}<section id="topology"><h2>Topology per stack</h2>${LEGEND}` +
        `${model.stacks.map((s, i) => stackSection(s, diagrams.get(s.name)!, i)).join("")}</section>` +
        `<section id="parity"><h2>Cross-cloud parity</h2>${parity}</section></main></body></html>\n`;
}
