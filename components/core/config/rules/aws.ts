import type { ConfigProblem } from "../errors";
import type { ResolvedConfig } from "../presets";
import { key } from "./key";

/** Rules only aws stacks must satisfy (the ids and settings the aws components need). */
export function awsRules(cfg: ResolvedConfig): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    if (cfg.cloud !== "aws") {
        if (Object.keys(cfg.aws).length > 0) {
            problems.push({ path: key("aws"), message: `applies only to cloud aws (cloud is ${cfg.cloud})` });
        }
        return problems;
    }
    return problems;
}
