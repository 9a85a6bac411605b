import type { CloudLandingZone } from "../core/contracts";
import { domain } from "./domain";
import { platform } from "./platform";

/** The aws landing zone: both layers, composed from the components in this folder. */
export const landingZone: CloudLandingZone = { platform, domain };
