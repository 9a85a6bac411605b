import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "../components/core/config/errors";
import { main } from "./program";

async function run(): Promise<Record<string, unknown>> {
    try {
        return await main();
    } catch (error) {
        // A config mistake is the user's input, not a crash: say what is wrong, no stack trace.
        if (error instanceof ConfigError) throw new pulumi.RunError(error.message);
        throw error;
    }
}

export = run();
