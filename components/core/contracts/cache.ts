import type * as pulumi from "@pulumi/pulumi";

/** The session cache (Redis): kept off the application servers. */
export interface CacheOutputs {
    endpoint: pulumi.Output<string>;
    port: number;
    /** Where the AUTH token / access key lives (a reference, never the value). */
    authReference: pulumi.Output<string>;
    /** Where the server CA certificate clients verify TLS with lives, when the cache has a CA of its own (a reference). */
    caReference?: pulumi.Output<string>;
    /** Replicas besides the primary; > 0 means automatic failover. */
    replicas: number;
    tls: true;
}
