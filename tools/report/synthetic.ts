/**
 * A large stack for measuring the report: a planned stack's resources copied until there are at
 * least `target` of them (each copy's URNs, names, parents, dependencies and findings suffixed), as
 * if the stack held that many components. Only for the render-time check and the bench.
 */
import type { PlanDocument, StackInput } from "./model";

export function syntheticInput(base: StackInput, target: number, stack = `synthetic-${target}`): StackInput {
    const doc = base.document;
    const root = doc.resources.find((r) => r.type === "pulumi:pulumi:Stack");
    const copied = doc.resources.filter((r) => r !== root && !r.type.startsWith("pulumi:providers:"));
    const copies = Math.max(1, Math.ceil((target - (doc.resources.length - copied.length)) / copied.length));
    const resources: PlanDocument["resources"] = doc.resources.filter((r) => !copied.includes(r));
    const violations: NonNullable<PlanDocument["violations"]> = [];
    const own = new Set(copied.map((r) => r.urn));
    for (let k = 1; k <= copies; k++) {
        const map = (urn: string) => (own.has(urn) ? `${urn}-${k}` : urn);
        for (const r of copied) {
            resources.push({ ...r, urn: map(r.urn), name: `${r.name}-${k}`, parent: r.parent && map(r.parent), dependencies: r.dependencies.map(map) });
        }
        for (const v of doc.violations ?? []) violations.push({ ...v, urn: v.urn && map(v.urn) });
    }
    const countsByType: Record<string, number> = {};
    for (const r of resources) countsByType[r.type] = (countsByType[r.type] ?? 0) + 1;
    return {
        ...base,
        reads: undefined,
        document: { ...doc, stack, resourceCount: resources.length, countsByType, resources, violations: doc.violations ? violations : undefined },
    };
}
