import type { ConfigProblem } from "../errors";
import type { ResolvedConfig } from "../presets";
import { key } from "./key";

/** Rules only gcp stacks must satisfy (the ids and settings the gcp components need). */
export function gcpRules(cfg: ResolvedConfig): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    if (cfg.cloud !== "gcp") {
        if (Object.keys(cfg.gcp).length > 0) {
            problems.push({ path: key("gcp"), message: `applies only to cloud gcp (cloud is ${cfg.cloud})` });
        }
        return problems;
    }
    return problems;
}
