import { strict as assert } from "node:assert";
import { resolveConfig } from "../../../components/core/config/presets";
import { databaseRules } from "../../../components/core/config/rules/database";
import type { StackConfig } from "../../../components/core/config/types";
import { validateStackConfig } from "../../../components/core/config/validate";
import { configProblems } from "./problems";

const domain = {
    layer: "domain", cloud: "aws", environment: "dev", region: "eu-west-1", owner: "platform-team", domain: "orders",
    pipeline: { repository: "acme/orders-service" },
};

const problemsOf = (raw: Record<string, unknown>) => configProblems(raw, "orders-aws-dev");

const REPLICAS_RULE = /^landing-zone:database\.replicas applies only to layouts read-replicas and sharded \(layout is (\S+), which gives one primary and no readers on every cloud\)/;

describe("components/core/config/rules/database", () => {
    for (const layout of ["single", "per-domain"]) {
        for (const environment of ["dev", "prod"]) {
            it(`fires on database.replicas with layout ${layout} (${environment})`, () => {
                const problems = problemsOf({ ...domain, environment, database: { layout, replicas: 2 } });
                const hit = problems.find((p) => REPLICAS_RULE.test(p));
                assert.ok(hit, problems.join("\n"));
                assert.equal(REPLICAS_RULE.exec(hit)![1], layout);
            });
        }
        it(`is quiet on layout ${layout} without replicas or with replicas: 0`, () => {
            assert.equal(validateStackConfig({ ...domain, database: { layout } }).database.replicas, 0);
            assert.equal(validateStackConfig({ ...domain, database: { layout, replicas: 0 } }).database.layout, layout);
        });
    }

    it("fires on replicas without a layout: the preset's layout is single", () => {
        assert.ok(problemsOf({ ...domain, database: { replicas: 1 } }).some((p) => REPLICAS_RULE.test(p) && p.includes("layout is single")));
    });

    it("lists the replicas problem with the config's other problems in one error", () => {
        const problems = problemsOf({ ...domain, database: { layout: "per-domain", replicas: 2, shards: 3 } });
        assert.ok(problems.some((p) => REPLICAS_RULE.test(p)), problems.join("\n"));
        assert.ok(problems.some((p) => p.startsWith("landing-zone:database.shards applies only to layout sharded")), problems.join("\n"));
    });

    for (const database of [{ layout: "read-replicas", replicas: 2 }, { layout: "sharded", shards: 2, replicas: 1 }]) {
        it(`is quiet on replicas with layout ${database.layout}`, () => {
            assert.deepEqual(problemsOf({ ...domain, database }), []);
        });
    }

    it("reads the config as written: a replicas value the preset fills in is not an error", () => {
        const resolved = resolveConfig({ ...domain, database: { layout: "per-domain" } } as unknown as StackConfig);
        // As if an environment preset defaulted replicas: the user did not write it.
        const withDefault = { ...resolved, database: { ...resolved.database, replicas: 2 } };
        assert.deepEqual(databaseRules(withDefault, { database: { layout: "per-domain" } }), []);
        assert.equal(databaseRules(withDefault, { database: { layout: "per-domain", replicas: 2 } }).length, 1);
    });
});
