import { strict as assert } from "node:assert";
import { ConfigError } from "../../../components/core/config/errors";
import { projectConfigFrom, validateStackConfig } from "../../../components/core/config/validate";

const base = {
    layer: "platform", cloud: "aws", environment: "dev", region: "eu-west-1", owner: "platform-team",
    aws: { clusterAdminArns: ["arn:aws:iam::123456789012:role/platform-admins"] },
};
const domainBase = { ...base, layer: "domain", domain: "orders", pipeline: { repository: "acme/orders-service" } };

function problemsOf(raw: Record<string, unknown>): string[] {
    try {
        validateStackConfig(raw, "test-stack");
    } catch (error) {
        assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
        return error.problems.map((p) => `${p.path} ${p.message}`);
    }
    return [];
}

describe("components/core/config/validate", () => {
    it("accepts a minimal platform config and applies the environment preset", () => {
        const cfg = validateStackConfig(base);
        assert.equal(cfg.network.natGateways, "single");
        assert.equal(cfg.protectStateful, false);
        assert.equal(cfg.platformStack, "platform-aws-dev");
    });

    it("reports all three mistakes at once, each with its key path and the allowed values", () => {
        const problems = problemsOf({ ...domainBase, databse: {}, database: { layout: "replica", backupDays: 99 } });
        assert.equal(problems.length, 3, problems.join("\n"));
        assert.match(problems[0], /^landing-zone:databse is not a known key; known keys here: layer, cloud, environment/);
        assert.ok(problems.some((p) => /^landing-zone:database\.layout must be one of single \| read-replicas \| per-domain \| sharded \(got "replica"\)$/.test(p)));
        assert.ok(problems.some((p) => /^landing-zone:database\.backupDays must be <= 35 \(got 99\)$/.test(p)));
    });

    it("formats the error as one message listing every problem", () => {
        assert.throws(() => validateStackConfig({ ...base, aws: undefined, cloud: "oci", environment: "qa" }, "s"), (e: Error) =>
            e.message.startsWith('Invalid stack config of "s" (2 problems):') &&
            e.message.includes("landing-zone:cloud must be one of aws | azure | gcp") &&
            e.message.includes("landing-zone:environment must be one of dev | staging | prod"));
    });

    it("rejects unknown nested keys and names the known ones", () => {
        const [problem] = problemsOf({ ...base, network: { cidr: "10.0.0.0/16", zone: 3 } });
        assert.equal(problem, "landing-zone:network.zone is not a known key; known keys here: cidr, zones, natGateways, flowLogRetentionDays");
    });

    it("requires layer, cloud, environment, region and owner", () => {
        const problems = problemsOf({});
        for (const key of ["layer", "cloud", "environment", "region", "owner"]) {
            assert.ok(problems.includes(`landing-zone:${key} is required`), `${key}: ${problems.join("; ")}`);
        }
    });

    it("checks types and integers", () => {
        const problems = problemsOf({ ...base, network: { zones: 2.5 }, cache: { enabled: "yes" } });
        assert.ok(problems.includes("landing-zone:network.zones must be integer (got 2.5)"), problems.join("\n"));
        assert.ok(problems.includes('landing-zone:cache.enabled must be boolean (got "yes")'), problems.join("\n"));
    });

    describe("cross-key rules", () => {
        const cases: [string, Record<string, unknown>, string][] = [
            ["domain stack without a domain", { ...base, layer: "domain" }, "landing-zone:domain is required when layer is domain"],
            ["platform stack with a domain", { ...base, domain: "orders" }, "landing-zone:domain applies only to layer domain"],
            ["read-replicas without replicas", { ...domainBase, database: { layout: "read-replicas", replicas: 0 } }, "landing-zone:database.replicas must be >= 1 when layout is read-replicas"],
            ["sharded with one shard", { ...domainBase, database: { layout: "sharded", shards: 1 } }, "landing-zone:database.shards must be >= 2 when layout is sharded"],
            ["shards on a single layout", { ...domainBase, database: { layout: "single", shards: 3 } }, "landing-zone:database.shards applies only to layout sharded"],
            ["replicas on a per-domain layout", { ...domainBase, database: { layout: "per-domain", replicas: 2 } }, "landing-zone:database.replicas applies only to layouts read-replicas and sharded (layout is per-domain"],
            ["node min above max", { ...base, cluster: { nodes: { min: 5, max: 2, desired: 3 } } }, "landing-zone:cluster.nodes.min must be <= cluster.nodes.max (5 > 2)"],
            ["desired outside bounds", { ...base, cluster: { nodes: { min: 1, max: 3, desired: 5 } } }, "landing-zone:cluster.nodes.desired must be between"],
            ["network too small", { ...base, network: { cidr: "10.0.0.0/24" } }, "landing-zone:network.cidr must be /20 or larger"],
            ["host bits set in a CIDR", { ...base, network: { cidr: "10.0.0.1/16" } }, "landing-zone:network.cidr is not a valid IPv4 CIDR"],
            ["bad API CIDR", { ...base, cluster: { apiAllowedCidrs: ["300.1.1.0/24"] } }, "landing-zone:cluster.apiAllowedCidrs[0] is not a valid IPv4 CIDR"],
            ["external source without repository", { ...domainBase, pipeline: { source: "external" } }, "landing-zone:pipeline.repository is required when pipeline.source is external"],
            ["existing hierarchy without ids", { ...base, hierarchy: { mode: "existing" } }, "landing-zone:hierarchy.existingIds is required when hierarchy.mode is existing"],
            ["domains on a domain stack", { ...domainBase, domains: { orders: {} } }, "landing-zone:domains applies only to layer platform"],
            ["the old hierarchy.domains list", { ...base, hierarchy: { domains: ["orders"] } }, "landing-zone:hierarchy.domains is not a known key"],
            ["a bad domain name in domains", { ...base, domains: { Orders: {} } }, "landing-zone:domains"],
            ["an unknown quota size", { ...base, domains: { orders: { quota: "huge" } } }, "landing-zone:domains.orders.quota must be one of small | medium | large"],
            ["a prod platform with no way to its API server", { ...base, environment: "prod", aws: { clusterAdminArns: ["arn:aws:iam::123456789012:role/admins"] } }, "landing-zone:cluster.apiAccess is required in prod"],
            ["allowed-cidrs without CIDRs", { ...base, cluster: { apiAccess: "allowed-cidrs" } }, "landing-zone:cluster.apiAllowedCidrs is required when cluster.apiAccess is allowed-cidrs"],
            ["the DNS endpoint off GKE", { ...base, cluster: { apiAccess: "dns-endpoint" } }, "landing-zone:cluster.apiAccess dns-endpoint is GKE's"],
            ["a domain named after the organization scope", { ...domainBase, domain: "organization" }, "landing-zone:domain must not be organization (reserved for the organization scope of the domain tag)"],
            ["a domain named after the platform scope", { ...domainBase, domain: "platform" }, "landing-zone:domain must not be platform (reserved for the platform scope of the domain tag)"],
            ["a registered domain named after a scope", { ...base, domains: { organization: {} } }, "landing-zone:domains.organization is not a valid domain name: organization is reserved for the organization scope of the domain tag"],
            ["apiAccess on a domain stack", { ...domainBase, cluster: { apiAccess: "in-network" } }, "landing-zone:cluster.apiAccess applies only to layer platform"],
            ["auditors on a domain stack", { ...domainBase, auditors: ["arn:aws:iam::123456789012:role/a"] }, "landing-zone:auditors applies only to layer platform"],
            ["another cloud's block", { ...base, gcp: { projectId: "acme-prod-123" } }, "landing-zone:gcp applies only to cloud gcp"],
        ];
        for (const [title, raw, expected] of cases) {
            it(`fires on ${title}`, () => {
                const problems = problemsOf(raw);
                assert.ok(problems.some((p) => p.startsWith(expected)), `expected "${expected}" in:\n${problems.join("\n")}`);
            });
        }

        it("a prod platform's way in: allowed CIDRs or in-network on aws/azure; GKE's DNS endpoint by default", () => {
            const prod = { ...base, environment: "prod", aws: { clusterAdminArns: ["arn:aws:iam::123456789012:role/admins"] } };
            assert.equal(validateStackConfig({ ...prod, cluster: { apiAllowedCidrs: ["203.0.113.0/24"] } }).cluster.apiAccess, "allowed-cidrs");
            assert.equal(validateStackConfig({ ...prod, cluster: { apiAccess: "in-network" } }).cluster.apiAccess, "in-network");
            assert.equal(validateStackConfig({ ...base, cloud: "gcp", aws: undefined, gcp: { projectId: "acme-sandbox-1" } }).cluster.apiAccess, "dns-endpoint");
            assert.equal(validateStackConfig(domainBase).cluster.apiAccess, undefined);
        });

        it("defaults the layout's minimum shape (1 replica, 2 shards)", () => {
            assert.equal(validateStackConfig({ ...domainBase, database: { layout: "read-replicas" } }).database.replicas, 1);
            assert.equal(validateStackConfig({ ...domainBase, database: { layout: "sharded" } }).database.shards, 2);
        });
    });

    describe("projectConfigFrom", () => {
        it("keeps only landing-zone keys and parses structured values", () => {
            const raw = projectConfigFrom({
                "aws:region": "eu-west-1",
                "landing-zone:layer": "platform",
                "landing-zone:network": '{"zones":2}',
                "landing-zone:cluster": '{"apiAllowedCidrs":["10.0.0.0/8"]}',
            });
            assert.deepEqual(raw, { layer: "platform", network: { zones: 2 }, cluster: { apiAllowedCidrs: ["10.0.0.0/8"] } });
        });
    });
});
