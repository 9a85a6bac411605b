/**
 * A stack's topology for the report: the `landing-zone:*` components as groups holding their cloud
 * resources, the recorded dependencies as edges, and what each node shows (zone, subnet tier,
 * protected, policy findings). A view opens some components as boxes and draws each dependency
 * between the sibling nodes holding its ends, summed per pair: the collapsed (default) view keeps
 * leaf components closed, the expanded view opens them all.
 */
import type { Finding, PlanResource } from "./model";

export interface TopoNode {
    id: string;
    type: string;
    name: string;
    /** True for a component (a group of resources). */
    component: boolean;
    /** The component that holds this node (undefined: top level). */
    parent?: string;
    protect: boolean;
    zone?: string;
    tier?: string;
    findings: Finding[];
    /** For a component: the cloud resources inside it, at any depth. */
    members: number;
    /** For a component: protected resources and findings inside it, at any depth. */
    protectedMembers: number;
    memberFindings: number;
}

export interface TopoEdge {
    /** The resource (or, in a view, the box) depended on. */
    from: string;
    /** The resource (or box) that depends on it. */
    to: string;
    /** How many resource dependencies the edge stands for. */
    count: number;
    /** In a view: the open component both ends sit in (undefined: the top level). */
    container?: string;
}

/** What a diagram draws: nodes (open components hold theirs), edges between siblings. */
export interface TopoView {
    nodes: TopoNode[];
    /** Components drawn as boxes holding their members; other components are single nodes. */
    open: Set<string>;
    edges: TopoEdge[];
}

export interface Topology {
    /** Every drawn node: components and their cloud resources. */
    nodes: TopoNode[];
    /** Recorded dependencies between drawn resources (dependency -> dependent). */
    edges: TopoEdge[];
    /** The default view: containers of components open, each leaf component one node. */
    collapsed: TopoView;
    /** Every component open. */
    expanded: TopoView;
}

/** Not drawn: the stack resource itself and provider resources (counted, not placed). */
export function isDrawn(r: Pick<PlanResource, "type">): boolean {
    return r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:");
}

const TIERS = ["public", "private", "data", "aks-nodes", "private-endpoints", "nodes", "pods", "services", "endpoints"];

function str(value: unknown): string | undefined {
    return typeof value === "string" && value && !value.startsWith("(known after") ? value : undefined;
}

/** The zone(s) a resource is placed in, as its inputs say. */
export function zoneOf(inputs: Record<string, unknown>): string | undefined {
    const zones = inputs.zones ?? inputs.availabilityZones ?? inputs.preferredCacheClusterAzs;
    if (Array.isArray(zones) && zones.length) return zones.map(String).join(",");
    return str(inputs.availabilityZone) ?? str(inputs.zone) ?? str(inputs.locationId);
}

/** The subnet tier of a network resource: its `tier` tag, else a tier word in its name. */
export function tierOf(r: Pick<PlanResource, "type" | "name" | "inputs">): string | undefined {
    if (!/subnet|routeTable|natGateway|nat:|routerNat|eip:|publicIPAddress/i.test(r.type)) return undefined;
    const tags = r.inputs.tags as Record<string, unknown> | undefined;
    const tagged = str(tags?.tier);
    if (tagged) return tagged;
    const words = r.name.toLowerCase();
    return TIERS.find((t) => words.includes(`-${t}`)) ?? (/nat|eip|publicip/i.test(r.type) ? "egress" : undefined);
}

