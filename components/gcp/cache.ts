import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import type { CacheOutputs } from "../core/contracts";
import { childName } from "../core/naming";
import { sizeFor } from "../core/sizes";
import { domainLabels, domainZones, type GcpDomainArgs } from "./domain-platform";

export interface GcpCacheResult {
    outputs: CacheOutputs;
    instance: gcp.redis.Instance;
    /** Secret Manager secret holding the AUTH string (the workload reads it; nothing else does). */
    authSecret: gcp.secretmanager.Secret;
    /** Secret Manager secret holding the instance's server CA certificates (PEM): clients verify TLS with them. */
    caSecret: gcp.secretmanager.Secret;
}

/** The session cache: Memorystore for Redis on the Shared VPC through private services access. */
export class GcpCache extends pulumi.ComponentResource {
    readonly outputs: CacheOutputs;
    readonly authSecretId: pulumi.Output<string>;
    readonly caSecretId: pulumi.Output<string>;

    constructor(name: string, args: GcpDomainArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:gcp:Cache", name, {}, opts);
        const result = createCache(name, this, args);
        this.outputs = result.outputs;
        this.authSecretId = result.authSecret.secretId;
        this.caSecretId = result.caSecret.secretId;
        this.registerOutputs({ endpoint: result.outputs.endpoint, authReference: result.outputs.authReference, caReference: result.outputs.caReference });
    }
}

/** The PEM bundle of an instance's server CA certificates (all of them: one may be rotating in). */
export function serverCaBundle(certs: { cert?: string }[]): string {
    return certs.map((c) => c.cert?.trim()).filter((c): c is string => !!c).join("\n") + "\n";
}

/** Read replicas need at least 5 GB of memory; below that STANDARD_HA keeps its one standby. */
const READ_REPLICAS_MIN_GB = 5;

export function createCache(name: string, parent: pulumi.Resource, args: GcpDomainArgs): GcpCacheResult {
    const { ctx, platform } = args;
    const cache = ctx.config.cache;
    const zones = domainZones(ctx);
    const memorySizeGb = sizeFor("gcp", cache.size).cacheCapacity ?? 1;
    const ha = cache.replicas > 0;
    const readReplicas = ha && memorySizeGb >= READ_REPLICAS_MIN_GB;
    const replicas = !ha ? 0 : readReplicas ? cache.replicas : 1;
    const labels = domainLabels(ctx);

    const instance = new gcp.redis.Instance(childName(name, "redis"), {
        project: platform.project,
        region: ctx.config.region,
        name: ctx.naming.physical("gcp.redisInstance", "sessions"),
        displayName: `${ctx.config.domain ?? "domain"} sessions`,
        tier: ha ? "STANDARD_HA" : "BASIC",
        memorySizeGb,
        redisVersion: "REDIS_7_2",
        locationId: zones[0],
        alternativeLocationId: ha && zones.length > 1 ? zones[1] : undefined,
        replicaCount: readReplicas ? replicas : undefined,
        readReplicasMode: readReplicas ? "READ_REPLICAS_ENABLED" : undefined,
        // On the Shared VPC through private services access; TLS with server authentication; AUTH on.
        connectMode: "PRIVATE_SERVICE_ACCESS",
        authorizedNetwork: platform.networkSelfLink,
        reservedIpRange: platform.privateServicesRange,
        transitEncryptionMode: "SERVER_AUTHENTICATION",
        authEnabled: true,
        persistenceConfig: ha ? { persistenceMode: "RDB", rdbSnapshotPeriod: "TWELVE_HOURS" } : undefined,
        maintenancePolicy: { weeklyMaintenanceWindows: [{ day: "SUNDAY", startTime: { hours: 3, minutes: 0 } }] },
        labels,
    }, { parent });

    // The AUTH string goes to Secret Manager (kept in the region); outputs carry only the reference.
    const authSecret = new gcp.secretmanager.Secret(childName(name, "auth"), {
        project: platform.project,
        secretId: ctx.naming.physical("gcp.generic", "redis", "auth"),
        replication: { userManaged: { replicas: [{ location: ctx.config.region }] } },
        labels,
    }, { parent });
    new gcp.secretmanager.SecretVersion(childName(name, "auth-version"), {
        secret: authSecret.id,
        secretData: pulumi.secret(instance.authString),
    }, { parent });

    // SERVER_AUTHENTICATION: the instance presents a certificate of its own CA, which clients must
    // trust. The CA certificates go next to the AUTH string, in the same region, for the same reader.
    const caSecret = new gcp.secretmanager.Secret(childName(name, "ca"), {
        project: platform.project,
        secretId: ctx.naming.physical("gcp.generic", "redis", "ca"),
        replication: { userManaged: { replicas: [{ location: ctx.config.region }] } },
        labels,
    }, { parent });
    new gcp.secretmanager.SecretVersion(childName(name, "ca-version"), {
        secret: caSecret.id,
        secretData: instance.serverCaCerts.apply((certs) => serverCaBundle(certs ?? [])),
    }, { parent });

    return {
        instance,
        authSecret,
        caSecret,
        outputs: {
            endpoint: instance.host,
            // TLS (SERVER_AUTHENTICATION) serves on 6378.
            port: 6378,
            authReference: pulumi.interpolate`projects/${authSecret.project}/secrets/${authSecret.secretId}`,
            caReference: pulumi.interpolate`projects/${caSecret.project}/secrets/${caSecret.secretId}`,
            replicas,
            tls: true,
        },
    };
}
