import { strict as assert } from "node:assert";
import {
    geoEnvironments, locationAllowed, multiRegionLocations, resourceLocationValues,
} from "../../../components/gcp/locations";
import { planSample, plainValue, type RecordedResource } from "../../harness";

/** The inputs that place a resource (GCP provider names), anywhere in a resource's inputs. */
const LOCATION_KEYS = new Set(["location", "region", "zone", "locationId", "alternativeLocationId", "nodeLocations", "allowedPersistenceRegions"]);

/** Every location a recorded resource is created in: its location-bearing inputs, and the location in a KMS key ring path. */
function locationsOf(resource: RecordedResource): string[] {
    if (resource.type.startsWith("pulumi:")) return [];
    const found: string[] = [];
    const walk = (value: unknown, key?: string): void => {
        if (Array.isArray(value)) value.forEach((v) => walk(v, key));
        else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, k);
        else if (typeof value === "string" && key !== undefined) {
            if (LOCATION_KEYS.has(key)) found.push(value);
            if (key === "keyRing") found.push(/\/locations\/([^/]+)\//.exec(value)?.[1] ?? value);
        }
    };
    walk(plainValue(resource.inputs));
    return found;
}

/** The GCP stacks that live under organization-gcp's landing-zone folder. */
const STACKS = ["organization-gcp", "platform-gcp-dev", "platform-gcp-prod", "orders-gcp-dev", "orders-gcp-prod"];

describe("gcp.resourceLocations (organization-gcp) admits what the landing zone creates", () => {
    it("every location in the recorded GCP plans (deployed-like outputs, so geo buckets resolve) is allowed by the organization's constraint", async () => {
        const org = await planSample("organization-gcp", { preview: false });
        const policy = org.resources.find((r) => r.type === "gcp:orgpolicy/policy:Policy" && r.name.endsWith("gcp-resourceLocations"))!;
        const allowed: string[] = (plainValue(policy.inputs) as any).spec.rules[0].values.allowedValues;
        const seen = new Set<string>();
        const denied: string[] = [];
        for (const stack of STACKS) {
            const plan = await planSample(stack, { preview: false });
            for (const resource of plan.resources) {
                for (const location of locationsOf(resource)) {
                    seen.add(location);
                    if (!locationAllowed(location, allowed)) denied.push(`${stack}: ${resource.type} ${resource.name} in ${location}`);
                }
            }
        }
        assert.deepEqual(denied, [], `denied by gcp.resourceLocations ${JSON.stringify(allowed)}`);
        // The walk is not vacuous: regions, zones, the KMS multi-region and the Cloud Storage one are all there.
        for (const location of ["europe-west1", "europe-west1-b", "europe", "EU"]) assert.ok(seen.has(location), `no resource in ${location}`);
        // ...and the regions-only value set the constraint had before denies the geo key ring and the geo bucket.
        const regionsOnly = ["in:europe-west1-locations", "in:europe-west4-locations"];
        assert.deepEqual([...seen].filter((l) => !locationAllowed(l, regionsOnly)).sort(), ["EU", "europe"]);
    });

    it("Google's matching: a region's value group holds the region and its zones, a multi-region only itself, global is exempt", () => {
        const values = ["in:europe-west1-locations", "europe"];
        assert.ok(locationAllowed("europe-west1", values));
        assert.ok(locationAllowed("EUROPE-WEST1", values), "Cloud Storage spells regions upper case");
        assert.ok(locationAllowed("europe-west1-b", values));
        assert.ok(!locationAllowed("europe-west12", values), "europe-west12 is not a zone of europe-west1");
        assert.ok(!locationAllowed("europe-west4", values));
        assert.ok(locationAllowed("europe", values));
        assert.ok(!locationAllowed("eu", values), "Cloud Storage's EU is a location of its own");
        assert.ok(locationAllowed("global", values));
    });

    it("the allowed values come from config: the multi-regions only when an environment keeps geo-redundant data", () => {
        assert.deepEqual(geoEnvironments(["dev", "staging", "prod"]), ["prod"]);
        assert.deepEqual(multiRegionLocations("europe-west1"), ["europe", "eu"]);
        assert.deepEqual(multiRegionLocations("us-east1"), ["us"]);
        assert.deepEqual(multiRegionLocations("northamerica-northeast1"), ["us"]);
        assert.deepEqual(multiRegionLocations("southamerica-east1"), []);
        assert.deepEqual(resourceLocationValues({ allowedRegions: ["europe-west1"], environments: ["dev"] }), ["in:europe-west1-locations"]);
        assert.deepEqual(resourceLocationValues({ allowedRegions: ["europe-west1", "us-east1"], environments: ["dev", "prod"] }),
            ["in:europe-west1-locations", "in:us-east1-locations", "europe", "eu", "us"]);
    });
});