export function topology(resources: PlanResource[], findings: Finding[]): Topology {
    // URNs are unique: the plan's engine, like Pulumi's, rejects a second registration.
    const drawn = resources.filter(isDrawn);
    const ids = new Set(drawn.map((r) => r.urn));
    const byUrn = new Map(findings.filter((f) => f.urn).map((f) => [f.urn!, [] as Finding[]]));
    for (const f of findings) if (f.urn) byUrn.get(f.urn)!.push(f);
    const nodes: TopoNode[] = drawn.map((r) => ({
        id: r.urn,
        type: r.type,
        name: r.name,
        component: !r.custom,
        parent: r.parent && ids.has(r.parent) ? r.parent : undefined,
        protect: r.protect,
        zone: r.custom ? zoneOf(r.inputs) : undefined,
        tier: r.custom ? tierOf(r) : undefined,
        findings: byUrn.get(r.urn) ?? [],
        members: 0,
        protectedMembers: 0,
        memberFindings: 0,
    }));
    const node = new Map(nodes.map((n) => [n.id, n]));
    for (const n of nodes.filter((x) => !x.component)) {
        for (let p = n.parent; p; p = node.get(p)!.parent) {
            const group = node.get(p)!;
            group.members += 1;
            group.protectedMembers += n.protect ? 1 : 0;
            group.memberFindings += n.findings.length;
        }
    }
    const edges = new Map<string, TopoEdge>();
    for (const r of drawn) {
        for (const dep of new Set(r.dependencies)) {
            if (!ids.has(dep) || dep === r.urn || ancestors(node, r.urn).includes(dep)) continue;
            const key = `${dep}\n${r.urn}`;
            if (!edges.has(key)) edges.set(key, { from: dep, to: r.urn, count: 1 });
        }
    }
    const topo = { nodes, edges: [...edges.values()] };
    const components = nodes.filter((n) => n.component);
    // A component is a box by default when most of what it holds sits in components of its own
    // (an organization folder, a project) or when it is alone at its level (a one-node diagram
    // says nothing): the leaf components stay single nodes.
    const childMembers = new Map<string, number>();
    const directCustom = new Map<string, number>();
    for (const n of nodes) {
        if (!n.parent) continue;
        if (n.component) childMembers.set(n.parent, (childMembers.get(n.parent) ?? 0) + n.members);
        else directCustom.set(n.parent, (directCustom.get(n.parent) ?? 0) + 1);
    }
    const siblings = new Map<string | undefined, number>();
    for (const n of nodes) siblings.set(n.parent, (siblings.get(n.parent) ?? 0) + 1);
    const container = new Set(components.filter((c) => (childMembers.get(c.id) ?? 0) > (directCustom.get(c.id) ?? 0) || siblings.get(c.parent) === 1).map((c) => c.id));
    return {
        ...topo,
        collapsed: view(topo, (id) => container.has(id)),
        expanded: view(topo, () => true),
    };
}

/** The node's ancestors, nearest first. */
function ancestors(node: Map<string, TopoNode>, id: string): string[] {
    const chain: string[] = [];
    for (let p = node.get(id)!.parent; p; p = node.get(p)!.parent) chain.push(p);
    return chain;
}

/**
 * A view of the topology with the components `isOpen` says as boxes: the nodes not hidden inside a
 * closed component, and each dependency drawn between the two sibling nodes that hold its ends
 * (summed per pair), in the box that holds both.
 */
export function view(topo: { nodes: TopoNode[]; edges: TopoEdge[] }, isOpen: (id: string) => boolean): TopoView {
    const node = new Map(topo.nodes.map((n) => [n.id, n]));
    const open = new Set(topo.nodes.filter((n) => n.component && isOpen(n.id)).map((n) => n.id));
    /** The chain of shown nodes from the top down to what shows `id`. */
    const shownChain = (id: string): string[] => {
        const chain = [...ancestors(node, id).reverse(), id];
        const cut = chain.findIndex((x) => node.get(x)!.component && !open.has(x));
        return cut < 0 ? chain : chain.slice(0, cut + 1);
    };
    const shown = new Set<string>();
    for (const n of topo.nodes) for (const x of shownChain(n.id)) shown.add(x);
    const edges = new Map<string, TopoEdge>();
    for (const e of topo.edges) {
        const a = shownChain(e.from);
        const b = shownChain(e.to);
        let i = 0;
        while (i < a.length && i < b.length && a[i] === b[i]) i++;
        if (i === a.length || i === b.length) continue; // one end holds the other
        const [from, to, container] = [a[i], b[i], i > 0 ? a[i - 1] : undefined];
        const key = `${from}\n${to}`;
        const edge = edges.get(key);
        if (edge) edge.count += e.count;
        else edges.set(key, { from, to, count: e.count, container });
    }
    return { nodes: topo.nodes.filter((n) => shown.has(n.id)), open, edges: [...edges.values()] };
}
