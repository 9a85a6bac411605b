import { strict as assert } from "node:assert";
import { sizeFor, sizeTable } from "../../components/core/sizes";

describe("components/core/sizes", () => {
    it("maps every size on every cloud to a node type and a database tier", () => {
        for (const cloud of ["aws", "azure", "gcp"] as const) {
            for (const size of ["small", "medium", "large"] as const) {
                const entry = sizeFor(cloud, size);
                assert.ok(entry.node && entry.database, `${cloud}/${size}`);
            }
        }
    });

    it("sizes grow: no two sizes of a cloud share a node type", () => {
        for (const cloud of Object.keys(sizeTable) as (keyof typeof sizeTable)[]) {
            const nodes = Object.values(sizeTable[cloud]).map((e) => e.node);
            assert.equal(new Set(nodes).size, nodes.length, cloud);
        }
    });
});
