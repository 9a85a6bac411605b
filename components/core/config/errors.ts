/** One thing wrong with a stack's config, with the key path it is about. */
export interface ConfigProblem {
    /** Key path, e.g. `landing-zone:database.replicas`. */
    path: string;
    message: string;
}

/**
 * Every problem of a stack's config at once. Thrown before any resource is registered; the stack
 * entry point turns it into a clean exit without a stack trace.
 */
export class ConfigError extends Error {
    readonly problems: readonly ConfigProblem[];

    constructor(problems: readonly ConfigProblem[], stack?: string) {
        super(formatProblems(problems, stack));
        this.name = "ConfigError";
        this.problems = problems;
    }
}

export function formatProblems(problems: readonly ConfigProblem[], stack?: string): string {
    const subject = stack ? `stack config of "${stack}"` : "stack config";
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    return [`Invalid ${subject} (${count}):`, ...problems.map((p) => `  - ${p.path} ${p.message}`)].join("\n");
}
