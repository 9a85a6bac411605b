import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { CONFIG_DIR, stackFile } from "../../tools/plan/stack-files";

/** A folder of stack files: each a sample's text with its lines edited. */
export function stackDir(files: Record<string, { from: string; edit?: (text: string) => string } | string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), "lz-stacks-"));
    for (const [stack, spec] of Object.entries(files)) {
        const text = typeof spec === "string" ? spec : (spec.edit ?? ((t: string) => t))(readFileSync(stackFile(spec.from, CONFIG_DIR), "utf8"));
        writeFileSync(stackFile(stack, dir), text);
    }
    return dir;
}

