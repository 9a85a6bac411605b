import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { ConfigError } from "../../components/core/config/errors";
import { isInputError } from "../../tools/plan/errors";
import { checkPolicies, stackPolicyConfig } from "../../tools/plan/policies";
import { planStacks } from "../../tools/plan/plan-stacks";
import { checkStackInputs, referencedStack } from "../../tools/plan/references";
import { runStack } from "../../tools/plan/run-stack";
import { listStacks, readConfigMap, readStackConfig, stackFile } from "../../tools/plan/stack-files";
import { planSample, plainValue } from "../harness";
import { stackDir } from "./stack-dir";

const set = (key: string, value: string) => (text: string) =>
    new RegExp(`^  ${key}:`, "m").test(text) ? text.replace(new RegExp(`^  ${key}:.*$`, "m"), `  ${key}: ${value}`) : `${text}  ${key}: ${value}\n`;

function configError(fn: () => unknown): string {
    try {
        fn();
    } catch (error) {
        assert.ok(error instanceof ConfigError, String(error));
        return error.message;
    }
    assert.fail("no ConfigError");
}

describe("tools/plan: config mistakes first, then the platform", () => {
    it("a domain stack with landing-zone:cloud oracle names the bad key instead of looking for platform-oracle-prod", () => {
        const dir = stackDir({ "orders-oracle-prod": { from: "orders-aws-prod", edit: set("landing-zone:cloud", "oracle") } });
        const message = configError(() => checkStackInputs(readStackConfig("orders-oracle-prod", dir), dir));
        assert.match(message, /landing-zone:cloud must be one of aws \| azure \| gcp \(got "oracle"\)/);
        assert.doesNotMatch(message, /platform-oracle/);
    });

    it("a domain its platform stack file does not register under landing-zone:domains fails with the one message", () => {
        const dir = stackDir({ "payments-gcp-dev": { from: "orders-gcp-dev", edit: set("landing-zone:domain", "payments") } });
        const message = configError(() => checkStackInputs(readStackConfig("payments-gcp-dev", dir), dir));
        assert.match(message, /landing-zone:domain "payments" is not registered on platform stack "platform-gcp-dev" \(registered: orders\); add it under landing-zone:domains in config\/Pulumi\.platform-gcp-dev\.yaml/);
    });

    it("reads only the keys of landing-zone:domains (a platform without the block registers no domain)", () => {
        const platform = readFileSync(stackFile("platform-aws-dev"), "utf8").replace(/^ {2}landing-zone:domains:\n( {4}.*\n)+/m, "");
        assert.doesNotMatch(platform, /landing-zone:domains/, "the block is gone from the fixture");
        const dir = stackDir({ "platform-aws-dev": platform, "orders-aws-dev": { from: "orders-aws-dev" } });
        assert.match(configError(() => checkStackInputs(readStackConfig("orders-aws-dev", dir), dir)), /"orders" is not registered on platform stack "platform-aws-dev" \(registered: none\)/);
    });

    it("an aws platform registering a domain its organization stack does not list fails with every such domain in one message", () => {
        const register = (text: string) => text.replace("    orders: {}\n", "    orders: {}\n    billing: {}\n    tax: {}\n");
        const dir = stackDir({ "platform-aws-dev": { from: "platform-aws-dev", edit: register }, "organization-aws": { from: "organization-aws" } });
        const message = configError(() => checkStackInputs(readStackConfig("platform-aws-dev", dir), dir));
        assert.match(message, /Invalid stack config of "platform-aws-dev" \(2 problems\)/);
        assert.match(message, /landing-zone:domains\.billing has no account: organization stack "organization-aws" does not list "billing" \(organization\.domains: orders, payments\); add billing to landing-zone:organization\.domains in config\/Pulumi\.organization-aws\.yaml/);
        assert.match(message, /landing-zone:domains\.tax has no account: .*add tax to landing-zone:organization\.domains/);
        assert.doesNotMatch(message, /landing-zone:domains\.orders/, "a listed domain is no problem");
        // Listed on the organization: quiet.
        const listed = stackDir({
            "platform-aws-dev": { from: "platform-aws-dev", edit: register },
            "organization-aws": { from: "organization-aws", edit: (t) => t.replace("domains: [orders, payments]", "domains: [orders, payments, billing, tax]") },
        });
        assert.doesNotThrow(() => checkStackInputs(readStackConfig("platform-aws-dev", listed), listed));
        // Only an organization file in the folder itself is read.
        const alone = stackDir({ "platform-aws-dev": { from: "platform-aws-dev", edit: register } });
        assert.doesNotThrow(() => checkStackInputs(readStackConfig("platform-aws-dev", alone), alone));
    });

    it("every sample stack passes the input checks (each aws platform's domains are listed on organization-aws)", () => {
        const stacks = listStacks();
        assert.equal(stacks.length, 15);
        for (const stack of stacks) assert.doesNotThrow(() => checkStackInputs(readStackConfig(stack)), stack);
    });

    it("plaintext under landing-zone-secrets and a provider region other than landing-zone:region are config errors, reported together", () => {
        const dir = stackDir({
            "orders-azure-dev": { from: "orders-azure-dev", edit: (t) => set("azure-native:location", "northeurope")(set("landing-zone-secrets:gitAccessToken", "ghp_plaintext")(t)) },
        });
        const message = configError(() => checkStackInputs(readStackConfig("orders-azure-dev", dir), dir));
        assert.match(message, /\(2 problems\)/);
        assert.match(message, /landing-zone-secrets:gitAccessToken is plaintext; .*pulumi config set --secret landing-zone-secrets:gitAccessToken/);
        assert.match(message, /azure-native:location is "northeurope" but landing-zone:region is "westeurope"/);
        const encrypted = stackDir({ "orders-azure-dev": { from: "orders-azure-dev", edit: set("landing-zone-secrets:gitAccessToken", "\n    secure: v1:abc") } });
        assert.doesNotThrow(() => checkStackInputs(readStackConfig("orders-azure-dev", encrypted), encrypted));
    });

    it("a YAML syntax error names the file, line and column", () => {
        const dir = stackDir({ broken: "config:\n  landing-zone:layer: domain\n   landing-zone:cloud: aws\n" });
        assert.throws(() => readConfigMap("broken", dir), (error: Error) => {
            assert.ok(isInputError(error));
            assert.match(error.message, /Pulumi\.broken\.yaml:2:23: Nested mappings are not allowed/);
            return true;
        });
    });

    it("landing-zone:platformStack as org/project/stack resolves to the planned stack of that name", async () => {
        assert.deepEqual(referencedStack({ "landing-zone:layer": "domain", "landing-zone:platformStack": "acme/landing-zone/platform-aws-dev" }),
            { name: "acme/landing-zone/platform-aws-dev", stack: "platform-aws-dev" });
        const dir = stackDir({ "orders-aws-dev": { from: "orders-aws-dev", edit: set("landing-zone:platformStack", "acme/landing-zone/platform-aws-dev") } });
        const plans = await planStacks(["orders-aws-dev"], { configDir: dir });
        const domain = plans.find((p) => p.stack === "orders-aws-dev")!;
        assert.equal(domain.error, undefined, String(domain.error));
        assert.ok(domain.result!.resources.length > 10);
        // The domain reads organization-aws for its account too, planned first (the platform reads it as well).
        assert.deepEqual(plans.map((p) => [p.stack, p.requested]), [["organization-aws", false], ["platform-aws-dev", false], ["orders-aws-dev", true]]);
    });
});

