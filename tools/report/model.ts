/**
 * The plan report's data model: what `npm run plan -- --report` shows, built from the plan documents
 * the plan writes (<out>/<stack>.json), so it can be tested without HTML or a browser.
 */
import type { Violation } from "../plan/policies";
import { parityTables, type ParityTable } from "./parity";
import { topology, type Topology } from "./topology";

export const LAYERS = ["organization", "platform", "domain"] as const;

/** One resource as the plan document has it (inputs in display form: unknowns and secrets spelled out). */
export interface PlanResource {
    urn: string;
    type: string;
    name: string;
    parent?: string;
    custom: boolean;
    protect: boolean;
    retainOnDelete: boolean;
    dependencies: string[];
    provider?: string;
    inputs: Record<string, unknown>;
}

/** A plan document (tools/plan/render.ts planDocument, with the policy step's violations). */
export interface PlanDocument {
    stack: string;
    resourceCount: number;
    countsByType: Record<string, number>;
    resources: PlanResource[];
    outputs: Record<string, unknown>;
    strict?: boolean;
    violations?: Violation[];
}

/** A planned stack and where it sits: its layer, cloud and the stack it reads (StackReference). */
export interface StackInput {
    document: PlanDocument;
    layer: string;
    cloud: string;
    environment?: string;
    /** The planned stack this one reads through a StackReference. */
    reads?: string;
}

export type FindingKind = "mandatory" | "advisory" | "deferred";

export interface Finding {
    kind: FindingKind;
    policy: string;
    severity: string;
    urn?: string;
    /** The resource's logical name (the stack's name for a stack policy). */
    resource: string;
    message: string;
    remediation: string;
}

export interface StackModel {
    name: string;
    layer: string;
    cloud: string;
    environment?: string;
    reads?: string;
    resourceCount: number;
    /** Resources in the diagram (no stack resource, no providers). */
    customCount: number;
    componentCount: number;
    policies: Record<FindingKind, number> | undefined;
    findings: Finding[];
    topology: Topology;
}

export interface ReportModel {
    /** Organization -> platform -> domain, then cloud, then name. */
    stacks: StackModel[];
    /** StackReference arrows: `from` is read by `to`. */
    references: { from: string; to: string }[];
    parity: ParityTable[];
}

export function findingKind(v: Violation): FindingKind {
    if (v.deferred) return "deferred";
    return v.enforcementLevel === "mandatory" ? "mandatory" : "advisory";
}

const KIND_ORDER: FindingKind[] = ["mandatory", "advisory", "deferred"];

function findingsOf(document: PlanDocument): Finding[] {
    const names = new Map(document.resources.map((r) => [r.urn, r.name]));
    return (document.violations ?? []).map((v) => ({
        kind: findingKind(v),
        policy: v.policyName,
        severity: v.severity,
        urn: v.urn,
        resource: v.urn ? names.get(v.urn) ?? v.urn.split("::").pop()! : document.stack,
        message: v.message,
        remediation: v.remediation,
    })).sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.policy.localeCompare(b.policy) || a.resource.localeCompare(b.resource));
}

export function stackModel(input: StackInput): StackModel {
    const { document } = input;
    const findings = findingsOf(document);
    const topo = topology(document.resources, findings);
    const count = (kind: FindingKind) => findings.filter((f) => f.kind === kind).length;
    return {
        name: document.stack,
        layer: input.layer,
        cloud: input.cloud,
        environment: input.environment,
        reads: input.reads,
        resourceCount: document.resourceCount,
        customCount: topo.nodes.filter((n) => !n.component).length,
        componentCount: topo.nodes.filter((n) => n.component).length,
        policies: document.violations ? { mandatory: count("mandatory"), advisory: count("advisory"), deferred: count("deferred") } : undefined,
        findings,
        topology: topo,
    };
}

function layerRank(layer: string): number {
    const i = (LAYERS as readonly string[]).indexOf(layer);
    return i < 0 ? LAYERS.length : i;
}

/** The report of the planned stacks. A reference to a stack not in the report draws no arrow. */
export function reportModel(inputs: StackInput[]): ReportModel {
    const stacks = inputs.map(stackModel)
        .sort((a, b) => layerRank(a.layer) - layerRank(b.layer) || a.cloud.localeCompare(b.cloud) || a.name.localeCompare(b.name));
    const names = new Set(stacks.map((s) => s.name));
    const references = stacks.filter((s) => s.reads && names.has(s.reads)).map((s) => ({ from: s.reads!, to: s.name }));
    return { stacks, references, parity: parityTables(inputs) };
}
