import { strict as assert } from "node:assert";
import { isDeepStrictEqual } from "node:util";
import { readStackConfig } from "../../tools/plan/stack-files";
import { planSample, plainValue, runStackConfig } from "../harness";
import { CLOUDS as clouds, domainShape, gapApplies, homeObjects, homeShape, KNOWN_GAPS, platformShape } from "../../tools/report/parity-shapes";

type Outputs = Record<string, any>;

/** `f` for each cloud, one after the other: the mock runtime is global, so two plans at once trample each other. */
async function eachCloud<T>(f: (cloud: (typeof clouds)[number]) => Promise<T>): Promise<T[]> {
    const results: T[] = [];
    for (const cloud of clouds) results.push(await f(cloud));
    return results;
}

async function outputsOf(stack: string): Promise<Outputs> {
    return plainValue((await planSample(stack)).outputs) as Outputs;
}

/** A platform sample's outputs when its config asks for a NAT gateway per zone. */
async function outputsWithPerZoneNat(stack: string): Promise<Outputs> {
    const sample = readStackConfig(stack).config;
    const config = Object.fromEntries(Object.entries(sample)
        .filter(([k]) => k.startsWith("landing-zone:"))
        .map(([k, v]) => [k.slice("landing-zone:".length), v.startsWith("{") || v.startsWith("[") ? JSON.parse(v) : v]));
    const extra = Object.fromEntries(Object.entries(sample).filter(([k]) => !k.startsWith("landing-zone:")));
    const network = { ...(config.network as Record<string, unknown> | undefined), natGateways: "per-zone" };
    const result = await runStackConfig(stack, { ...config, network } as never, { extra });
    return plainValue(result.outputs) as Outputs;
}

/** The shapes without the properties of known gaps (of this environment and data layout), after checking that each gap is still open. */
function withoutGaps<T extends object>(shapes: T[], env: string): Partial<T>[] {
    const layout = (shapes[0] as { layout?: unknown }).layout;
    const gaps = KNOWN_GAPS.filter((g) => gapApplies(g, env, layout) && g.property in shapes[0]);
    for (const gap of gaps) {
        const i = clouds.indexOf(gap.cloud);
        const value = (shapes[i] as Record<string, unknown>)[gap.property];
        const others = shapes.filter((_, j) => j !== i).map((s) => (s as Record<string, unknown>)[gap.property]);
        assert.ok(others.every((o) => !isDeepStrictEqual(o, value)), `${gap.cloud} ${env} ${String(layout)}: known gap ${gap.property} closed (${JSON.stringify(value)} vs ${JSON.stringify(others)}), remove it from KNOWN_GAPS`);
    }
    return shapes.map((shape) => {
        const rest = { ...shape } as Record<string, unknown>;
        for (const gap of gaps) delete rest[gap.property];
        return rest as Partial<T>;
    });
}

describe("parity: the same config gives the same topology on every cloud", () => {
    for (const env of ["dev", "prod"]) {
        it(`platform-*-${env}: egress survives a zone failure wherever the config asks for per-zone NAT`, async () => {
            let checked = 0;
            for (const cloud of clouds) {
                const stack = `platform-${cloud}-${env}`;
                const asked = JSON.parse(readStackConfig(stack).config["landing-zone:network"] ?? "{}").natGateways ??
                    (env === "dev" ? "single" : "per-zone");
                // dev samples ask for one NAT gateway: plan them again asking for per-zone NAT, so the
                // property is checked in every environment rather than skipped.
                const outputs = asked === "per-zone" ? await outputsOf(stack) : await outputsWithPerZoneNat(stack);
                const achieved = outputs.network.egressZoneRedundant as boolean;
                const gap = KNOWN_GAPS.find((g) => g.cloud === cloud && g.env === env && g.property === "egressZoneRedundant");
                assert.equal(achieved, !gap, gap ? `${stack}: known gap closed, remove it from KNOWN_GAPS` : `${stack}: egress is not zone-redundant`);
                checked += 1;
            }
            assert.equal(checked, clouds.length);
        });

        it(`platform-*-${env}`, async () => {
            const shapes = await eachCloud(async (c) => platformShape(await outputsOf(`platform-${c}-${env}`)));
            assert.deepEqual(shapes[1], shapes[0], "azure differs from aws");
            assert.deepEqual(shapes[2], shapes[0], "gcp differs from aws");
        });

        it(`platform-*-${env}: the same vended home per registered domain (outputs and Kubernetes objects)`, async () => {
            const shapes = [];
            for (const cloud of clouds) {
                const plan = await planSample(`platform-${cloud}-${env}`);
                shapes.push({ ...homeShape(plainValue(plan.outputs) as Outputs), objects: homeObjects(plan.resources) });
            }
            assert.ok(Object.keys(shapes[0].objects).length >= 1);
            assert.deepEqual(shapes[1], shapes[0], "azure differs from aws");
            assert.deepEqual(shapes[2], shapes[0], "gcp differs from aws");
        });

        it(`orders-*-${env}`, async () => {
            const shapes = withoutGaps(await eachCloud(async (c) => domainShape(await outputsOf(`orders-${c}-${env}`))), env);
            assert.deepEqual(shapes[1], shapes[0], "azure differs from aws");
            assert.deepEqual(shapes[2], shapes[0], "gcp differs from aws");
        });
    }

    // Each layout as a user writes it (the keys it takes, nothing forced), on the prod samples: the
    // whole domain shape, zones included, must agree; a difference is a KNOWN_GAPS entry with its reason.
    const layouts: { layout: string; shards?: number; replicas?: number }[] = [
        { layout: "sharded", shards: 3, replicas: 1 },
        { layout: "read-replicas", replicas: 3 },
        { layout: "per-domain" },
        { layout: "single" },
    ];
    for (const layout of layouts) {
        it(`database layout ${layout.layout} gives the same topology on every cloud`, async () => {
            const raw = await eachCloud(async (cloud) => {
                const platform = `platform-${cloud}-prod`;
                const references = { [platform]: (await planSample(platform)).outputs };
                const sample = readStackConfig(`orders-${cloud}-prod`).config;
                const config = Object.fromEntries(Object.entries(sample)
                    .filter(([k]) => k.startsWith("landing-zone:"))
                    .map(([k, v]) => [k.slice("landing-zone:".length), v.startsWith("{") || v.startsWith("[") ? JSON.parse(v) : v]));
                const extra = Object.fromEntries(Object.entries(sample).filter(([k]) => !k.startsWith("landing-zone:")));
                // The layout replaces the sample's database shape keys (its replicas: 2 belong to read-replicas).
                const { layout: _layout, replicas: _replicas, shards: _shards, ...database } = (config.database ?? {}) as Record<string, unknown>;
                const result = await runStackConfig(`orders-${cloud}-prod`, { ...config, database: { ...database, ...layout } } as never,
                    { stackReferences: references, extra });
                return domainShape(plainValue(result.outputs) as Outputs);
            });
            const expectedPrimaries = layout.shards ?? 1;
            const expectedReaders = layout.replicas ?? 0;
            assert.equal(raw[0].layout, layout.layout);
            assert.equal(raw[0].primaries, expectedPrimaries);
            assert.deepEqual(raw.map((s) => s.readersPerPrimary), clouds.map(() => Array(expectedPrimaries).fill(expectedReaders)));
            const shapes = withoutGaps(raw, "prod");
            assert.deepEqual(shapes[1], shapes[0], "azure differs from aws");
            assert.deepEqual(shapes[2], shapes[0], "gcp differs from aws");
        });
    }
});