describe("the program rejects what the plan rejects", () => {
    it("a plaintext landing-zone-secrets value fails the program's own config validation (pulumi preview)", async () => {
        const file = readStackConfig("platform-azure-dev");
        file.config["landing-zone-secrets:gitAccessToken"] = "ghp_plaintext";
        // The sample platform reads organization-azure: hand it the planned organization, as the plan does.
        const stackReferences = { "organization-azure": (await planSample("organization-azure")).outputs };
        await assert.rejects(runStack(file, { stackReferences }), (error: Error) => /landing-zone-secrets:gitAccessToken is plaintext/.test(error.message));
        file.secretKeys.push("landing-zone-secrets:gitAccessToken");
        const result = await runStack(file, { stackReferences });
        assert.ok(result.resources.length > 10, "a secret value plans");
    });
});

describe("tools/plan --strict", () => {
    it("plans a domain against fabricated outputs of its platform, so rules deferred on the platform's unknowns run", async () => {
        const deferred = async (strict: boolean) => {
            const plan = (await planStacks(["orders-gcp-prod"], { strict })).find((p) => p.stack === "orders-gcp-prod")!;
            const violations = await checkPolicies(plan.result!.resources, stackPolicyConfig(readStackConfig("orders-gcp-prod").config));
            return violations.filter((v) => v.deferred).length;
        };
        const [preview, strict] = [await deferred(false), await deferred(true)];
        assert.ok(preview > 0, "the default plan defers the IAM members that name platform identities");
        assert.ok(strict < preview, `strict runs them (${strict} deferred vs ${preview})`);
    });

    it("a platform reads the organization's fabricated outputs: its keys go in the organization's key ring for its environment", async () => {
        const plans = await planStacks(["platform-gcp-dev"], { strict: true });
        const platform = plans.find((p) => p.stack === "platform-gcp-dev")!;
        assert.equal(platform.error, undefined);
        const keys = platform.result!.resources.filter((r) => r.type === "gcp:kms/cryptoKey:CryptoKey");
        assert.ok(keys.length > 0);
        // A resource path, as the provider sets it: the platform checks the ring's location against its region.
        for (const key of keys) assert.match(String(key.inputs.keyRing), /^projects\/acme-org-security-[a-z0-9]+\/locations\/europe-west1\/keyRings\/acme-dev-keys$/);
    });

    it("fabricates the whole aws chain: the domain's account and its platform's, both from organization-aws", async () => {
        const plans = await planStacks(["orders-aws-prod"], { strict: true });
        const domain = plans.find((p) => p.stack === "orders-aws-prod")!;
        assert.equal(domain.error, undefined, String(domain.error));
        const role = domain.result!.resources.find((r) => r.type === "aws:iam/role:Role" && r.name === "orders-workload-role")!;
        const trust = JSON.parse((plainValue(role.inputs) as { assumeRolePolicy: string }).assumeRolePolicy);
        // Known in strict mode: the platform account (fabricated organization output) names the chain role.
        assert.equal(trust.Statement[0].Condition.ArnEquals["aws:PrincipalArn"], "arn:aws:iam::organization-account-shared-prod-id:role/acme-prod-orders-workload-chain");
        const provider = domain.result!.resources.find((r) => r.type === "pulumi:providers:aws")!;
        assert.deepEqual(JSON.parse((plainValue(provider.inputs) as { allowedAccountIds: string }).allowedAccountIds), ["organization-account-orders-prod-id"]);
    });
});
