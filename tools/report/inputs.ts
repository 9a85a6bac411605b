/** The report's inputs read back from a plan's output folder (the plan files and the stack files beside them). */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { dirOf, referencedStack } from "../plan/references";
import { readStackConfig } from "../plan/stack-files";
import type { PlanDocument, StackInput } from "./model";

export function stackInput(document: PlanDocument, config: Record<string, string>): StackInput {
    return {
        document, layer: config["landing-zone:layer"], cloud: config["landing-zone:cloud"],
        environment: config["landing-zone:environment"], reads: referencedStack(config)?.stack,
    };
}

/** The plan file of `stack` in `outDir` as a report input (its stack file read from `configDir`, else config/). */
export function readStackInput(outDir: string, stack: string, configDir?: string): StackInput {
    const file = path.join(outDir, `${stack}.json`);
    if (!existsSync(file)) throw new Error(`no plan file ${file} (run npm run plan first)`);
    const document = JSON.parse(readFileSync(file, "utf8")) as PlanDocument;
    return stackInput(document, readStackConfig(stack, dirOf(stack, configDir)).config);
}
