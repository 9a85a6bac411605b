import * as pulumi from "@pulumi/pulumi";

/** A stack file that cannot be read: missing, or not valid YAML (with file, line and column). */
export class StackFileError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "StackFileError";
    }
}

/**
 * A stack that was not planned because a stack it reads was not (its own error is shown above).
 */
export class DependencyError extends Error {
    constructor(dependency: string) {
        super(`not planned: it reads stack "${dependency}", which did not plan (see its error)`);
        this.name = "DependencyError";
    }
}

/**
 * Whether an error is the user's input (config, stack file, arguments): shown as its message, exit
 * code 2. Anything else is a crash: shown with its stack trace, exit code 1.
 */
export function isInputError(error: unknown): boolean {
    if (pulumi.RunError.isInstance(error)) return true;
    const name = (error as Error | undefined)?.name;
    return name === "ConfigError" || name === "StackFileError" || name === "DependencyError";
}
