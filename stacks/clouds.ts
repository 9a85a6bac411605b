import type { ConfigProblem } from "../components/core/config/errors";
import type { Cloud } from "../components/core/config/types";
import type { CloudLandingZone } from "../components/core/contracts";

/**
 * Each cloud's implementation, loaded on demand: a stack loads only its own cloud's SDK.
 * A cloud module exports `landingZone` once its components have landed.
 */
const loaders: Record<Cloud, () => Partial<CloudLandingZone> | undefined> = {
    aws: () => (require("../components/aws") as { landingZone?: Partial<CloudLandingZone> }).landingZone,
    azure: () => (require("../components/azure") as { landingZone?: Partial<CloudLandingZone> }).landingZone,
    gcp: () => (require("../components/gcp") as { landingZone?: Partial<CloudLandingZone> }).landingZone,
};

export function loadCloud(cloud: Cloud, layer: keyof CloudLandingZone): CloudLandingZone | ConfigProblem {
    const implementation = loaders[cloud]();
    if (!implementation || typeof implementation[layer] !== "function") {
        return {
            path: "landing-zone:cloud",
            message: `"${cloud}" has no ${layer} implementation yet; choose a cloud whose components have landed`,
        };
    }
    return implementation as CloudLandingZone;
}
