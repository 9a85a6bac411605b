/**
 * The landing-zone CrossGuard policy pack: `pulumi preview --policy-pack policies
 * --policy-pack-config policies/config/<env>.json`. The list lives in `pack.ts` (loaded by the
 * tests and the offline plan without starting the analyzer server); this file only serves it.
 */
import { PolicyPack } from "@pulumi/policy";
import { PACK_NAME, policies } from "./pack";

new PolicyPack(PACK_NAME, {
    description: "The cloud guide's security, availability and operations principles on AWS, Azure, GCP and Kubernetes.",
    enforcementLevel: "mandatory",
    // Metadata (cloud, topic, principle, Checkov ids) is for docs and the plan; the analyzer gets the policy itself.
    policies: policies.map(({ metadata: _metadata, ...policy }) => policy),
});
