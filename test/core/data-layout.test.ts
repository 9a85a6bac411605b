import { strict as assert } from "node:assert";
import { layoutHasReaders, layoutShape } from "../../components/core/data-layout";

describe("components/core/data-layout", () => {
    it("readers only with read-replicas and sharded; one primary unless sharded", () => {
        assert.deepEqual(layoutShape({ layout: "single", shards: 1, replicas: 2 }), { shards: 1, replicas: 0 });
        assert.deepEqual(layoutShape({ layout: "per-domain", shards: 1, replicas: 2 }), { shards: 1, replicas: 0 });
        assert.deepEqual(layoutShape({ layout: "read-replicas", shards: 1, replicas: 2 }), { shards: 1, replicas: 2 });
        assert.deepEqual(layoutShape({ layout: "sharded", shards: 3, replicas: 1 }), { shards: 3, replicas: 1 });
        assert.equal(layoutHasReaders("per-domain"), false);
        assert.equal(layoutHasReaders("read-replicas"), true);
    });
});
