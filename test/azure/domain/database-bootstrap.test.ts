import { strict as assert } from "node:assert";
import { appRolesValue, BOOTSTRAP_SCRIPT } from "../../../components/azure/database-bootstrap";
import { DATABASE_ADMINS, fabricatedId, fakeExports, runDomain, WORKLOAD_PRINCIPAL_ID } from "./fake-platform";

const ADMIN = "azure-native:dbforpostgresql:AdministratorsMicrosoftEntra";
const JOB = "azure-native:containerinstance:ContainerGroup";
const IDENTITY = "azure-native:managedidentity:UserAssignedIdentity";
const sharded = { environment: "prod" as const, database: { layout: "sharded" as const, shards: 2, replicas: 1 } };

describe("components/azure/database-bootstrap", () => {
    it("makes the configured group and a bootstrap identity the administrators of every primary, never the workload", async () => {
        const rec = await runDomain(sharded, { preview: false });
        // The workload identity is the platform's (vended with the domain's home).
        const workload = (fakeExports.homes as { orders: { workloadIdentityName: string } }).orders.workloadIdentityName;
        const bootstrap = rec.one(IDENTITY, "database-bootstrap");
        const admins = rec.ofType(ADMIN).map((a) => rec.inputs(a));
        const primaries = rec.ofType("azure-native:dbforpostgresql:Server").filter((s) => rec.inputs(s).createMode === "Create");
        assert.equal(primaries.length, 2);
        assert.equal(admins.length, 2 * primaries.length, "group + bootstrap on each primary; replicas inherit");
        const groups = admins.filter((a) => a.principalType === "group");
        assert.deepEqual(groups.map((g) => [g.objectId, g.principalName]), primaries.map(() => [DATABASE_ADMINS.objectId, DATABASE_ADMINS.name]));
        const services = admins.filter((a) => a.principalType === "servicePrincipal");
        assert.ok(services.every((a) => a.principalName === rec.inputs(bootstrap).resourceName));
        // The workload identity is not an administrator anywhere.
        assert.ok(admins.every((a) => a.principalName !== workload && a.objectId !== WORKLOAD_PRINCIPAL_ID));
    });

    it("adds each primary's administrators only after its database and its replicas exist (one operation per server)", async () => {
        const rec = await runDomain(sharded, { preview: false });
        for (const shard of [0, 1]) {
            const first = rec.ofType(ADMIN).find((a) => a.name.endsWith(`admin-${shard}-group`))!;
            const database = rec.ofType("azure-native:dbforpostgresql:Database").find((d) => d.name.includes(`shard${shard}-db`))!;
            assert.ok(database, `shard${shard} database`);
            assert.ok(first.dependencies.includes(database.urn), `${first.name} waits for ${database.name}`);
            const replicas = rec.ofType("azure-native:dbforpostgresql:Server").filter((r) => r.name.includes(`shard${shard}-replica`));
            assert.equal(replicas.length, 1);
            for (const replica of replicas) assert.ok(first.dependencies.includes(replica.urn), `${first.name} waits for ${replica.name}`);
            const second = rec.ofType(ADMIN).find((a) => a.name.endsWith(`admin-${shard}-bootstrap`))!;
            assert.ok(second.dependencies.includes(first.urn), "one administrator after another");
        }
    });

    it("creates the workload's role with a one-shot job inside the VNet, as the bootstrap identity, after the administrators", async () => {
        const rec = await runDomain(sharded, { preview: false });
        const job = rec.one(JOB);
        const inputs = rec.inputs(job);
        assert.equal(inputs.restartPolicy, "Never");
        assert.deepEqual(inputs.subnetIds, [{ id: (fakeExports.extras as { subnets: { jobs: string } }).subnets.jobs }]);
        const bootstrap = rec.one(IDENTITY, "database-bootstrap");
        assert.deepEqual(inputs.identity, { type: "UserAssigned", userAssignedIdentities: [fabricatedId(bootstrap)] });
        const env = Object.fromEntries(inputs.containers[0].environmentVariables.map((e: { name: string; value: string }) => [e.name, e.value]));
        // The vended identity's name (the fake platform's) and object id; no worker in this config.
        assert.equal(env.APP_ROLES, `acme-dev-orders-workload=${WORKLOAD_PRINCIPAL_ID}`);
        assert.equal(env.ADMIN_ROLE, rec.inputs(bootstrap).resourceName);
        assert.equal(env.DATABASE, "orders");
        assert.equal(env.HOSTS.split(" ").length, 2, "every primary");
        for (const admin of rec.ofType(ADMIN)) assert.ok(job.dependencies.includes(admin.urn), `${admin.name} before the job`);
        assert.match(BOOTSTRAP_SCRIPT, /for app in \$APP_ROLES; do\n\s+APP_ROLE=\$\{app%%=\*\} APP_OBJECT_ID=\$\{app#\*=\}/);
        assert.match(BOOTSTRAP_SCRIPT, /pgaadauth_create_principal_with_oid\('\$APP_ROLE', '\$APP_OBJECT_ID', 'service', false, false\)/);
        // No password anywhere: psql gets the identity's Entra token, fetched inside the job.
        assert.match(BOOTSTRAP_SCRIPT, /export PGPASSWORD="\$TOKEN"/);
        assert.ok(Object.keys(env).every((k) => !/pass|secret|key/i.test(k)), Object.keys(env).join(", "));
    });

    it("leaves the group out when none is configured (dev)", async () => {
        const rec = await runDomain({ environment: "dev", azure: { tenantId: "00000000-0000-0000-0000-000000000001" } });
        const admins = rec.ofType(ADMIN).map((a) => rec.inputs(a));
        assert.deepEqual(admins.map((a) => a.principalType), ["servicePrincipal"]);
    });

    it("creates the worker's own role too when the worker reaches data (its identity's name and object id, never an administrator)", async () => {
        const worker = { enabled: true, artifact: "worker-1.4.2.zip", timeoutSeconds: 30, maxConcurrency: 20 };
        const config = { ...sharded, queue: { visibilityTimeoutSeconds: 180 } };
        const rec = await runDomain({ ...config, worker }, { preview: false });
        const identity = rec.one(IDENTITY, "orders-worker-identity");
        const job = rec.one(JOB);
        const env = Object.fromEntries(rec.inputs(job).containers[0].environmentVariables.map((e: { name: string; value: string }) => [e.name, e.value]));
        const roles = String(env.APP_ROLES).split(" ").map((pair) => pair.split("="));
        assert.deepEqual(roles.map(([name]) => name), ["acme-dev-orders-workload", rec.inputs(identity).resourceName]);
        assert.equal(roles[0][1], WORKLOAD_PRINCIPAL_ID);
        assert.ok(job.dependencies.includes(identity.urn), "the job waits for the worker's identity (its object id)");
        assert.ok(rec.ofType(ADMIN).every((a) => rec.inputs(a).principalName !== rec.inputs(identity).resourceName));
        assert.ok(rec.outputs!.worker!.identityScope.includes("database"));
        // A worker that does not reach data gets no role and says so.
        const apart = await runDomain({ ...config, worker: { ...worker, reachesData: false } }, { preview: false });
        const apartEnv = Object.fromEntries(apart.inputs(apart.one(JOB)).containers[0].environmentVariables.map((e: { name: string; value: string }) => [e.name, e.value]));
        assert.equal(apartEnv.APP_ROLES, `acme-dev-orders-workload=${WORKLOAD_PRINCIPAL_ID}`);
        assert.ok(!apart.outputs!.worker!.identityScope.includes("database"));
    });

    it("writes APP_ROLES as name=objectId pairs the script splits", async () => {
        const value = await new Promise<string>((resolve) => appRolesValue([{ name: "a-workload", objectId: "1" }, { name: "a-worker-id", objectId: "2" }]).apply(resolve));
        assert.equal(value, "a-workload=1 a-worker-id=2");
    });
});
