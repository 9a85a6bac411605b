import { strict as assert } from "node:assert";
import { readStackConfig } from "../../tools/plan/stack-files";
import { planSample, plainValue } from "../harness";

describe("config/ sample stacks", () => {
    it("orders-gcp-prod promotes from the cluster platform-gcp-dev plans (the id cannot go stale)", async () => {
        const gcp = JSON.parse(readStackConfig("orders-gcp-prod").config["landing-zone:gcp"] ?? "{}");
        const dev = plainValue((await planSample("platform-gcp-dev")).outputs) as { extras: { clusterId: string } };
        assert.equal(gcp.promoteFromCluster, dev.extras.clusterId);
    });
});
