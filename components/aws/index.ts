import type { CloudLandingZone } from "../core/contracts";
import { domain } from "./domain";
import { organization } from "./organization";
import { platform } from "./platform";

/** The aws landing zone: the three layers, composed from the components in this folder. */
export const landingZone: CloudLandingZone = { organization, platform, domain };
