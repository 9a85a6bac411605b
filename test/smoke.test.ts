import { strict as assert } from "node:assert";
import { planSample } from "./harness";
describe("smoke", () => { it("fails cleanly for an unimplemented cloud", async () => { await assert.rejects(planSample("platform-aws-dev"), /no platform implementation/); }); });
