/** Builds the report of planned stacks and writes it as <out>/report.html. */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { reportHtml, type StackDiagrams } from "./html";
import { layoutView } from "./layout";
import { reportModel, type ReportModel, type StackInput } from "./model";

export interface WrittenReport {
    file: string;
    model: ReportModel;
    /** Seconds spent on the layout (ELK) and on the whole report. */
    layoutSeconds: number;
    seconds: number;
}

export async function buildReport(inputs: StackInput[], generated?: Date): Promise<{ html: string; model: ReportModel; layoutSeconds: number }> {
    const model = reportModel(inputs);
    const diagrams = new Map<string, StackDiagrams>();
    const t0 = performance.now();
    for (const s of model.stacks) {
        diagrams.set(s.name, { collapsed: await layoutView(s.topology.collapsed), expanded: await layoutView(s.topology.expanded) });
    }
    const layoutSeconds = (performance.now() - t0) / 1000;
    return { html: reportHtml(model, diagrams, generated), model, layoutSeconds };
}

export async function writeReport(outDir: string, inputs: StackInput[], name = "report.html"): Promise<WrittenReport> {
    const t0 = performance.now();
    const { html, model, layoutSeconds } = await buildReport(inputs);
    const file = path.join(outDir, name);
    writeFileSync(file, html);
    return { file, model, layoutSeconds, seconds: (performance.now() - t0) / 1000 };
}
