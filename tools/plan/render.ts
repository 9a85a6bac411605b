import { displayValue, type RecordedResource } from "../mock-engine";

/** The resources as a tree (children under their parent), with the options that matter. */
export function renderTree(resources: RecordedResource[]): string {
    const children = new Map<string | undefined, RecordedResource[]>();
    for (const r of resources) {
        const key = r.parent;
        children.set(key, [...(children.get(key) ?? []), r]);
    }
    const lines: string[] = [];
    const walk = (urn: string | undefined, depth: number) => {
        for (const r of children.get(urn) ?? []) {
            const flags = [r.protect ? "protect" : "", r.retainOnDelete ? "retain" : ""].filter(Boolean);
            lines.push(`${"  ".repeat(depth)}+ ${r.type}  ${r.name}${flags.length ? `  [${flags.join(", ")}]` : ""}`);
            walk(r.urn, depth + 1);
        }
    };
    walk(undefined, 0);
    return lines.join("\n");
}

/** Resource counts per type, most frequent first. */
export function countByType(resources: RecordedResource[]): [string, number][] {
    const counts = new Map<string, number>();
    for (const r of resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The machine-readable plan of one stack. */
export function planDocument(stack: string, resources: RecordedResource[], outputs: Record<string, unknown>) {
    return {
        stack,
        resourceCount: resources.length,
        countsByType: Object.fromEntries(countByType(resources)),
        resources: resources.map((r) => ({
            urn: r.urn,
            type: r.type,
            name: r.name,
            parent: r.parent,
            custom: r.custom,
            protect: r.protect,
            retainOnDelete: r.retainOnDelete,
            dependencies: r.dependencies,
            provider: r.provider,
            inputs: displayValue(r.inputs),
        })),
        outputs: displayValue(outputs),
    };
}
