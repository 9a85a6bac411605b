import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "../../components/core/config/errors";
import { unregisteredDomainProblem } from "../../components/core/config/registration";
import { main } from "../../stacks/program";
import { runOnMocks } from "../../tools/mock-engine";
import { cannedInvokes } from "../../tools/plan/invokes";
import { fromConfigMap } from "../../tools/plan/stack-files";
import { fakePlatformOutputs } from "../aws/domain/fake-platform";
import { planSample, runStackConfig } from "../harness";

const payments = {
    "landing-zone:layer": "domain", "landing-zone:cloud": "aws", "landing-zone:environment": "dev", "landing-zone:region": "eu-west-1",
    "landing-zone:owner": "payments-team", "landing-zone:prefix": "acme", "landing-zone:domain": "payments",
    "landing-zone:pipeline": { repository: "acme/payments-service" },
};

/** Runs the program of an unregistered `payments` domain; returns the error it failed with and what it registered. */
async function runUnregistered(platformOutputs: Record<string, unknown>, preview: boolean) {
    const file = fromConfigMap("payments-aws-dev", payments);
    let error: unknown;
    const result = await runOnMocks(async () => {
        try {
            return await main();
        } catch (e) {
            error = e;
            return {};
        }
    }, { stack: file.stack, config: file.config, preview, stackReferences: { "platform-aws-dev": platformOutputs }, invokes: cannedInvokes });
    return { error, types: [...new Set(result.resources.map((r) => r.type))].sort() };
}

describe("a domain stack serves only a domain its platform registered", () => {
    const expected = unregisteredDomainProblem("payments", "platform-aws-dev", ["orders"])!;

    for (const preview of [true, false]) {
        it(`fails with the one config error before registering any resource (planned platform, ${preview ? "preview" : "fabricated outputs"})`, async () => {
            const platform = await planSample("platform-aws-dev", { preview });
            const { error, types } = await runUnregistered(platform.outputs, preview);
            assert.ok(error instanceof ConfigError, String(error));
            assert.deepEqual(error.problems, [expected]);
            assert.match(error.message, /landing-zone:domain "payments" is not registered on platform stack "platform-aws-dev" \(registered: orders\)/);
            assert.match(error.message, /landing-zone:domains in config\/Pulumi\.platform-aws-dev\.yaml/);
            // The StackReference is a read, not a registration: nothing but the stack itself is registered.
            assert.deepEqual(types, ["pulumi:pulumi:Stack"]);
        });
    }

    it("names no domain when the platform exports no registration list (not deployed with this version)", async () => {
        const { domains: _domains, ...older } = fakePlatformOutputs("dev");
        const { error } = await runUnregistered(older, true);
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /\(registered: none\)/);
    });

    it("passes a registered domain (the same platform, the domain renamed to orders)", async () => {
        const file = fromConfigMap("orders-aws-dev", { ...payments, "landing-zone:domain": "orders" });
        const result = await runOnMocks(() => main(), {
            stack: file.stack, config: file.config, preview: true, stackReferences: { "platform-aws-dev": fakePlatformOutputs("dev") }, invokes: cannedInvokes,
        });
        assert.ok(result.resources.some((r) => r.type === "aws:sqs/queue:Queue"));
    });

    it("the entry point turns it into a clean RunError (no stack trace)", async () => {
        const config = Object.fromEntries(Object.entries(payments).map(([k, v]) => [k.slice("landing-zone:".length), v]));
        await assert.rejects(runStackConfig("payments-aws-dev", config as never, { stackReferences: { "platform-aws-dev": fakePlatformOutputs("dev") } }),
            (error: unknown) => pulumi.RunError.isInstance(error) && /"payments" is not registered/.test((error as Error).message));
    });
});
