import type { RecordedResource } from "../../../tools/mock-engine";
import type { Inputs } from "../helpers";

/** A resource policy's fixture: compliant inputs, one mutation per way to violate it, unknown inputs. */
export interface ResourceCase {
    policy: string;
    type: string;
    inputs: Inputs;
    protect?: boolean;
    provider?: { type: string; inputs: Inputs };
    config?: Record<string, unknown>;
    /** Each mutation sets dotted paths (undefined deletes) and expects a violation matching `expect`. */
    violations: { set?: Record<string, unknown>; protect?: boolean; type?: string; dropProvider?: boolean; expect: RegExp }[];
    /**
     * Paths made unknown: "deferred" = advisory can't-run diagnostic; "pass" = counts as set and the
     * rule passes; "fires" = counts as set and that is the violation (a password input stays one).
     */
    unknown: { path: string; expect: "deferred" | "pass" | "fires" }[];
}

/** A stack policy's fixture. */
export interface StackCase {
    policy: string;
    config?: Record<string, unknown>;
    compliant: () => RecordedResource[];
    violations: { name: string; resources: () => RecordedResource[]; expect: RegExp }[];
    unknown: { name: string; resources: () => RecordedResource[]; expect: "deferred" | "pass" }[];
}
