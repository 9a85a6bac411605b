/**
 * Canned answers for azure data-source invokes during an offline plan, by invoke token. Invokes run
 * for real during `pulumi preview`; offline there is no cloud, so each answer here is a
 * well-formed stand-in (documented ids, no real account). Keep them few: prefer config over lookups.
 */
export const azureInvokes: Record<string, (args: Record<string, unknown>) => Record<string, unknown>> = {};
