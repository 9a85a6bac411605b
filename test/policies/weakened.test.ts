import * as assert from "node:assert/strict";
import { checkPolicies, loadPolicyConfig, mandatoryViolations, mergeConfig, stackDerivedConfig } from "../../tools/plan/policies";
import { isTaggable } from "../../policies/lib/tags";
import type { RecordedResource } from "../harness";
import { planWeakened } from "./weakened";

/**
 * Weakened fixtures (test/fixtures/weakened): a fork's prod stacks with a public bucket, a
 * single-AZ database, a queue without dead-letter queue, wildcard IAM, missing tags and a public
 * cluster endpoint. Each must fail with exactly the expected mandatory violations.
 */
interface Expected {
    /** `<policy> <resource name>` of every expected mandatory violation besides the tag ones. */
    violations: string[];
    /**
     * Tag policies expected: on every taggable resource that relies on the provider for the
     * `owner` tag (the provider's default tags/labels lost it), or on the listed resources.
     */
    tags?: { policies: string[]; resources: "provider-tagged" | string[] };
}

const EXPECTED: Record<string, Expected> = {
    "weak-orders-aws-prod": {
        violations: [
            "disallow-public-s3-buckets orders-pipeline-artifacts-public-access",
            "disallow-public-s3-buckets orders-storage-public-access",
            "disallow-wildcard-iam-policies orders-identity-policy",
            "require-multi-zone-databases orders-database-primary",
            "require-sqs-dead-letter-queue orders-queue-queue",
        ],
        tags: { policies: ["require-aws-standard-tags", "require-standard-tags-in-prod"], resources: "provider-tagged" },
    },
    "weak-platform-aws-prod": { violations: ["disallow-public-eks-endpoint cluster-eks"] },
    "weak-orders-azure-prod": {
        violations: [
            "disallow-azure-privileged-role-assignments orders-access-blob-data",
            "disallow-public-azure-storage orders-storage-account",
            "require-azure-service-bus-dead-lettering orders-queue-queue",
            "require-multi-zone-databases orders-database-primary",
        ],
        tags: { policies: ["require-azure-standard-tags", "require-standard-tags-in-prod"], resources: ["orders-storage-account"] },
    },
    "weak-platform-azure-prod": { violations: ["disallow-public-aks-api cluster-aks"] },
    "weak-orders-gcp-prod": {
        violations: [
            "disallow-gcp-basic-roles orders-pipeline-build-logs",
            // roles/editor at project level also reaches every service account of the project
            "disallow-gcp-project-impersonation-roles orders-pipeline-build-logs",
            "disallow-public-gcs-buckets orders-storage-bucket",
            "require-dead-letter-queues-in-stack orders-queue-dlq-subscription",
            "require-multi-zone-databases orders-database-primary",
            "require-pubsub-dead-letter-policy orders-queue-subscription",
        ],
        tags: { policies: ["require-gcp-standard-labels", "require-standard-tags-in-prod"], resources: "provider-tagged" },
    },
    "weak-platform-gcp-prod": { violations: ["disallow-public-gke-endpoint lz-prod-platform-cluster-gke"] },
};

const TAG_POLICIES = ["require-aws-standard-tags", "require-azure-standard-tags", "require-gcp-standard-labels", "require-standard-tags-in-prod"];

/** Taggable resources that take the `owner` tag from their provider's default tags (AWS) or labels (GCP). */
function providerTagged(resources: RecordedResource[]): RecordedResource[] {
    return resources.filter((r) => {
        if (!isTaggable(r.type) || r.provider === undefined) return false;
        const own = (r.inputs.tags ?? r.inputs.labels) as Record<string, unknown> | undefined;
        return !own || !("owner" in own);
    });
}

describe("weakened fixtures (test/fixtures/weakened) fail with exactly the expected violations", () => {
    for (const [stack, expected] of Object.entries(EXPECTED)) {
        it(stack, async () => {
            const { result, config } = await planWeakened(stack);
            const violations = await checkPolicies(result.resources, { config: mergeConfig(loadPolicyConfig("prod"), stackDerivedConfig(config)) });
            const mandatory = mandatoryViolations(violations);
            const nameOf = (urn?: string) => result.resources.find((r) => r.urn === urn)?.name ?? "(stack)";
            const actual = mandatory.filter((v) => !TAG_POLICIES.includes(v.policyName)).map((v) => `${v.policyName} ${nameOf(v.urn)}`).sort();
            assert.deepEqual(actual, [...expected.violations].sort());

            const tagViolations = mandatory.filter((v) => TAG_POLICIES.includes(v.policyName)).map((v) => `${v.policyName} ${nameOf(v.urn)}`).sort();
            const tagged = expected.tags;
            const expectedTags = !tagged ? [] : tagged.policies.flatMap((policy) =>
                (tagged.resources === "provider-tagged" ? providerTagged(result.resources).map((r) => r.name) : tagged.resources).map((n) => `${policy} ${n}`)).sort();
            assert.deepEqual(tagViolations, expectedTags);
            if (tagged) assert.ok(tagViolations.length >= 2);
        });
    }
});
