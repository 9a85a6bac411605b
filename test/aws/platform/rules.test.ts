import { strict as assert } from "node:assert";
import { ConfigError } from "../../../components/core/config/errors";
import { resolveConfig } from "../../../components/core/config/presets";
import { validateStackConfig } from "../../../components/core/config/validate";
import { sampleConfig } from "./helpers";

function problems(overrides: Record<string, unknown>, stack = "platform-aws-prod"): Record<string, string> {
    try {
        validateStackConfig({ ...sampleConfig(stack), ...overrides });
        return {};
    } catch (error) {
        assert.ok(error instanceof ConfigError, String(error));
        return Object.fromEntries(error.problems.map((p) => [p.path, p.message]));
    }
}

describe("core/config/rules/aws.ts", () => {
    it("the sample aws stacks are valid", () => {
        for (const stack of ["platform-aws-prod", "platform-aws-dev", "orders-aws-prod", "orders-aws-dev"]) {
            assert.deepEqual(problems({}, stack), {}, stack);
        }
    });

    it("reports every aws problem at once, with the key path and the allowed values", () => {
        const found = problems({
            network: { cidr: "10.0.0.0/12", zones: 1, flowLogRetentionDays: 10 },
            cluster: { apiAllowedCidrs: ["0.0.0.0/0"] },
            keys: { rotationDays: 60 },
            logging: { retentionDays: 45 },
            aws: { clusterAdminArns: ["admins"], availabilityZones: ["us-east-1a"] },
            hierarchy: { mode: "create" }, domains: { orders: {} },
        });
        assert.match(found["landing-zone:network.cidr"], /\/16 to \/20/);
        assert.match(found["landing-zone:network.zones"], /at least two zones/);
        assert.match(found["landing-zone:network.flowLogRetentionDays"], /one of 1 \| 3 \| 5/);
        assert.match(found["landing-zone:logging.retentionDays"], /CloudWatch Logs retention/);
        assert.match(found["landing-zone:cluster.apiAllowedCidrs[0]"], /must not open the API server/);
        assert.match(found["landing-zone:keys.rotationDays"], />= 90/);
        assert.match(found["landing-zone:aws.clusterAdminArns[0]"], /IAM role or user ARN/);
        assert.match(found["landing-zone:aws.availabilityZones[0]"], /zone of region eu-west-1/);
        assert.match(found["landing-zone:hierarchy.parentId"], /r-ab12 or ou-/);
        assert.match(found["landing-zone:hierarchy.emailDomain"], /e-mail domain/);
    });

    it("every platform stack names its cluster admins (the creator never gets implicit admin); domain stacks need none", () => {
        for (const stack of ["platform-aws-prod", "platform-aws-dev"]) {
            assert.match(problems({ aws: { accountId: "111111111111" } }, stack)["landing-zone:aws.clusterAdminArns"], /required on a platform stack/, stack);
            assert.match(problems({ aws: { clusterAdminArns: [] } }, stack)["landing-zone:aws.clusterAdminArns"], /at least one IAM role ARN/, stack);
        }
        assert.equal(problems({ aws: {} }, "orders-aws-dev")["landing-zone:aws.clusterAdminArns"], undefined);
    });

    it("storage: zone by default on aws (also in prod); an explicit geo is rejected with the reason and the alternative", () => {
        assert.equal(resolveConfig(sampleConfig("orders-aws-prod") as never).storage.redundancy, "zone");
        assert.equal(resolveConfig({ ...sampleConfig("orders-aws-prod"), cloud: "gcp" } as never).storage.redundancy, "geo");
        assert.match(problems({ storage: { redundancy: "geo" } }, "orders-aws-prod")["landing-zone:storage.redundancy"], /not available on aws.*use zone/);
        assert.equal(problems({ storage: { redundancy: "zone" } }, "orders-aws-prod")["landing-zone:storage.redundancy"], undefined);
    });

    it("pipeline: an external source by default on aws; a domain stack must then name its repository", () => {
        assert.equal(resolveConfig(sampleConfig("orders-aws-dev") as never).pipeline.source, "external");
        const found = problems({ pipeline: { branch: "main" } }, "orders-aws-dev");
        assert.match(found["landing-zone:pipeline.repository"], /required when pipeline.source is external/);
        assert.equal(problems({ pipeline: { source: "managed" } }, "orders-aws-dev")["landing-zone:pipeline.repository"], undefined);
        assert.equal(problems({}, "platform-aws-dev")["landing-zone:pipeline.repository"], undefined, "a platform stack has no pipeline");
    });

    it("existing hierarchy: an account id per domain", () => {
        const found = problems({ hierarchy: { mode: "existing", existingIds: { environment: "ou-ab12-cd34ef56", orders: "12345" } }, domains: { orders: {}, payments: {} } });
        assert.match(found["landing-zone:hierarchy.existingIds.payments"], /12-digit account id/);
        assert.match(found["landing-zone:hierarchy.existingIds.orders"], /12-digit account id/);
        assert.equal(found["landing-zone:hierarchy.existingIds.environment"], undefined);
    });

    it("aws keys on another cloud are reported", () => {
        const found = problems({ cloud: "gcp", aws: { accountId: "111111111111" } });
        assert.match(found["landing-zone:aws"], /applies only to cloud aws/);
    });
});
