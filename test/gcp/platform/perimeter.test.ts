import { strict as assert } from "node:assert";
import { PERIMETER_SERVICES } from "../../../components/gcp/perimeter";
import { sample, sampleConfig, T, variant } from "./helpers";

const PERIMETER = "gcp:accesscontextmanager/servicePerimeter:ServicePerimeter";

describe("components/gcp/perimeter", () => {
    it("gcp.serviceControls: a dry-run perimeter around the platform and domain projects, restricting the APIs that hold data or control", async () => {
        const rec = await variant("platform-gcp-prod", { gcp: { ...sampleConfig("platform-gcp-prod").gcp, serviceControls: { accessPolicy: "accessPolicies/123456" } } }, false);
        const perimeter = rec.one(PERIMETER);
        const p = rec.inputs(perimeter);
        assert.equal(p.parent, "accessPolicies/123456");
        assert.match(p.name, /^accessPolicies\/123456\/servicePerimeters\/[a-z][a-z0-9_]*$/);
        assert.equal(p.useExplicitDryRunSpec, true);
        assert.equal(p.status, undefined, "a dry run blocks nothing");
        assert.ok(PERIMETER_SERVICES.every((s) => p.spec.restrictedServices.includes(s)));
        assert.ok(p.spec.restrictedServices.includes("container.googleapis.com"), "the GKE DNS endpoint is inside");
        // The platform project and both domain projects, by number.
        assert.equal(p.spec.resources.length, 3);
        for (const project of ["platform", "orders", "payments"]) {
            assert.ok(perimeter.dependencies.includes(rec.one(T.project, `prod-${project}-project`).urn), `${project} project inside`);
        }
    });

    it("enforce: the same configuration as the enforced status (an update, not a replacement); none without the key", async () => {
        const rec = await variant("platform-gcp-prod", { gcp: { ...sampleConfig("platform-gcp-prod").gcp, serviceControls: { accessPolicy: "accessPolicies/123456", enforce: true } } });
        const p = rec.inputs(rec.one(PERIMETER));
        assert.equal(p.useExplicitDryRunSpec, true);
        assert.deepEqual(p.status.restrictedServices, p.spec.restrictedServices);
        assert.equal((await sample("platform-gcp-prod")).ofType(PERIMETER).length, 0);
    });
});
