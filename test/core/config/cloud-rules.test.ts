import { strict as assert } from "node:assert";
import { configProblems } from "./problems";

const domain = (cloud: string, extra: Record<string, unknown>) => ({
    layer: "domain", cloud, environment: "dev", region: cloud === "aws" ? "eu-west-1" : cloud === "azure" ? "westeurope" : "europe-west1",
    owner: "orders-team", domain: "orders", ...extra,
});

const problems = (raw: Record<string, unknown>) => configProblems(raw);

/** Cloud limits the shared config words run into, each shown firing and quiet. */
const cases: { title: string; cloud: string; bad: Record<string, unknown>; good: Record<string, unknown>; expected: string }[] = [
    { title: "SQS retention must leave the DLQ longer", cloud: "aws", bad: { queue: { retentionDays: 14 } }, good: { queue: { retentionDays: 13 } }, expected: "landing-zone:queue.retentionDays must be <= 13 on aws" },
    { title: "Flexible Server keeps >= 7 days of backups", cloud: "azure", bad: { database: { backupDays: 3 } }, good: { database: { backupDays: 7 } }, expected: "landing-zone:database.backupDays must be >= 7 on azure" },
    { title: "Burstable servers have no HA", cloud: "azure", bad: { database: { size: "small", highAvailability: true } }, good: { database: { size: "medium", highAvailability: true } }, expected: "landing-zone:database.highAvailability needs database.size medium or large on azure" },
    { title: "Service Bus lock duration is 5-300 s", cloud: "azure", bad: { queue: { visibilityTimeoutSeconds: 600 } }, good: { queue: { visibilityTimeoutSeconds: 300 } }, expected: "landing-zone:queue.visibilityTimeoutSeconds must be 5 to 300 on azure" },
    { title: "Pub/Sub needs >= 5 delivery attempts", cloud: "gcp", bad: { queue: { maxReceiveCount: 3 } }, good: { queue: { maxReceiveCount: 5 } }, expected: "landing-zone:queue.maxReceiveCount must be 5 to 100 on gcp" },
];

describe("components/core/config/rules (cloud limits of shared keys)", () => {
    for (const c of cases) {
        it(`${c.cloud}: ${c.title}`, () => {
            const fired = problems(domain(c.cloud, c.bad));
            assert.ok(fired.some((p) => p.startsWith(c.expected)), fired.join("\n"));
            assert.deepEqual(problems(domain(c.cloud, c.good)).filter((p) => p.startsWith(c.expected.split(" ")[0])), []);
        });
        it(`${c.cloud}: ${c.title} applies to ${c.cloud} only`, () => {
            const other = c.cloud === "aws" ? "gcp" : "aws";
            assert.ok(!problems(domain(other, c.bad)).some((p) => p.startsWith(c.expected)));
        });
    }
});
