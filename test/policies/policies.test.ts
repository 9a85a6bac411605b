import * as assert from "node:assert/strict";
import { awsResourceCases, awsStackCases } from "./cases/aws";
import { azureResourceCases, azureStackCases } from "./cases/azure";
import { gcpDeadLetterStackCase, gcpResourceCases, gcpStackCases } from "./cases/gcp";
import { kubernetesResourceCases, kubernetesStackCases } from "./cases/kubernetes";
import { stackCases } from "./cases/stack";
import { workerStackCases } from "./cases/workers";
import type { ResourceCase, StackCase } from "./cases/types";
import { UNKNOWN, res, runPolicy, withValue } from "./helpers";
import type { Violation } from "../../tools/plan/policies";
import { policies } from "../../policies/pack";
import { isStackPolicy } from "../../policies/lib/metadata";

const resourceCases: ResourceCase[] = [...awsResourceCases, ...azureResourceCases, ...gcpResourceCases, ...kubernetesResourceCases];
const allStackCases: StackCase[] = [...awsStackCases, ...azureStackCases, ...gcpStackCases, gcpDeadLetterStackCase, ...kubernetesStackCases, ...stackCases, ...workerStackCases];

const real = (vs: Violation[]) => vs.filter((v) => !v.deferred);
const describeViolations = (vs: Violation[]) => vs.map((v) => `${v.deferred ? "deferred" : v.enforcementLevel}: ${v.message}`).join("\n") || "(none)";

function resourcesOf(c: ResourceCase, inputs: Record<string, unknown>, type = c.type, protect = c.protect, dropProvider = false) {
    const provider = c.provider && !dropProvider ? res(c.provider.type, "provider", c.provider.inputs) : undefined;
    return [...(provider ? [provider] : []), res(type, "subject", inputs, { protect, provider })];
}

describe("policies (each rule: compliant fixture, one mutation per violation, unknown inputs)", () => {
    it("every policy has a fixture", () => {
        const covered = new Set([...resourceCases, ...allStackCases].map((c) => c.policy));
        assert.deepEqual(policies.map((p) => p.name).filter((n) => !covered.has(n)), []);
    });

    for (const c of resourceCases) {
        describe(c.policy, () => {
            it("passes the compliant fixture", async () => {
                const violations = await runPolicy(c.policy, resourcesOf(c, c.inputs), c.config);
                assert.equal(violations.length, 0, describeViolations(violations));
            });
            c.violations.forEach((m, i) => {
                it(`fires on mutation ${i + 1} (${m.type ?? ""} ${JSON.stringify(m.set ?? { protect: m.protect })})`, async () => {
                    let inputs = c.inputs;
                    for (const [path, value] of Object.entries(m.set ?? {})) inputs = withValue(inputs, path, value);
                    const violations = await runPolicy(c.policy, resourcesOf(c, inputs, m.type ?? c.type, m.protect ?? c.protect, m.dropProvider), c.config);
                    const found = real(violations);
                    assert.ok(found.length > 0, `no violation; got ${describeViolations(violations)}`);
                    assert.ok(found.every((v) => v.enforcementLevel === "mandatory" && v.policyName === c.policy));
                    assert.ok(found.some((v) => m.expect.test(v.message)), `expected ${m.expect}; got\n${describeViolations(found)}`);
                    assert.ok(found.every((v) => v.message.includes("Remediation: ")), "the message carries the remediation");
                });
            });
            for (const u of c.unknown) {
                const label = { deferred: "defers (advisory, can't run during preview)", pass: "counts as set", fires: "counts as set and fires" }[u.expect];
                it(`${label} when ${u.path} is unknown`, async () => {
                    const violations = await runPolicy(c.policy, resourcesOf(c, withValue(c.inputs, u.path, UNKNOWN)), c.config);
                    if (u.expect === "fires") {
                        assert.ok(real(violations).some((v) => v.message.includes(u.path)), describeViolations(violations));
                    } else if (u.expect === "pass") {
                        assert.equal(violations.length, 0, describeViolations(violations));
                    } else {
                        assert.equal(real(violations).length, 0, describeViolations(violations));
                        assert.ok(violations.some((v) => v.deferred && v.enforcementLevel === "advisory" && /can't run policy .* during preview: .* can't be known during preview/.test(v.message)),
                            describeViolations(violations));
                    }
                });
            }
        });
    }

    for (const c of allStackCases) {
        describe(`${c.policy} (stack)`, () => {
            it("passes the compliant stack", async () => {
                const violations = await runPolicy(c.policy, c.compliant(), c.config);
                assert.equal(violations.length, 0, describeViolations(violations));
            });
            for (const v of c.violations) {
                it(`fires: ${v.name}`, async () => {
                    const found = real(await runPolicy(c.policy, v.resources(), c.config));
                    assert.ok(found.some((x) => v.expect.test(x.message) && x.urn !== undefined), `expected ${v.expect}; got\n${describeViolations(found)}`);
                });
            }
            for (const u of c.unknown) {
                it(`unknown input: ${u.name} -> ${u.expect}`, async () => {
                    const violations = await runPolicy(c.policy, u.resources(), c.config);
                    if (u.expect === "pass") assert.equal(violations.length, 0, describeViolations(violations));
                    else assert.ok(violations.length === 1 && violations[0].deferred && violations[0].enforcementLevel === "advisory", describeViolations(violations));
                });
            }
        });
    }

    it("stack and resource policies are told apart", () => {
        assert.ok(policies.filter(isStackPolicy).length >= 10);
    });
});
