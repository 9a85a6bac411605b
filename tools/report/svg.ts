/**
 * A laid-out topology as static SVG: open components as boxes with a header, the others and the
 * cloud resources as nodes, dependencies as arrows. Each node carries a <title> (the browser's
 * hover text) with its type, name, placement, protection and policy findings, and data attributes
 * the tests and the browser check count.
 */
import type { Layout, PlacedNode } from "./layout";
import { nodeLines, shortType, truncate } from "./layout";

export function esc(text: string): string {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const n1 = (v: number) => Math.round(v * 10) / 10;

function worstFinding(p: PlacedNode): string | undefined {
    const kinds = p.node.findings.map((f) => f.kind);
    return (["mandatory", "advisory", "deferred"] as const).find((k) => kinds.includes(k));
}

function hoverText(p: PlacedNode): string {
    const n = p.node;
    const lines = [`${n.type}  ${n.name}`];
    if (n.component) lines.push(`${n.members} cloud resources inside${n.protectedMembers ? `, ${n.protectedMembers} protected` : ""}${n.memberFindings ? `, ${n.memberFindings} policy findings` : ""}`);
    if (n.tier) lines.push(`subnet tier: ${n.tier}`);
    if (n.zone) lines.push(`zone: ${n.zone}`);
    if (n.protect) lines.push("protected (protect: true): a stateful resource the engine will not delete");
    for (const f of n.findings) lines.push(`[${f.kind}] ${f.policy} (${f.severity}): ${f.message}`);
    return lines.join("\n");
}

/** A small padlock at (x, y): the mark of a protected resource. */
function padlock(x: number, y: number): string {
    return `<g class="lock" transform="translate(${n1(x)},${n1(y)})"><path d="M2 5V3.5a3 3 0 0 1 6 0V5" fill="none" stroke-width="1.4"/><rect x="0.5" y="5" width="9" height="7" rx="1"/></g>`;
}

function nodeSvg(p: PlacedNode): string {
    const n = p.node;
    const finding = worstFinding(p);
    const classes = ["node", n.component ? "component" : "resource", n.protect ? "protected" : "", finding ? `finding-${finding}` : "", n.tier ? `tier-${n.tier.replace(/[^a-z0-9-]/gi, "")}` : ""].filter(Boolean).join(" ");
    const lines = nodeLines(n, false);
    const texts = lines.map((line, i) => `<text x="${n1(p.x + 8)}" y="${n1(p.y + 16 + i * 14)}"${i === 0 ? ' class="t"' : ""}>${esc(line)}</text>`).join("");
    const marks = [
        n.protect || (n.component && n.protectedMembers) ? padlock(p.x + p.width - 14, p.y + 4) : "",
        finding || n.memberFindings ? `<circle class="badge" cx="${n1(p.x + p.width - (n.protect || n.protectedMembers ? 24 : 10))}" cy="${n1(p.y + 10)}" r="5"/>` : "",
    ].join("");
    return `<g class="${classes}" data-urn="${esc(n.id)}"><title>${esc(hoverText(p))}</title><rect x="${n1(p.x)}" y="${n1(p.y)}" width="${n1(p.width)}" height="${n1(p.height)}" rx="4"/>${texts}${marks}</g>`;
}

function boxSvg(p: PlacedNode): string {
    const n = p.node;
    return `<g class="box" data-urn="${esc(n.id)}"><title>${esc(hoverText(p))}</title><rect x="${n1(p.x)}" y="${n1(p.y)}" width="${n1(p.width)}" height="${n1(p.height)}" rx="6"/>` +
        `<text x="${n1(p.x + 8)}" y="${n1(p.y + 14)}" class="t">${esc(shortType(n.type))}</text><text x="${n1(p.x + 8)}" y="${n1(p.y + 27)}">${esc(truncate(n.name, 60))} (${n.members})</text></g>`;
}

/** The diagram of one view; `id` makes the arrow marker's id unique on the page. */
export function diagramSvg(layout: Layout, id: string, label: string): string {
    const boxes = layout.nodes.filter((p) => p.open).map(boxSvg).join("");
    const edges = layout.edges.map((e) => {
        const d = e.points.map((pt, i) => `${i ? "L" : "M"}${n1(pt.x)} ${n1(pt.y)}`).join("");
        const width = e.count > 1 ? Math.min(1 + Math.log2(e.count), 4) : 1;
        return `<path class="edge" d="${d}" stroke-width="${n1(width)}" marker-end="url(#${id}-arrow)"><title>${e.count} dependenc${e.count === 1 ? "y" : "ies"}</title></path>`;
    }).join("");
    const nodes = layout.nodes.filter((p) => !p.open).map(nodeSvg).join("");
    return `<svg class="topology" data-nodes="${layout.nodes.filter((p) => !p.open).length}" data-boxes="${layout.nodes.filter((p) => p.open).length}" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="${esc(label)}">` +
        `<defs><marker id="${id}-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto"><path d="M0 0L8 4L0 8z"/></marker></defs>` +
        `${boxes}<g class="edges">${edges}</g>${nodes}</svg>`;
}
