/**
 * Lays a topology view out with ELK's layered algorithm (elkjs, in Node at report time), so the
 * page gets static SVG and needs no script. An open component is a compound node holding its
 * members; each box is laid out on its own, inside out (ELK's SEPARATE_CHILDREN), with the edges
 * between its direct members, which the view has already lifted to siblings. Laying out the whole
 * hierarchy at once (INCLUDE_CHILDREN) routes edges across box borders but took 3-10 s per sample
 * stack; this takes a small fraction of that. Every position comes back in the root's coordinates.
 */
import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";
import type { TopoNode, TopoView } from "./topology";

// The bundled build runs the layout in this thread (no worker); loaded on first use only.
type Elk = { layout(graph: ElkNode): Promise<ElkNode> };
let elk: Elk | undefined;
function engine(): Elk {
    if (!elk) {
        const ELK = require("elkjs/lib/elk.bundled.js") as new () => Elk;
        elk = new ELK();
    }
    return elk;
}

export interface Box { x: number; y: number; width: number; height: number }
export interface PlacedNode extends Box { node: TopoNode; open: boolean }
export interface PlacedEdge { from: string; to: string; count: number; container?: string; points: { x: number; y: number }[] }
export interface Layout { width: number; height: number; nodes: PlacedNode[]; edges: PlacedEdge[] }

export const CHAR_WIDTH = 6.6;
export const HEADER = 34;

/** The short type of a resource: `aws:ec2/subnet:Subnet` -> `Subnet`, `landing-zone:aws:Network` -> `Network`. */
export function shortType(type: string): string {
    return type.split(":").pop()!;
}

export function truncate(text: string, max = 34): string {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The text lines a node shows (the SVG writes the same lines). */
export function nodeLines(node: TopoNode, open: boolean): string[] {
    if (node.component) {
        const lines = [shortType(node.type), truncate(node.name)];
        if (!open) lines.push(`${node.members} resources${node.protectedMembers ? `, ${node.protectedMembers} protected` : ""}`);
        return lines;
    }
    const lines = [shortType(node.type), truncate(node.name)];
    const place = [node.tier, node.zone].filter(Boolean).join(" · ");
    if (place) lines.push(truncate(place));
    return lines;
}

function size(node: TopoNode, open: boolean): { width: number; height: number } {
    const lines = nodeLines(node, open);
    return { width: Math.max(96, Math.ceil(Math.max(...lines.map((l) => l.length)) * CHAR_WIDTH) + 18), height: 10 + lines.length * 14 };
}

const ROOT_OPTIONS = {
    "elk.algorithm": "layered",
    "elk.direction": "RIGHT",
    "elk.hierarchyHandling": "SEPARATE_CHILDREN",
    "elk.layered.spacing.nodeNodeBetweenLayers": "36",
    "elk.spacing.nodeNode": "14",
    "elk.spacing.componentComponent": "24",
    "elk.aspectRatio": "1.6",
    "elk.padding": "[top=12,left=12,bottom=12,right=12]",
    "org.eclipse.elk.json.shapeCoords": "ROOT",
    "org.eclipse.elk.json.edgeCoords": "ROOT",
};

const BOX_OPTIONS = (minWidth: number) => ({
    "elk.padding": `[top=${HEADER},left=10,bottom=10,right=10]`,
    "elk.nodeSize.constraints": "MINIMUM_SIZE",
    "elk.nodeSize.minimum": `(${minWidth},${HEADER + 10})`,
    "elk.direction": "RIGHT",
    "elk.aspectRatio": "1.6",
});

/** Lays out a view: open components as boxes holding their members, the rest as single nodes. */
export async function layoutView(view: TopoView): Promise<Layout> {
    const elkNodes = new Map<string, ElkNode>();
    const roots: ElkNode[] = [];
    const rootEdges: ElkExtendedEdge[] = [];
    for (const n of view.nodes) {
        const open = view.open.has(n.id);
        elkNodes.set(n.id, open ? { id: n.id, children: [], edges: [], layoutOptions: BOX_OPTIONS(size(n, true).width) } : { id: n.id, ...size(n, false) });
    }
    for (const n of view.nodes) {
        const parent = n.parent ? elkNodes.get(n.parent) : undefined;
        (parent ? parent.children! : roots).push(elkNodes.get(n.id)!);
    }
    view.edges.forEach((e, i) => {
        const edge = { id: `e${i}`, sources: [e.from], targets: [e.to] } as ElkExtendedEdge;
        (e.container ? elkNodes.get(e.container)!.edges! : rootEdges).push(edge);
    });
    const result = await engine().layout({ id: "root", layoutOptions: ROOT_OPTIONS, children: roots, edges: rootEdges });
    const placed: PlacedNode[] = [];
    const byId = new Map(view.nodes.map((n) => [n.id, n]));
    const walk = (nodes: ElkNode[] | undefined) => {
        for (const n of nodes ?? []) {
            placed.push({ node: byId.get(n.id)!, open: view.open.has(n.id), x: n.x ?? 0, y: n.y ?? 0, width: n.width ?? 0, height: n.height ?? 0 });
            walk(n.children);
        }
    };
    walk(result.children);
    const laidEdges: PlacedEdge[] = [];
    const collect = (node: ElkNode) => {
        for (const e of (node.edges ?? []) as ElkExtendedEdge[]) {
            const section = e.sections?.[0];
            if (!section) continue;
            laidEdges.push({ ...view.edges[Number(e.id.slice(1))], points: [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] });
        }
        for (const child of node.children ?? []) collect(child);
    };
    collect(result);
    return { width: Math.ceil(result.width ?? 0), height: Math.ceil(result.height ?? 0), nodes: placed, edges: laidEdges };
}
