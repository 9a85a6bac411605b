import { strict as assert } from "node:assert";
import { sample, T, variant } from "./helpers";

describe("components/gcp/registry", () => {
    it("prod: Docker repository with CMEK, immutable tags, vulnerability scanning, protect", async () => {
        const rec = await sample("platform-gcp-prod");
        const repo = rec.one(T.repository);
        const r = rec.inputs(repo);
        assert.equal(r.format, "DOCKER");
        assert.equal(r.location, "europe-west1");
        assert.equal(r.vulnerabilityScanningConfig.enablementConfig, "INHERITED");
        assert.equal(r.dockerConfig.immutableTags, true);
        assert.ok(repo.dependencies.includes(rec.one(T.key, "keys-registry").urn), "repository must use the registry key");
        assert.ok(repo.dependencies.includes(rec.one(T.keyIam, "registry-platform-artifactregistry").urn),
            "the Artifact Registry agent must hold the key before the repository is created");
        assert.equal(repo.protect, true);
        assert.ok(rec.ofType(T.service).some((s) => rec.inputs(s).service === "containerscanning.googleapis.com"));
    });

    it("cleanup keeps registry.keepImages versions and deletes old untagged ones", async () => {
        const rec = await variant("platform-gcp-dev", { registry: { keepImages: 42 } });
        const policies = rec.inputs(rec.one(T.repository)).cleanupPolicies;
        const keep = policies.find((p: { action: string }) => p.action === "KEEP");
        assert.equal(keep.mostRecentVersions.keepCount, 42);
        const del = policies.find((p: { action: string }) => p.action === "DELETE");
        assert.equal(del.condition.tagState, "UNTAGGED");
        assert.equal(rec.inputs(rec.one(T.repository)).cleanupPolicyDryRun, false);
    });

    it("dev: no CMEK, no protect; GKE nodes may pull (reader only)", async () => {
        const rec = await sample("platform-gcp-dev");
        const repo = rec.one(T.repository);
        assert.equal(rec.inputs(repo).kmsKeyName, undefined);
        assert.equal(repo.protect, false);
        assert.equal(rec.inputs(repo).dockerConfig.immutableTags, true);
        assert.equal(rec.inputs(repo).vulnerabilityScanningConfig.enablementConfig, "INHERITED");
        const reader = rec.one(T.repositoryIam, "reader-gke-nodes");
        assert.equal(rec.inputs(reader).role, "roles/artifactregistry.reader");
        // Every grant on the repository reads only (the domains' Cloud Run agents: see home.test.ts),
        // except the one the platform home makes for each domain's build account to push.
        for (const grant of rec.ofType(T.repositoryIam)) {
            const pushes = grant.name.endsWith("-build-push");
            assert.equal(rec.inputs(grant).role, pushes ? "roles/artifactregistry.writer" : "roles/artifactregistry.reader", grant.name);
        }
        const push = rec.inputs(rec.one(T.repositoryIam, "home-orders-build-push"));
        assert.match(push.member, /^serviceAccount:acme-dev-orders-builder@/);
        assert.ok(reader.dependencies.includes(rec.one(T.account, "cluster-nodes").urn));
        // dev pulls promoted images from prod's repository: dev's own grants no other environment.
        assert.equal(rec.ofType(T.repositoryIam).filter((g) => g.name.includes("previous-nodes")).length, 0);
    });

    it("promotion: prod lets the dev nodes (gcp.promotion.previousNodeServiceAccount) read its repository, reader only", async () => {
        const dev = await sample("platform-gcp-dev");
        const devNodes = dev.inputs(dev.one(T.account, "cluster-nodes"));
        const prod = await sample("platform-gcp-prod");
        const grant = prod.inputs(prod.one(T.repositoryIam, "reader-previous-nodes"));
        assert.equal(grant.role, "roles/artifactregistry.reader");
        assert.equal(grant.member, `serviceAccount:${devNodes.accountId}@${devNodes.project}.iam.gserviceaccount.com`);
        assert.equal(grant.repository, prod.inputs(prod.one(T.repository)).repositoryId);
        // Both clusters' nodes read the prod repository; only the domains' build accounts write.
        const roles = prod.ofType(T.repositoryIam).map((g) => prod.inputs(g).role);
        assert.deepEqual([...new Set(roles)].sort(), ["roles/artifactregistry.reader", "roles/artifactregistry.writer"]);
        const of = (role: string) => prod.ofType(T.repositoryIam).filter((g) => prod.inputs(g).role === role).map((g) => g.name.replace("lz-prod-platform-", "")).sort();
        assert.deepEqual(of("roles/artifactregistry.reader"),
            ["home-orders-run-image-reader", "home-payments-run-image-reader", "registry-reader-gke-nodes", "registry-reader-previous-nodes"]);
        assert.deepEqual(of("roles/artifactregistry.writer"), ["home-orders-build-push", "home-payments-build-push"]);
    });
});
