import { strict as assert } from "node:assert";
import { GIT_TOKEN_CONFIG } from "../../../components/azure/pipeline";
import { isSecret } from "../../../tools/mock-engine";
import { Recorded, runStackConfig } from "../../harness";
import { domainConfig, fakeExports, runDomain } from "./fake-platform";

const TASK = "azure-native:containerregistry:Task";
const EXTENSION = "azure-native:kubernetesconfiguration:Extension";
const FLUX_CONFIG = "azure-native:kubernetesconfiguration:FluxConfiguration";

describe("components/azure/pipeline", () => {
    it("builds and pushes the domain image with an ACR Task on commits to the domain repository", async () => {
        const rec = await runDomain({ environment: "prod", pipeline: { source: "external", repository: "acme/orders-service", branch: "release" } });
        const task = rec.inputs(rec.one(TASK));
        assert.equal(task.registryName, "acmedevacr");
        assert.equal(task.resourceGroupName, "acme-dev-shared");
        const trigger = task.trigger.sourceTriggers[0];
        assert.deepEqual(trigger.sourceTriggerEvents, ["commit"]);
        assert.equal(trigger.status, "Enabled");
        assert.equal(trigger.sourceRepository.repositoryUrl, "https://github.com/acme/orders-service.git");
        assert.equal(trigger.sourceRepository.branch, "release");
        assert.equal(trigger.sourceRepository.sourceControlType, "Github");
        assert.equal(task.step.type, "Docker");
        assert.equal(task.step.isPushEnabled, true);
        assert.ok(task.step.imageNames.every((n: string) => n.startsWith("orders:")));
        // Public access is off on the registry: the task pushes as its own identity (a trusted service), with AcrPush.
        assert.equal(task.credentials.sourceRegistry.loginMode, "None");
        assert.deepEqual(task.credentials.customRegistries, { "acmedevacr.azurecr.io": { identity: "[system]" } });
        assert.equal(task.identity.type, "SystemAssigned");
    });

    it("grants AcrPush on the platform registry to the task's own identity, once the task exists", async () => {
        const rec = await runDomain({ environment: "dev" }, { preview: false });
        const push = rec.one("azure-native:authorization:RoleAssignment", "build-push");
        const grant = rec.inputs(push);
        assert.equal(grant.scope, (fakeExports.extras as { acrId: string }).acrId);
        assert.match(grant.roleDefinitionId, /\/roleDefinitions\/8311e382-0749-4cb8-b61a-304f252e45ec$/);
        assert.equal(grant.principalType, "ServicePrincipal");
        assert.ok(push.dependencies.includes(rec.one(TASK).urn), "the principal is the task's identity");
    });

    it("delivers the deploy repository with Flux into the domain namespace only", async () => {
        const rec = await runDomain({ environment: "dev" });
        // The cluster-wide Flux extension is the platform's (a cluster takes one); the domain adds none.
        assert.equal(rec.ofType(EXTENSION).length, 0);
        const flux = rec.one(FLUX_CONFIG);
        const config = rec.inputs(flux);
        // Without a token the deploy repository must be public: no credentials are sent.
        assert.equal(config.gitRepository.httpsUser, undefined);
        assert.equal(config.configurationProtectedSettings, undefined);
        assert.equal(config.scope, "namespace");
        assert.equal(config.namespace, "orders");
        assert.equal(config.sourceKind, "GitRepository");
        assert.equal(config.gitRepository.url, "https://github.com/acme/orders-deploy.git");
        assert.ok(Object.values(config.kustomizations as Record<string, { prune: boolean }>).every((k) => k.prune));
        assert.equal(config.clusterName, "acme-dev-aks");
        assert.equal(config.resourceGroupName, "acme-dev-cluster");
        assert.equal(rec.outputs!.pipeline!.targetNamespace, "orders");
    });

    it("reads the Git token from secret config only and keeps it secret", async () => {
        const result = await runStackConfig("orders-azure-dev", domainConfig({ environment: "dev" }), {
            stackReferences: { "platform-azure-dev": fakeExports },
            extra: { [`${GIT_TOKEN_CONFIG.namespace}:${GIT_TOKEN_CONFIG.key}`]: { secure: "v1:ciphertext" } },
        });
        const rec = new Recorded(result.resources);
        const task = rec.one(TASK);
        // The engine marks the whole trigger secret once a value inside it is.
        assert.ok(isSecret(task.inputs.trigger), "the trigger carrying the token is secret");
        assert.ok(isSecret((task.inputs.step as { contextAccessToken: unknown }).contextAccessToken), "the build context token is secret");
        const auth = rec.inputs(task).trigger.sourceTriggers[0].sourceRepository.sourceControlAuthProperties;
        assert.equal(auth.tokenType, "PAT");
        // Flux reads the private deploy repository with the same token: a protected (secret) setting.
        const flux = rec.one(FLUX_CONFIG);
        assert.equal(rec.inputs(flux).gitRepository.httpsUser, "git");
        assert.ok(isSecret(flux.inputs.configurationProtectedSettings), "the Flux HTTPS key is secret");
        assert.ok(rec.inputs(flux).configurationProtectedSettings.httpsKey, "the key is set");
        assert.ok(!JSON.stringify(result.outputs).includes("v1:ciphertext"));
    });

    it("uses Azure Repos for a managed source (Azure has no managed Git host of its own in ARM)", async () => {
        const rec = await runDomain({ environment: "dev", pipeline: { source: "managed", repository: "orders-service", deployRepository: "orders-deploy" } });
        const trigger = rec.inputs(rec.one(TASK)).trigger.sourceTriggers[0];
        assert.equal(trigger.sourceRepository.sourceControlType, "VisualStudioTeamService");
        assert.equal(trigger.sourceRepository.repositoryUrl, "https://dev.azure.com/acme/orders/_git/orders-service");
    });

    it("is left out when pipeline.enabled is false", async () => {
        const rec = await runDomain({ environment: "dev", pipeline: { enabled: false } });
        assert.equal(rec.ofType(TASK).length + rec.ofType(FLUX_CONFIG).length, 0);
        assert.equal(rec.outputs!.pipeline, undefined);
    });
});
