import { strict as assert } from "node:assert";
import { DEPLOY_EMAIL, DOMAIN_PROJECT, HOST, REPOSITORY_ID, runDomain } from "./fake-platform";

const TRIGGER = "gcp:cloudbuild/trigger:Trigger";
const TARGET = "gcp:clouddeploy/target:Target";
const DEV_CLUSTER = "projects/acme-dev-host-123abc/locations/europe-west1/clusters/acme-dev-gke";

describe("components/gcp/pipeline", () => {
    it("Cloud Build runs as a dedicated service account and pushes to the platform's Artifact Registry", async () => {
        const rec = await runDomain({ environment: "dev" });
        const buildSa = rec.one("gcp:serviceaccount/account:Account", "build-sa");
        const trigger = rec.one(TRIGGER);
        const inputs = rec.inputs(trigger);
        assert.ok(trigger.dependencies.includes(buildSa.urn), "the trigger runs as the build service account");
        assert.equal(inputs.project, DOMAIN_PROJECT);
        assert.deepEqual(inputs.triggerTemplate, { repoName: "orders-service", branchName: "^main$" });
        const image = `europe-west1-docker.pkg.dev/${HOST}/acme-prod/orders:$SHORT_SHA`;
        assert.deepEqual(inputs.build.images, [image]);
        assert.equal(inputs.build.options.logging, "CLOUD_LOGGING_ONLY");
        const steps = inputs.build.steps as { id: string; args: string[] }[];
        assert.deepEqual(steps.map((s) => s.id), ["build", "push", "release"]);
        assert.ok(steps[2].args.some((a) => a.startsWith("--delivery-pipeline=acme-dev-orders-delivery")));
        const push = rec.inputs(rec.one("gcp:artifactregistry/repositoryIamMember:RepositoryIamMember"));
        assert.equal(push.repository, REPOSITORY_ID);
        assert.equal(push.role, "roles/artifactregistry.writer");
        assert.equal(push.member, `serviceAccount:acme-dev-orders-build@${DOMAIN_PROJECT}.iam.gserviceaccount.com`);
    });

    it("external source: a GitHub push trigger on the branch, deploy manifests cloned from the deploy repository", async () => {
        const rec = await runDomain({
            environment: "prod",
            pipeline: { source: "external", repository: "acme/orders-service", deployRepository: "acme/orders-deploy", branch: "release" },
        });
        const inputs = rec.inputs(rec.one(TRIGGER));
        assert.deepEqual(inputs.github, { owner: "acme", name: "orders-service", push: { branch: "^release$" } });
        assert.equal(inputs.triggerTemplate, undefined);
        const steps = inputs.build.steps as { id: string; args: string[] }[];
        assert.deepEqual(steps.map((s) => s.id), ["build", "push", "manifests", "release"]);
        assert.ok(steps[2].args.includes("https://github.com/acme/orders-deploy.git"));
        assert.ok(steps[3].args.includes("--source=deploy"));
    });

    it("Cloud Deploy targets the GKE cluster and deploys into the domain namespace, with approval in prod", async () => {
        const rec = await runDomain({ environment: "prod" });
        const target = rec.inputs(rec.one(TARGET));
        assert.equal(target.gke.cluster, `projects/${HOST}/locations/europe-west1/clusters/acme-prod-gke`);
        assert.deepEqual(target.deployParameters, { namespace: "orders" });
        assert.equal(target.requireApproval, true);
        assert.equal(target.executionConfigs[0].serviceAccount, `acme-prod-orders-deploy@${DOMAIN_PROJECT}.iam.gserviceaccount.com`);
        const pipeline = rec.inputs(rec.one("gcp:clouddeploy/deliveryPipeline:DeliveryPipeline"));
        assert.deepEqual(pipeline.serialPipeline.stages, [{ targetId: target.name }]);
        const dev = await runDomain({ environment: "dev" });
        assert.equal(dev.inputs(dev.one(TARGET)).requireApproval, false);
    });

    it("deploys as the service account the platform vended; creates no deploy identity and no cluster grant", async () => {
        const rec = await runDomain({ environment: "prod" });
        assert.equal(rec.ofType("gcp:serviceaccount/account:Account").filter((a) => a.name.includes("deploy")).length, 0);
        assert.equal(rec.ofType("gcp:projects/iAMMember:IAMMember").filter((m) => rec.inputs(m).role === "roles/container.clusterViewer" && !m.name.includes("previous")).length, 0);
        const actAs = rec.inputs(rec.one("gcp:serviceaccount/iAMMember:IAMMember", "build-acts-as-deploy"));
        assert.equal(actAs.serviceAccountId, `projects/${DOMAIN_PROJECT}/serviceAccounts/${DEPLOY_EMAIL}`);
        assert.equal(rec.inputs(rec.one(TARGET)).executionConfigs[0].serviceAccount, DEPLOY_EMAIL);
    });

    it("gcp.promoteFromCluster: dev -> prod promotion, the prod stage after approval", async () => {
        const rec = await runDomain({ environment: "prod", gcp: { promoteFromCluster: DEV_CLUSTER } });
        const targets = rec.ofType(TARGET).map((t) => rec.inputs(t));
        const previous = targets.find((t) => t.gke.cluster === DEV_CLUSTER)!;
        const current = targets.find((t) => t.gke.cluster !== DEV_CLUSTER)!;
        assert.equal(previous.requireApproval, false);
        assert.equal(current.requireApproval, true);
        const pipeline = rec.inputs(rec.one("gcp:clouddeploy/deliveryPipeline:DeliveryPipeline"));
        assert.deepEqual(pipeline.serialPipeline.stages.map((s: { targetId: string }) => s.targetId), [previous.name, current.name]);
        const viewer = rec.inputs(rec.one("gcp:projects/iAMMember:IAMMember", "previous-cluster-viewer"));
        assert.equal(viewer.project, "acme-dev-host-123abc");
    });

    it("pipeline.enabled false: no build, no delivery", async () => {
        const rec = await runDomain({ environment: "dev", pipeline: { enabled: false } });
        assert.equal(rec.ofType(TRIGGER).length, 0);
        assert.equal(rec.ofType(TARGET).length, 0);
    });

    it("exports pipeline name, source, image repository and the namespace (fabricated outputs)", async () => {
        const rec = await runDomain({ environment: "dev" }, { preview: false });
        assert.deepEqual(rec.outputs.pipeline, {
            name: "acme-dev-orders-delivery",
            sourceRepository: "orders-service",
            imageRepository: `europe-west1-docker.pkg.dev/${HOST}/acme-prod/orders`,
            targetNamespace: "orders",
        });
    });
});
