import { awsInvokes } from "./aws";
import { azureInvokes } from "./azure";
import { gcpInvokes } from "./gcp";

/** Every canned invoke answer of the offline plan, by token. */
export const cannedInvokes = { ...awsInvokes, ...azureInvokes, ...gcpInvokes };
