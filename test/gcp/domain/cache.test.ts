import { strict as assert } from "node:assert";
import { serverCaBundle } from "../../../components/gcp/cache";
import { DOMAIN_PROJECT, runDomain } from "./fake-platform";

const REDIS = "gcp:redis/instance:Instance";

describe("components/gcp/cache", () => {
    it("prod: STANDARD_HA with read replicas across two zones, TLS, AUTH, private services access on the Shared VPC", async () => {
        const rec = await runDomain({ environment: "prod" });
        const redis = rec.inputs(rec.one(REDIS));
        assert.equal(redis.project, DOMAIN_PROJECT);
        assert.equal(redis.tier, "STANDARD_HA");
        assert.equal(redis.replicaCount, 2);
        assert.equal(redis.readReplicasMode, "READ_REPLICAS_ENABLED");
        assert.notEqual(redis.locationId, redis.alternativeLocationId);
        assert.ok(redis.alternativeLocationId);
        assert.equal(redis.transitEncryptionMode, "SERVER_AUTHENTICATION");
        assert.equal(redis.authEnabled, true);
        assert.equal(redis.connectMode, "PRIVATE_SERVICE_ACCESS");
        assert.match(redis.authorizedNetwork, /\/global\/networks\/acme-prod-vpc$/);
        assert.equal(redis.reservedIpRange, "acme-prod-psa");
        assert.equal(redis.memorySizeGb, 5);
        assert.equal(redis.labels.environment, "prod");
    });

    it("TLS clients can verify the server: its CA certificates in Secret Manager next to the AUTH string, readable by the workload", async () => {
        const rec = await runDomain({ environment: "prod" }, { preview: false });
        const instance = rec.one(REDIS);
        const secret = rec.one("gcp:secretmanager/secret:Secret", "cache-ca");
        assert.equal(rec.inputs(secret).secretId, "acme-prod-orders-redis-ca");
        assert.deepEqual(rec.inputs(secret).replication, { userManaged: { replicas: [{ location: "europe-west1" }] } });
        const version = rec.one("gcp:secretmanager/secretVersion:SecretVersion", "cache-ca-version");
        assert.ok(version.dependencies.includes(instance.urn), "the bundle is read from the instance's serverCaCerts");
        const grant = rec.inputs(rec.one("gcp:secretmanager/secretIamMember:SecretIamMember", "access-cache-ca"));
        assert.equal(grant.role, "roles/secretmanager.secretAccessor");
        // The pods read it as themselves: the vended ServiceAccount as a Workload Identity Federation principal.
        assert.match(grant.member, /^principal:\/\/iam\.googleapis\.com\/projects\/[0-9]+\/locations\/global\/workloadIdentityPools\/[^/]+\/subject\/ns\/orders\/sa\/workload$/);
        assert.equal(rec.outputs.cache.caReference, `projects/${DOMAIN_PROJECT}/secrets/acme-prod-orders-redis-ca`);
        // Every certificate (one may be rotating in), as one PEM bundle.
        assert.equal(serverCaBundle([{ cert: "-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----\n" }, { cert: "B" }, {}]),
            "-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----\nB\n");
    });

    it("dev: BASIC (no replicas), still TLS + AUTH + private", async () => {
        const rec = await runDomain({ environment: "dev" });
        const redis = rec.inputs(rec.one(REDIS));
        assert.equal(redis.tier, "BASIC");
        assert.equal(redis.replicaCount, undefined);
        assert.equal(redis.transitEncryptionMode, "SERVER_AUTHENTICATION");
        assert.equal(redis.authEnabled, true);
        assert.equal(redis.connectMode, "PRIVATE_SERVICE_ACCESS");
    });

    it("a small cache with replicas is STANDARD_HA with its one standby (read replicas need 5 GB)", async () => {
        const rec = await runDomain({ environment: "dev", cache: { replicas: 2, size: "small" } }, { preview: false });
        const redis = rec.inputs(rec.one(REDIS));
        assert.equal(redis.tier, "STANDARD_HA");
        assert.equal(redis.readReplicasMode, undefined);
        assert.equal(rec.outputs.cache.replicas, 1);
    });

    it("keeps the AUTH string in a regional Secret Manager secret; outputs carry only its reference", async () => {
        const rec = await runDomain({ environment: "prod" }, { preview: false });
        const secret = rec.inputs(rec.one("gcp:secretmanager/secret:Secret", "cache-auth"));
        assert.deepEqual(secret.replication.userManaged.replicas, [{ location: "europe-west1" }]);
        const version = rec.one("gcp:secretmanager/secretVersion:SecretVersion", "cache-auth");
        assert.ok(version.dependencies.includes(rec.one(REDIS).urn));
        assert.equal(rec.outputs.cache.authReference, `projects/${DOMAIN_PROJECT}/secrets/${secret.secretId}`);
        assert.equal(rec.outputs.cache.port, 6378);
        assert.equal(rec.outputs.cache.tls, true);
        assert.ok(!JSON.stringify(rec.outputs).includes("authString"));
    });

    it("cache.enabled false: no Memorystore, no cache output", async () => {
        const rec = await runDomain({ environment: "dev", cache: { enabled: false } }, { preview: false });
        assert.equal(rec.ofType(REDIS).length, 0);
        assert.equal(rec.outputs.cache, undefined);
    });
});
