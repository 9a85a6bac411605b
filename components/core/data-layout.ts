import type { DataLayout } from "./config/types";

/**
 * The layouts that carry read replicas. `single` and `per-domain` give one primary (with an HA
 * standby where `database.highAvailability`) and no readers on every cloud; an explicit
 * `database.replicas` with them is a config error (config/rules/database.ts).
 */
export const LAYOUTS_WITH_READERS: readonly DataLayout[] = ["read-replicas", "sharded"];

export function layoutHasReaders(layout: unknown): boolean {
    return (LAYOUTS_WITH_READERS as readonly unknown[]).includes(layout);
}

/** How many primaries and read replicas per primary a (resolved) database config gives: the same on every cloud. */
export function layoutShape(db: { layout: DataLayout; shards: number; replicas: number }): { shards: number; replicas: number } {
    return {
        shards: db.layout === "sharded" ? db.shards : 1,
        replicas: layoutHasReaders(db.layout) ? db.replicas : 0,
    };
}
