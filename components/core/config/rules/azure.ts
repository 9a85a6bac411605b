import type { ConfigProblem } from "../errors";
import type { ResolvedConfig } from "../presets";
import { key } from "./key";

/** Rules only azure stacks must satisfy (the ids and settings the azure components need). */
export function azureRules(cfg: ResolvedConfig): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    if (cfg.cloud !== "azure") {
        if (Object.keys(cfg.azure).length > 0) {
            problems.push({ path: key("azure"), message: `applies only to cloud azure (cloud is ${cfg.cloud})` });
        }
        return problems;
    }
    return problems;
}
