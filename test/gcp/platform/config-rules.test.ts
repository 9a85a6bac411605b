import { strict as assert } from "node:assert";
import { ConfigError } from "../../../components/core/config/errors";
import { testContext } from "../../harness";

function problems(config: Record<string, unknown>): string {
    try {
        testContext({ cloud: "gcp", region: "europe-west1", ...config } as never);
        return "";
    } catch (error) {
        if (error instanceof ConfigError) return error.message;
        throw error;
    }
}

describe("components/core/config/rules/gcp", () => {
    it("create mode needs a parent and a billing account, and says the allowed form", () => {
        const message = problems({ hierarchy: { mode: "create" }, domains: {} });
        assert.match(message, /landing-zone:hierarchy\.parentId.*organizations\/<number> or folders\/<number>/);
        assert.match(message, /landing-zone:hierarchy\.billingAccount/);
    });

    it("skip mode needs gcp.projectId", () => {
        assert.match(problems({ hierarchy: { mode: "skip" } }), /landing-zone:gcp\.projectId/);
        assert.equal(problems({ hierarchy: { mode: "skip" }, gcp: { projectId: "acme-sandbox-1" } }), "");
    });

    it("existing ids: folders for root/environment, project ids for the rest, only known domains", () => {
        const message = problems({
            hierarchy: { mode: "existing", existingIds: { root: "123", platform: "Bad_Id", payments: "acme-pay-1" } }, domains: { orders: {} },
        });
        assert.match(message, /existingIds\.root must be folders\/<number>/);
        assert.match(message, /existingIds\.platform must be a project id/);
        assert.match(message, /existingIds\.payments names no domain/);
    });

    it("pipeline: managed (Cloud Source Repositories) is refused, with the way out; repositories must be GitHub owner/name", () => {
        const domain = { layer: "domain", domain: "orders", environment: "dev" };
        // gcp defaults to external: a domain stack without a pipeline block is asked for the repository.
        assert.match(problems(domain), /landing-zone:pipeline\.repository is required when pipeline\.source is external/);
        assert.doesNotMatch(problems(domain), /pipeline\.source must be/);
        assert.match(problems({ ...domain, pipeline: { source: "managed", repository: "orders-service" } }),
            /landing-zone:pipeline\.source must be external on gcp \(got managed\).*closed.*pipeline\.enabled: false/);
        assert.equal(problems({ ...domain, pipeline: { enabled: false } }), "");
        const message = problems({ ...domain, pipeline: { source: "external", repository: "orders-service", deployRepository: "https://github.com/a/b" } });
        assert.match(message, /landing-zone:pipeline\.repository must be a GitHub repository <owner>\/<name> on gcp \(got "orders-service"\)/);
        assert.match(message, /landing-zone:pipeline\.deployRepository must be a GitHub repository/);
        assert.equal(problems({ ...domain, pipeline: { source: "external", repository: "acme/orders-service", deployRepository: "acme/orders.deploy" } }), "");
    });

    it("gcp.githubAppInstallationId: a domain stack's key, a positive integer", () => {
        assert.match(problems({ hierarchy: { mode: "skip" }, gcp: { projectId: "acme-dev-1", githubAppInstallationId: 12 } }),
            /landing-zone:gcp\.githubAppInstallationId applies only to layer domain/);
        const domain = { layer: "domain", domain: "orders", pipeline: { source: "external", repository: "acme/orders-service" } };
        assert.match(problems({ ...domain, gcp: { githubAppInstallationId: 0 } }), /landing-zone:gcp\.githubAppInstallationId must be >= 1/);
        assert.equal(problems({ ...domain, gcp: { githubAppInstallationId: 51234567 } }), "");
    });

    it("gcp.serviceControls: a platform stack's key, with an access policy id", () => {
        const domain = { layer: "domain", domain: "orders", pipeline: { source: "external", repository: "acme/orders-service" } };
        assert.match(problems({ ...domain, gcp: { serviceControls: { accessPolicy: "accessPolicies/1" } } }),
            /landing-zone:gcp\.serviceControls applies only to layer platform/);
        assert.match(problems({ hierarchy: { mode: "skip" }, gcp: { projectId: "acme-dev-1", serviceControls: { accessPolicy: "policy-1" } } }),
            /landing-zone:gcp\.serviceControls\.accessPolicy must match/);
        assert.equal(problems({ hierarchy: { mode: "skip" }, gcp: { projectId: "acme-dev-1", serviceControls: { accessPolicy: "accessPolicies/1", enforce: true } } }), "");
    });

    it("a zonal cluster is refused in prod", () => {
        assert.match(problems({ environment: "prod", gcp: { projectId: "acme-prod-1", zonalCluster: true }, hierarchy: { mode: "skip" } }),
            /landing-zone:gcp\.zonalCluster is not allowed in prod/);
        assert.equal(problems({ environment: "dev", gcp: { projectId: "acme-dev-1", zonalCluster: true }, hierarchy: { mode: "skip" } }), "");
    });

    it("platform-only and domain-only gcp keys are refused on the other layer", () => {
        const message = problems({
            layer: "domain", domain: "orders", hierarchy: { mode: "skip" }, gcp: { projectId: "acme-dev-1", iapSsh: true, zonalCluster: true },
        });
        assert.match(message, /landing-zone:gcp\.iapSsh applies only to layer platform/);
        assert.match(message, /landing-zone:gcp\.zonalCluster applies only to layer platform/);
        assert.match(problems({ hierarchy: { mode: "skip" }, gcp: { projectId: "acme-dev-1", promoteFromCluster: "projects/acme-dev-1/locations/europe-west1/clusters/gke" } }),
            /landing-zone:gcp\.promoteFromCluster applies only to layer domain/);
    });

    it("gcp keys are refused on another cloud", () => {
        assert.match(problems({ cloud: "aws", gcp: { iapSsh: true } }), /landing-zone:gcp applies only to cloud gcp/);
    });
});
