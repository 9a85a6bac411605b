import { strict as assert } from "node:assert";
import { environmentPresets, resolveConfig, WORKER_DEFAULTS } from "../../../components/core/config/presets";
import { unregisteredDomainProblem } from "../../../components/core/config/registration";
import { isValidIpv4Cidr } from "../../../components/core/config/rules/common";
import type { StackConfig } from "../../../components/core/config/types";
import { configProblems } from "./problems";

const platform = { layer: "platform", cloud: "aws", environment: "dev", region: "eu-west-1", owner: "platform-team", aws: { clusterAdminArns: ["arn:aws:iam::123456789012:role/platform-admins"] } };

const problems = (raw: Record<string, unknown>) => configProblems(raw);

describe("components/core/config: limits are inclusive where the message says so", () => {
    it("node pool: min = max and desired = max are valid; one more is not", () => {
        assert.deepEqual(problems({ ...platform, cluster: { nodes: { min: 3, max: 3, desired: 3 } } }), []);
        assert.ok(problems({ ...platform, cluster: { nodes: { min: 4, max: 3, desired: 3 } } }).some((p) => p.startsWith("landing-zone:cluster.nodes.min must be <=")));
        assert.ok(problems({ ...platform, cluster: { nodes: { min: 1, max: 3, desired: 4 } } }).some((p) => p.startsWith("landing-zone:cluster.nodes.desired must be between")));
        assert.ok(problems({ ...platform, cluster: { nodes: { min: 2, max: 3, desired: 1 } } }).some((p) => p.startsWith("landing-zone:cluster.nodes.desired must be between")));
    });

    it("network: /20 holds the nine subnets, /21 does not", () => {
        assert.deepEqual(problems({ ...platform, network: { cidr: "10.0.0.0/20" } }), []);
        assert.ok(problems({ ...platform, network: { cidr: "10.0.0.0/21" } }).some((p) => p.startsWith("landing-zone:network.cidr must be /20 or larger")));
    });

    it("isValidIpv4Cidr: 255 and /32 are in range, 256 and /33 and non-CIDRs are not", () => {
        assert.equal(isValidIpv4Cidr("255.255.255.255/32"), true);
        assert.equal(isValidIpv4Cidr("256.0.0.0/8"), false);
        assert.equal(isValidIpv4Cidr("10.0.0.0/33"), false);
        assert.equal(isValidIpv4Cidr("10.0.0.0"), false);
        assert.equal(isValidIpv4Cidr("10.0.0.1/24"), false, "host bits set");
    });

    it("an unregistered domain's message lists the registered ones, or says none", () => {
        assert.equal(unregisteredDomainProblem("orders", "platform-aws-dev", ["orders"]), undefined);
        assert.match(unregisteredDomainProblem("orders", "acme/platform-aws-dev", [])!.message, /\(registered: none\); add it under landing-zone:domains in config\/Pulumi\.platform-aws-dev\.yaml/);
        assert.match(unregisteredDomainProblem("orders", "platform-aws-dev", ["payments", "billing"])!.message, /\(registered: payments, billing\)/);
    });
});

describe("components/core/config/presets: what each environment turns on", () => {
    const flags = (env: "dev" | "staging" | "prod") => {
        const p = environmentPresets[env];
        return {
            highAvailability: p.database.highAvailability, deletionProtection: p.database.deletionProtection,
            versioning: p.storage.versioning, cache: p.cache.enabled, pipeline: p.pipeline.enabled,
        };
    };

    it("HA from staging on, deletion protection in prod only; versioning, cache and pipeline everywhere", () => {
        assert.deepEqual(flags("dev"), { highAvailability: false, deletionProtection: false, versioning: true, cache: true, pipeline: true });
        assert.deepEqual(flags("staging"), { highAvailability: true, deletionProtection: false, versioning: true, cache: true, pipeline: true });
        assert.deepEqual(flags("prod"), { highAvailability: true, deletionProtection: true, versioning: true, cache: true, pipeline: true });
    });

    it("a worker reaches data and is traced unless a domain says otherwise", () => {
        assert.equal(WORKER_DEFAULTS.reachesData, true);
        assert.equal(WORKER_DEFAULTS.tracing, true);
        assert.equal(WORKER_DEFAULTS.enabled, false);
    });

    it("inside a block, a value that is not a block replaces the preset's (validation then names its type), never merges into it", () => {
        const raw = { layer: "domain", cloud: "gcp", environment: "dev", region: "europe-west1", owner: "t", domain: "orders", cluster: { nodes: "two" } } as unknown as StackConfig;
        assert.equal(resolveConfig(raw).cluster.nodes as unknown, "two");
    });
});
