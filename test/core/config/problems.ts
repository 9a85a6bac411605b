import { strict as assert } from "node:assert";
import { ConfigError } from "../../../components/core/config/errors";
import { validateStackConfig } from "../../../components/core/config/validate";

/**
 * Every problem `validateStackConfig` reports for a raw stack config, as `<key> <message>` lines;
 * none when it is valid. Keys set to `undefined` are left out (a config file has no such keys);
 * anything thrown besides a ConfigError fails the test.
 */
export function configProblems(raw: Record<string, unknown>, stack = "t"): string[] {
    const clean = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
    try {
        validateStackConfig(clean, stack);
        return [];
    } catch (error) {
        assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
        return error.problems.map((p) => `${p.path} ${p.message}`);
    }
}
