import { strict as assert } from "node:assert";
import { DATA_KEY, DEPLOY_EMAIL, DOMAIN_PROJECT, HOST, REPOSITORY_ID, runDomain } from "./fake-platform";

const TRIGGER = "gcp:cloudbuild/trigger:Trigger";
const CONNECTION = "gcp:cloudbuildv2/connection:Connection";
const REPOSITORY = "gcp:cloudbuildv2/repository:Repository";
const BUCKET = "gcp:storage/bucket:Bucket";
const BUCKET_IAM = "gcp:storage/bucketIAMMember:BucketIAMMember";
/** The token secret and the app installation: the connection is complete, the trigger exists. */
const CONNECTED = { gcp: { githubAppInstallationId: 4242 } };
const TOKEN = { secrets: { "landing-zone-secrets:gitAccessToken": "ghp_test-token" } };
const TARGET = "gcp:clouddeploy/target:Target";
const DEV_CLUSTER = "projects/acme-dev-host-123abc/locations/europe-west1/clusters/acme-dev-gke";

describe("components/gcp/pipeline", () => {
    it("Cloud Build runs as a dedicated service account and pushes to the platform's Artifact Registry, tagged by build id", async () => {
        const rec = await runDomain({ environment: "dev", ...CONNECTED }, TOKEN);
        const buildSa = rec.one("gcp:serviceaccount/account:Account", "build-sa");
        const trigger = rec.one(TRIGGER);
        const inputs = rec.inputs(trigger);
        assert.ok(trigger.dependencies.includes(buildSa.urn), "the trigger runs as the build service account");
        assert.equal(inputs.project, DOMAIN_PROJECT);
        // Immutable tags and unique release names: a rebuild of the same commit is a new build id.
        const image = `europe-west1-docker.pkg.dev/${HOST}/acme-prod/orders:$BUILD_ID`;
        assert.deepEqual(inputs.build.images, [image]);
        assert.equal(inputs.build.options.logging, "CLOUD_LOGGING_ONLY");
        const steps = inputs.build.steps as { id: string; args: string[] }[];
        assert.deepEqual(steps.map((s) => s.id), ["build", "push", "release"]);
        assert.ok(steps[2].args.some((a) => a.startsWith("--delivery-pipeline=acme-dev-orders-delivery")));
        assert.ok(steps[2].args.includes("rel-$BUILD_ID"));
        assert.ok(!JSON.stringify(inputs.build).includes("SHORT_SHA"), "no commit-derived tag or release name");
        const push = rec.inputs(rec.one("gcp:artifactregistry/repositoryIamMember:RepositoryIamMember"));
        assert.equal(push.repository, REPOSITORY_ID);
        assert.equal(push.role, "roles/artifactregistry.writer");
        assert.equal(push.member, `serviceAccount:acme-dev-orders-build@${DOMAIN_PROJECT}.iam.gserviceaccount.com`);
    });

    it("second-generation GitHub connection: token in Secret Manager, the Cloud Build agent granted it first, a push trigger on the linked repository", async () => {
        const rec = await runDomain({
            environment: "prod", ...CONNECTED,
            pipeline: { source: "external", repository: "acme/orders-service", deployRepository: "acme/orders-deploy", branch: "release" },
        }, TOKEN);
        const version = rec.one("gcp:secretmanager/secretVersion:SecretVersion", "github-token");
        assert.equal(rec.inputs(version).secretData, "ghp_test-token");
        assert.match(JSON.stringify(version.inputs.secretData), /4dabf18193072939515e22adb298388d/, "the token stays a secret");
        const access = rec.one("gcp:secretmanager/secretIamMember:SecretIamMember", "github-token-agent");
        assert.equal(rec.inputs(access).role, "roles/secretmanager.secretAccessor");
        assert.equal(rec.inputs(access).member, "serviceAccount:service-000000000000@gcp-sa-cloudbuild.iam.gserviceaccount.com");
        const connection = rec.one(CONNECTION);
        assert.ok(connection.dependencies.includes(access.urn), "the agent may read the token before the connection is made");
        assert.ok(connection.dependencies.includes(version.urn));
        assert.equal(rec.inputs(connection).githubConfig.appInstallationId, 4242);
        assert.equal(rec.inputs(connection).location, "europe-west1");
        const repository = rec.one(REPOSITORY);
        assert.equal(rec.inputs(repository).remoteUri, "https://github.com/acme/orders-service.git");
        assert.ok(repository.dependencies.includes(connection.urn));
        const trigger = rec.one(TRIGGER);
        const inputs = rec.inputs(trigger);
        assert.ok(trigger.dependencies.includes(repository.urn));
        assert.deepEqual(inputs.repositoryEventConfig.push, { branch: "^release$" });
        assert.equal(inputs.github, undefined, "no first-generation GitHub trigger");
        assert.equal(inputs.triggerTemplate, undefined, "no Cloud Source Repositories trigger");
        assert.equal(inputs.location, "europe-west1");
        const steps = inputs.build.steps as { id: string; args: string[] }[];
        assert.deepEqual(steps.map((s) => s.id), ["build", "push", "manifests", "release"]);
        assert.ok(steps[2].args.includes("https://github.com/acme/orders-deploy.git"));
        assert.ok(steps[3].args.includes("--source=deploy"));
    });

    it("until the app is installed and the token set: the connection waits, no repository or trigger, and the steps are exported", async () => {
        const rec = await runDomain({ environment: "dev" });
        assert.equal(rec.ofType(TRIGGER).length, 0, "no trigger that would never fire");
        assert.equal(rec.ofType(REPOSITORY).length, 0);
        assert.equal(rec.ofType("gcp:secretmanager/secretVersion:SecretVersion").filter((v) => v.name.includes("github")).length, 0);
        assert.equal(rec.ofType(CONNECTION).length, 1, "the connection exists (its installation state shows in the console)");
        const step = rec.outputs.pipeline.nextStep as string;
        assert.match(step, /^1\) Create a GitHub token .*pulumi config set --secret landing-zone-secrets:gitAccessToken .* 2\) Install the Cloud Build GitHub App/);
        assert.match(step, /https:\/\/github\.com\/apps\/google-cloud-build/);
        assert.match(step, /landing-zone:gcp\.githubAppInstallationId/);
        // Token set, app not yet installed: one step left, still no trigger.
        const half = await runDomain({ environment: "dev" }, TOKEN);
        assert.equal(half.ofType(TRIGGER).length, 0);
        assert.match(half.outputs.pipeline.nextStep, /^1\) Install the Cloud Build GitHub App/);
        assert.doesNotMatch(half.outputs.pipeline.nextStep, /2\)/);
        const done = await runDomain({ environment: "dev", ...CONNECTED }, TOKEN);
        assert.equal(done.outputs.pipeline.nextStep, undefined, "no step left: no output");
        assert.equal(done.ofType(TRIGGER).length, 1);
    });

    it("releases are staged in the domain's own bucket (uniform access, CMEK in prod, expiring), passed explicitly, both accounts granted first", async () => {
        const rec = await runDomain({ environment: "prod", ...CONNECTED }, TOKEN);
        const bucket = rec.one(BUCKET, "releases");
        const b = rec.inputs(bucket);
        assert.equal(b.uniformBucketLevelAccess, true);
        assert.equal(b.publicAccessPrevention, "enforced");
        assert.equal(b.encryption.defaultKmsKeyName, DATA_KEY);
        assert.ok(b.lifecycleRules.some((r: { action: { type: string }; condition: { age?: number } }) => r.action.type === "Delete" && r.condition.age));
        assert.equal(bucket.protect, true);
        const grants = rec.ofType(BUCKET_IAM).filter((g) => g.name.includes("releases")).map((g) => rec.inputs(g));
        const build = `serviceAccount:acme-prod-orders-build@${DOMAIN_PROJECT}.iam.gserviceaccount.com`;
        const deploy = `serviceAccount:acme-prod-orders-deploy@${DOMAIN_PROJECT}.iam.gserviceaccount.com`;
        assert.deepEqual(grants.filter((g) => g.member === build).map((g) => g.role).sort(), ["roles/storage.legacyBucketReader", "roles/storage.objectUser"]);
        assert.deepEqual(grants.filter((g) => g.member === deploy).map((g) => g.role), ["roles/storage.objectUser"]);
        const trigger = rec.one(TRIGGER);
        const release = (rec.inputs(trigger).build.steps as { id: string; args: string[] }[]).find((s) => s.id === "release")!;
        assert.ok(release.args.includes(`--gcs-source-staging-dir=gs://${b.name}/source`));
        const target = rec.one(TARGET);
        assert.equal(rec.inputs(target).executionConfigs[0].artifactStorage, `gs://${b.name}/artifacts`);
        for (const g of rec.ofType(BUCKET_IAM).filter((r) => r.name.includes("releases"))) {
            assert.ok(trigger.dependencies.includes(g.urn) && target.dependencies.includes(g.urn), `${g.name} is granted before use`);
        }
        const dev = await runDomain({ environment: "dev" });
        assert.equal(dev.inputs(dev.one(BUCKET, "releases")).encryption, undefined);
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
        assert.equal(rec.ofType(CONNECTION).length, 0);
        assert.equal(rec.ofType(TARGET).length, 0);
    });

    it("exports pipeline name, source, image repository and the namespace (fabricated outputs)", async () => {
        const rec = await runDomain({ environment: "dev" }, { preview: false });
        const { nextStep, ...rest } = rec.outputs.pipeline;
        assert.deepEqual(rest, {
            name: "acme-dev-orders-delivery",
            sourceRepository: "acme/orders-service",
            imageRepository: `europe-west1-docker.pkg.dev/${HOST}/acme-prod/orders`,
            targetNamespace: "orders",
        });
        assert.match(nextStep, /^1\) .* 2\) /);
    });
});
