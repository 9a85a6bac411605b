import { strict as assert } from "node:assert";
import { existsSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { newDomain } from "../../tools/new-domain";
import { parseArgs } from "../../tools/new-domain/args";
import { templateFile } from "../../tools/new-domain/domain-file";
import { listOnOrganization, organizationDomainsOf } from "../../tools/new-domain/organization";
import { domainsOf, registerDomain } from "../../tools/new-domain/register";
import { planStacks } from "../../tools/plan/plan-stacks";
import { readConfigMap, stackFile } from "../../tools/plan/stack-files";
import { stackDir } from "./stack-dir";

const samples = (...stacks: string[]) => stackDir(Object.fromEntries(stacks.map((s) => [s, { from: s }])));
const run = (...argv: string[]) => newDomain(parseArgs(argv));
const read = (stack: string, dir: string) => readFileSync(stackFile(stack, dir), "utf8");

describe("npm run new-domain", () => {
    it("writes a domain stack from the template, registers it on the platform keeping every other line, and the pair plans", async () => {
        const dir = samples("platform-aws-prod");
        const before = read("platform-aws-prod", dir);
        const result = run("billing", "--cloud", "aws", "--env", "prod", "--config-dir", dir);
        assert.equal(result.code, 0, result.out);
        assert.deepEqual(result.written, [stackFile("billing-aws-prod", dir), stackFile("platform-aws-prod", dir)]);
        const after = read("platform-aws-prod", dir);
        assert.equal(after, before.replace("    payments: {}\n", "    payments: {}\n    billing: {}\n"), "one line added, nothing else touched");
        assert.match(after, /^# yaml-language-server/, "comments kept");
        assert.deepEqual(domainsOf(after), ["orders", "payments", "billing"]);
        const domain = read("billing-aws-prod", dir);
        assert.match(domain, /^# Domain stack of "billing" on aws \(prod\)/m);
        assert.equal(parse(domain).config["landing-zone:domain"], "billing");
        assert.match(result.out, /npm run plan -- platform-aws-prod billing-aws-prod[^]*pulumi up --stack platform-aws-prod[^]*pulumi stack init billing-aws-prod[^]*pulumi up --stack billing-aws-prod/);
        // The folder holds no organization-aws file: nothing to edit there, the step is named instead.
        assert.match(result.out, /"billing" is not listed on organization stack organization-aws \(no .*Pulumi\.organization-aws\.yaml here\):\n {2}the foundation team adds billing to landing-zone:organization\.domains of organization-aws/);
        assert.match(result.out, /pulumi up --stack organization-aws +# the foundation team, once it lists the domain: creates the domain's account\n {2}pulumi up --stack platform-aws-prod/);
        const plans = await planStacks(["platform-aws-prod", "billing-aws-prod"], { configDir: dir });
        assert.deepEqual(plans.map((p) => [p.stack, p.error && String(p.error)]), [["organization-aws", undefined], ["platform-aws-prod", undefined], ["billing-aws-prod", undefined]]);
    });

    it("on aws with the organization's file in the folder: lists the domain there too (one item added), and the three files plan", async () => {
        const dir = samples("platform-aws-dev", "organization-aws");
        const before = read("organization-aws", dir);
        const result = run("billing", "--cloud", "aws", "--env", "dev", "--config-dir", dir);
        assert.equal(result.code, 0, result.out);
        assert.deepEqual(result.written, [stackFile("billing-aws-dev", dir), stackFile("platform-aws-dev", dir), stackFile("organization-aws", dir)]);
        assert.equal(read("organization-aws", dir), before.replace("    domains: [orders, payments]\n", "    domains: [orders, payments, billing]\n"), "one item added, nothing else touched");
        assert.match(result.out, /listed "billing" under landing-zone:organization\.domains of .*Pulumi\.organization-aws\.yaml/);
        // The foundation team's update (the domain's account) comes before the platform's (its home there).
        assert.match(result.out, /npm run plan -- platform-aws-dev billing-aws-dev[^]*\n {2}pulumi up --stack organization-aws +# the foundation team: creates the domain's account\n {2}pulumi up --stack platform-aws-dev /);
        const domain = read("billing-aws-dev", dir);
        assert.match(domain, /# Runs in the billing account organization-aws records for this environment \(environments\.dev\.domainScopes\.billing\),\n.*its platform shares the VPC's data and private subnets with it\.\n {2}landing-zone:organizationStack: organization-aws\n/);
        const plans = await planStacks(["platform-aws-dev", "billing-aws-dev"], { configDir: dir });
        assert.deepEqual(plans.map((p) => [p.stack, p.error && String(p.error)]), [["organization-aws", undefined], ["platform-aws-dev", undefined], ["billing-aws-dev", undefined]]);
    });

    it("does not list a domain twice on the organization (its file stays as it is)", () => {
        const dir = stackDir({
            "platform-aws-dev": { from: "platform-aws-dev" },
            "organization-aws": { from: "organization-aws", edit: (t) => t.replace("domains: [orders, payments]", "domains: [orders, payments, billing]") },
        });
        const before = read("organization-aws", dir);
        const result = run("billing", "--cloud", "aws", "--env", "dev", "--config-dir", dir);
        assert.equal(result.code, 0, result.out);
        assert.equal(read("organization-aws", dir), before);
        assert.deepEqual(result.written, [stackFile("billing-aws-dev", dir), stackFile("platform-aws-dev", dir)]);
        assert.match(result.out, /"billing" was already listed on .*Pulumi\.organization-aws\.yaml/);
    });

    it("validates the organization file as it will be too: a bad one fails the command and nothing is written", () => {
        const dir = stackDir({
            "platform-aws-dev": { from: "platform-aws-dev" },
            "organization-aws": { from: "organization-aws", edit: (t) => t.replace("landing-zone:prefix: acme", "landing-zone:prefix: ACME") },
        });
        const [platform, organization] = [read("platform-aws-dev", dir), read("organization-aws", dir)];
        const result = run("billing", "--cloud", "aws", "--env", "dev", "--config-dir", dir);
        assert.equal(result.code, 2, result.out);
        assert.match(result.out, /organization-aws: landing-zone:prefix must match/);
        assert.deepEqual(result.written, []);
        assert.ok(!existsSync(stackFile("billing-aws-dev", dir)));
        assert.equal(read("platform-aws-dev", dir), platform);
        assert.equal(read("organization-aws", dir), organization);
    });

    it("the template reads the organization stack only on aws and only when the platform does", () => {
        const platform = readConfigMap("platform-aws-dev");
        const line = /^ {2}landing-zone:organizationStack: acme\/landing-zone\/organization-aws$/m;
        assert.match(templateFile({ domain: "billing", cloud: "aws", env: "dev", platform: { ...platform, "landing-zone:organizationStack": "acme/landing-zone/organization-aws" } }), line);
        const { ["landing-zone:organizationStack"]: _, ...alone } = platform;
        assert.doesNotMatch(templateFile({ domain: "billing", cloud: "aws", env: "dev", platform: alone }), /organizationStack|domainScopes/);
        assert.equal(readConfigMap("platform-azure-dev")["landing-zone:organizationStack"], "organization-azure", "the azure sample reads its organization");
        assert.doesNotMatch(templateFile({ domain: "billing", cloud: "azure", env: "dev", platform: readConfigMap("platform-azure-dev") }), /organizationStack/);
    });

    for (const stack of ["platform-azure-prod", "platform-gcp-dev", "platform-aws-dev"]) {
        it(`the template validates against ${stack} (the command checks both files before writing)`, () => {
            const [, cloud, env] = stack.split("-");
            const result = run("billing", "--cloud", cloud, "--env", env, "--config-dir", samples(stack));
            assert.equal(result.code, 0, result.out);
        });
    }

    it("--from copies the other domain's file with the domain's name replaced and its comments kept", () => {
        const dir = samples("platform-gcp-prod", "orders-gcp-prod");
        const result = run("billing", "--cloud", "gcp", "--env", "prod", "--from", "orders", "--config-dir", dir);
        assert.equal(result.code, 0, result.out);
        const text = read("billing-gcp-prod", dir);
        assert.match(text, /# dev -> prod: releases deploy to the dev cluster/);
        const config = parse(text).config;
        assert.equal(config["landing-zone:domain"], "billing");
        assert.equal(config["landing-zone:owner"], "billing-team");
        assert.equal(config["landing-zone:pipeline"].repository, "acme/billing-service");
        assert.doesNotMatch(text, /orders/);
    });

    it("--from an aws domain in its own account keeps its organizationStack, and its comment names the new domain", () => {
        const dir = samples("platform-aws-dev", "orders-aws-dev", "organization-aws");
        const result = run("billing", "--cloud", "aws", "--env", "dev", "--from", "orders", "--config-dir", dir);
        assert.equal(result.code, 0, result.out);
        const text = read("billing-aws-dev", dir);
        assert.equal(parse(text).config["landing-zone:organizationStack"], "organization-aws");
        assert.match(text, /# Runs in the billing account organization-aws records for this environment \(environments\.dev\.domainScopes\.billing\)/);
        assert.doesNotMatch(text, /orders/);
        assert.deepEqual(organizationDomainsOf(read("organization-aws", dir)), ["orders", "payments", "billing"]);
    });

    it("refuses to overwrite an existing domain stack file and writes nothing", () => {
        const dir = samples("platform-aws-dev", "orders-aws-dev");
        const before = read("platform-aws-dev", dir);
        const result = run("orders", "--cloud", "aws", "--env", "dev", "--config-dir", dir);
        assert.equal(result.code, 2);
        assert.match(result.out, /Pulumi\.orders-aws-dev\.yaml exists; new-domain never overwrites a stack file/);
        assert.equal(read("platform-aws-dev", dir), before);
        assert.deepEqual(result.written, []);
    });

    it("does not register a domain twice (the platform file stays as it is)", () => {
        const dir = samples("platform-aws-prod");
        const before = read("platform-aws-prod", dir);
        const result = run("payments", "--cloud", "aws", "--env", "prod", "--config-dir", dir);
        assert.equal(result.code, 0, result.out);
        assert.equal(read("platform-aws-prod", dir), before);
        assert.match(result.out, /"payments" was already registered/);
    });

    it("lists every bad argument at once (name, cloud, env, --from), exit 2, nothing written", () => {
        const dir = samples("platform-aws-prod");
        const result = run("Pay_ments", "--cloud", "oracle", "--env", "qa", "--from", "-x", "--config-dir", dir);
        assert.equal(result.code, 2);
        assert.match(result.out, /new-domain: 5 problem\(s\)/);
        assert.match(result.out, /domain "Pay_ments" must match/);
        assert.match(result.out, /--cloud must be one of aws \| azure \| gcp \(got "oracle"\)/);
        assert.match(result.out, /--env must be one of dev \| staging \| prod \(got "qa"\)/);
        assert.match(result.out, /--from needs a value/);
        assert.equal(run("--cloud", "aws").code, 2);
        assert.match(run("--cloud", "aws").out, /name exactly one domain[^]*--env is required/);
        assert.ok(!existsSync(stackFile("Pay_ments-oracle-qa", dir)));
    });

    it("refuses when the platform stack file is missing or the new files would not validate", () => {
        const dir = samples("orders-aws-dev");
        assert.match(run("billing", "--cloud", "aws", "--env", "dev", "--config-dir", dir).out, /no platform stack file .*Pulumi\.platform-aws-dev\.yaml/);
        const bad = stackDir({ "platform-aws-dev": { from: "platform-aws-dev", edit: (t) => t.replace("landing-zone:prefix: acme", "landing-zone:prefix: ACME") } });
        const result = run("billing", "--cloud", "aws", "--env", "dev", "--config-dir", bad);
        assert.equal(result.code, 2);
        assert.match(result.out, /platform-aws-dev: landing-zone:prefix must match/);
        assert.ok(!existsSync(stackFile("billing-aws-dev", bad)));
    });
});

describe("registerDomain (the platform file's text)", () => {
    it("adds to a flow map, creates a missing block, fills an empty key; comments and the rest stay byte for byte", () => {
        assert.equal(registerDomain("config:\n  a: 1  # keep\n  landing-zone:domains: {orders: {}}\n", "billing"),
            "config:\n  a: 1  # keep\n  landing-zone:domains: {orders: {}, billing: {}}\n");
        assert.equal(registerDomain("# top\nconfig:\n  a: { x: 1 }\n", "billing"), "# top\nconfig:\n  a: { x: 1 }\n  landing-zone:domains:\n    billing: {}\n");
        assert.equal(registerDomain("config:\n  landing-zone:domains:\n  b: 2\n", "billing"), "config:\n  landing-zone:domains:\n    billing: {}\n  b: 2\n");
        assert.equal(registerDomain("config:\n  landing-zone:domains:\n    orders:\n      quota: small\n  b: 2\n", "billing"),
            "config:\n  landing-zone:domains:\n    orders:\n      quota: small\n    billing: {}\n  b: 2\n");
    });
});

describe("listOnOrganization (the organization file's text)", () => {
    const org = (domains: string) => `# top\nconfig:\n  landing-zone:organization:\n    environments: [dev]  # keep\n${domains}    securityContacts: [a@acme.example]\n  landing-zone:aws:\n    accountId: "000000000000"\n`;
    it("appends to a block sequence, after its last item and before a trailing comment; every other byte stays", () => {
        assert.equal(listOnOrganization(org("    domains:\n      - orders  # first\n      # more to come\n"), "billing"),
            org("    domains:\n      - orders  # first\n      - billing\n      # more to come\n"));
        assert.equal(listOnOrganization(org("    domains:\n    - orders\n"), "billing"), org("    domains:\n    - orders\n    - billing\n"));
    });
    it("appends to a flow sequence, empty or not", () => {
        assert.equal(listOnOrganization(org("    domains: [orders, payments] # two\n"), "billing"), org("    domains: [orders, payments, billing] # two\n"));
        assert.equal(listOnOrganization(org("    domains: []\n"), "billing"), org("    domains: [billing]\n"));
    });
    it("adds a missing domains key at the end of the organization block, or fills an empty one", () => {
        assert.equal(listOnOrganization(org(""), "billing"),
            "# top\nconfig:\n  landing-zone:organization:\n    environments: [dev]  # keep\n    securityContacts: [a@acme.example]\n    domains: [billing]\n  landing-zone:aws:\n    accountId: \"000000000000\"\n");
        assert.equal(listOnOrganization("config:\n  landing-zone:organization: {environments: [dev]}\n", "billing"), "config:\n  landing-zone:organization: {environments: [dev], domains: [billing]}\n");
        assert.equal(listOnOrganization(org("    domains:  # none yet\n"), "billing"), org("    domains: [billing]  # none yet\n"));
    });
    it("reads the listed domains, and refuses a file without the organization block", () => {
        assert.deepEqual(organizationDomainsOf(org("    domains:\n      - orders\n      - payments\n")), ["orders", "payments"]);
        assert.deepEqual(organizationDomainsOf(org("")), []);
        assert.throws(() => listOnOrganization("config:\n  landing-zone:layer: organization\n", "billing"), /landing-zone:organization is not a map/);
    });
});
