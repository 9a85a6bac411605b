/** Assertions for "grant before use, and wait for the grant to propagate". */
import { strict as assert } from "node:assert";
import { ROLE_PROPAGATION } from "../../components/azure/propagation";
import type { Recorded, RecordedResource } from "../harness";

export const SLEEP = "time:index/sleep:Sleep";

/** `user` depends on a Sleep of ROLE_PROPAGATION that itself depends on `grant`. */
export function assertWaitsForGrant(rec: Recorded, user: RecordedResource, grant: RecordedResource): void {
    const sleeps = user.dependencies.map((urn) => rec.byUrn(urn)).filter((r): r is RecordedResource => r?.type === SLEEP);
    const sleep = sleeps.find((s) => s.dependencies.includes(grant.urn));
    assert.ok(sleep, `${user.name} does not wait after ${grant.name} (depends on ${user.dependencies.join(", ")})`);
    assert.equal(rec.inputs(sleep).createDuration, ROLE_PROPAGATION);
    assert.ok(!user.dependencies.includes(grant.urn) || sleep, "the wait sits between the grant and its user");
}
