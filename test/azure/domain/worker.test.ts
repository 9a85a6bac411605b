import { strict as assert } from "node:assert";
import { BROAD_ROLES } from "../../../components/azure/identity";
import { BUILTIN_ROLES } from "../../../components/azure/rbac";
import { ncrontab, ONE_DEPLOY_API_VERSION } from "../../../components/azure/worker";
import { fabricatedId, fakeExports, runDomain } from "./fake-platform";
import { assertWaitsForGrant } from "../propagation";

const APP = "azure-native:web:WebApp";
const PLAN = "azure-native:web:AppServicePlan";
const ROLE = "azure-native:authorization:RoleAssignment";

const worker = {
    environment: "prod" as const,
    queue: { visibilityTimeoutSeconds: 180 },
    worker: { enabled: true, artifact: "worker-1.4.2.zip", timeoutSeconds: 30, batchSize: 10, maxConcurrency: 20, schedule: "0 2 * * *" },
};
const setting = (app: Record<string, any>, name: string) => (app.siteConfig.appSettings as { name: string; value: unknown }[]).find((s) => s.name === name)?.value;

describe("components/azure/worker.ts", () => {
    it("is absent unless worker.enabled", async () => {
        const rec = await runDomain({ environment: "prod" });
        assert.deepEqual(rec.ofType(APP), []);
    });

    it("runs on a zone-redundant Flex Consumption plan with a maximum instance count and the runtime", async () => {
        const rec = await runDomain(worker);
        const plan = rec.inputs(rec.one(PLAN));
        assert.deepEqual(plan.sku, { name: "FC1", tier: "FlexConsumption" });
        assert.equal(plan.zoneRedundant, true);
        const app = rec.inputs(rec.one(APP));
        assert.equal(app.kind, "functionapp,linux");
        assert.equal(app.functionAppConfig.scaleAndConcurrency.maximumInstanceCount, 20);
        assert.deepEqual(app.functionAppConfig.scaleAndConcurrency.alwaysReady, []);
        assert.deepEqual(app.functionAppConfig.runtime, { name: "node", version: "22" });
    });

    it("is private: public network access off, VNet integration in the platform's delegated subnet, all traffic routed", async () => {
        const rec = await runDomain(worker);
        const app = rec.inputs(rec.one(APP));
        assert.equal(app.publicNetworkAccess, "Disabled");
        assert.equal(app.httpsOnly, true);
        assert.equal(app.virtualNetworkSubnetId, (fakeExports.extras as any).subnets.functions);
        assert.deepEqual(app.outboundVnetRouting, { allTraffic: true });
    });

    it("connects to Service Bus and its storage by identity: no connection string, no key", async () => {
        const rec = await runDomain(worker, { preview: false });
        const app = rec.inputs(rec.one(APP));
        const identity = rec.one("azure-native:managedidentity:UserAssignedIdentity", "worker-identity");
        assert.deepEqual(app.identity.userAssignedIdentities, [fabricatedId(identity)]);
        assert.equal(setting(app, "ServiceBusConnection__credential"), "managedidentity");
        assert.match(String(setting(app, "ServiceBusConnection__fullyQualifiedNamespace")), /\.servicebus\.windows\.net$/);
        assert.equal(setting(app, "AzureWebJobsStorage__credential"), "managedidentity");
        assert.equal(app.functionAppConfig.deployment.storage.authentication.type, "UserAssignedIdentity");
        const names = (app.siteConfig.appSettings as { name: string }[]).map((s) => s.name);
        assert.ok(!names.some((n) => /^AzureWebJobsStorage$|ServiceBusConnection$/.test(n)), names.join(", "));
    });

    it("sets the invocation timeout, the batch and the timer schedule as host settings", async () => {
        const app = (await runDomain(worker, { preview: false })).inputs((await runDomain(worker, { preview: false })).one(APP));
        assert.equal(setting(app, "AzureFunctionsJobHost__functionTimeout"), "00:00:30");
        assert.equal(setting(app, "AzureFunctionsJobHost__extensions__serviceBus__maxMessageBatchSize"), "10");
        assert.equal(setting(app, "WORKER_SCHEDULE"), "0 0 2 * * *");
        assert.equal(ncrontab("*/5 * * * 1-5"), "0 */5 * * * 1-5");
    });

    it("sends telemetry to Application Insights on the central workspace, local auth off", async () => {
        const rec = await runDomain(worker);
        const insights = rec.inputs(rec.one("azure-native:applicationinsights:Component"));
        assert.equal(insights.workspaceResourceId, (fakeExports.extras as any).logAnalyticsWorkspaceId);
        assert.equal(insights.disableLocalAuth, true);
    });

    it("grants its own identity only: queue receiver, host storage, telemetry; granted before the app exists", async () => {
        const rec = await runDomain(worker, { preview: false });
        const grants = rec.ofType(ROLE).filter((r) => r.name.startsWith("orders-worker"));
        const roles = grants.map((g) => String(rec.inputs(g).roleDefinitionId).split("/").pop()).sort();
        assert.deepEqual(roles, [BUILTIN_ROLES.monitoringMetricsPublisher, BUILTIN_ROLES.serviceBusDataReceiver, BUILTIN_ROLES.storageBlobDataOwner].sort());
        assert.ok(!roles.some((r) => Object.values(BROAD_ROLES).includes(r as never)));
        assert.equal(rec.inputs(grants.find((g) => g.name.includes("queue-receiver"))!).scope, fabricatedId(rec.one("azure-native:servicebus:Queue")));
        for (const grant of grants) assertWaitsForGrant(rec, rec.one(APP), grant);
    });

    it("keeps always-ready instances for the worker function (cold-start option), within the cap", async () => {
        const rec = await runDomain({ ...worker, worker: { ...worker.worker, warmInstances: 2 } });
        const scale = rec.inputs(rec.one(APP)).functionAppConfig.scaleAndConcurrency;
        assert.deepEqual(scale.alwaysReady, [{ name: "function:worker", instanceCount: 2 }]);
        // Always-ready instances do not count toward the Flex maximum instance count: 2 + 18 = maxConcurrency.
        assert.equal(scale.maximumInstanceCount, 18);
        const cold = (await runDomain(worker)).inputs((await runDomain(worker)).one(APP)).functionAppConfig.scaleAndConcurrency;
        assert.equal(cold.maximumInstanceCount, 20);
    });

    it("tells the pipeline to ship the package through ARM One Deploy: with public access off nothing reaches the app's SCM site", async () => {
        const rec = await runDomain(worker);
        const app = rec.inputs(rec.one(APP));
        const step = rec.outputs!.worker!.nextStep;
        assert.equal(app.publicNetworkAccess, "Disabled");
        // config-zip, the Functions action and func publish all push to the SCM site the app does not expose.
        assert.ok(!/config-zip --|source config-zip|functions-action|func azure functionapp publish/.test(step), step);
        assert.ok(step.includes(`/extensions/onedeploy?api-version=${ONE_DEPLOY_API_VERSION}`), step);
        assert.ok(step.includes(`name=='${app.name}'`), "names the worker app");
        assert.ok(step.includes("worker-1.4.2.zip"), "names the package worker.artifact records");
        assert.ok(step.includes('"packageUri"'), step);
    });
});
