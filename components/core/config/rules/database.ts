import type { ConfigProblem } from "../errors";
import type { ResolvedConfig } from "../presets";
import { layoutHasReaders } from "../../data-layout";
import { key } from "./key";

/**
 * Rules of the data layout (design: single = one primary, read-replicas = primary + N readers,
 * per-domain = one primary owned by the domain's stack, sharded = N primaries each with its readers).
 * `raw` is the config as written: a key the environment preset fills in is not the user's choice,
 * so only an explicit `database.replicas` on a layout without readers is an error. Defensive: also
 * runs on configs the schema rejected.
 */
export function databaseRules(cfg: ResolvedConfig, raw: Record<string, unknown> = {}): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    const add = (path: string, message: string) => problems.push({ path: key(path), message });
    const db = cfg.database;
    const written = raw.database !== null && typeof raw.database === "object" ? raw.database as Record<string, unknown> : {};

    if (db.layout === "read-replicas" && typeof db.replicas === "number" && db.replicas < 1) {
        add("database.replicas", "must be >= 1 when layout is read-replicas");
    }
    if (typeof written.replicas === "number" && written.replicas > 0 && typeof db.layout === "string" && !layoutHasReaders(db.layout)) {
        add("database.replicas", `applies only to layouts read-replicas and sharded (layout is ${db.layout}, which gives one primary ` +
            `and no readers on every cloud); remove it, set 0, or use layout read-replicas`);
    }
    if (db.layout === "sharded" && typeof db.shards === "number" && db.shards < 2) {
        add("database.shards", "must be >= 2 when layout is sharded");
    }
    if (db.layout !== "sharded" && typeof db.shards === "number" && db.shards !== 1) {
        add("database.shards", `applies only to layout sharded (layout is ${String(db.layout)}); remove it or set 1`);
    }
    return problems;
}
