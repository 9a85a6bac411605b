import * as path from "node:path";
import { runOnMocks, type RunResult } from "../mock-engine";
import { cannedInvokes } from "./invokes";
import type { StackConfigFile } from "./stack-files";

const PROJECT_ROOT = path.join(__dirname, "..", "..");
const PROGRAM = path.join(PROJECT_ROOT, "stacks", "index.ts");

export interface StackRunOptions {
    /** Preview (default) or a run with fabricated outputs. */
    preview?: boolean;
    /** Planned outputs (wire form) of stacks this one references, by stack name. */
    stackReferences?: Record<string, Record<string, unknown>>;
    /** Receives each warning the program logs (else they go to stderr as the SDK prints them). */
    onWarning?: (message: string) => void;
}

/**
 * Forget the project's own modules so the next run evaluates the program afresh (SDKs stay loaded).
 * A module that required one keeps it in its `children` list, which would hold every run's module
 * tree (and all it references) alive: those links go too.
 */
function unloadProgram(): void {
    const unloaded = new Set<NodeJS.Module>();
    for (const id of Object.keys(require.cache)) {
        if (id.startsWith(PROJECT_ROOT) && !id.includes(`${path.sep}node_modules${path.sep}`) && !id.includes(`${path.sep}tools${path.sep}`)) {
            unloaded.add(require.cache[id]!);
            delete require.cache[id];
        }
    }
    if (unloaded.size === 0) return;
    for (const cached of Object.values(require.cache)) {
        if (cached?.children?.some((child) => unloaded.has(child))) cached.children = cached.children.filter((child) => !unloaded.has(child));
    }
}

/** Runs the real stack program (`stacks/index.ts`) with a stack's config on the mock engine. */
export async function runStack(file: StackConfigFile, options: StackRunOptions = {}): Promise<RunResult> {
    // Unloaded when this run's turn comes (runs queue on the one runtime), so it loads afresh.
    return runOnMocks(() => {
        unloadProgram();
        return require(PROGRAM);
    }, {
        stack: file.stack,
        config: file.config,
        secretKeys: file.secretKeys,
        preview: options.preview ?? true,
        stackReferences: options.stackReferences,
        invokes: cannedInvokes,
        onWarning: options.onWarning,
    });
}
