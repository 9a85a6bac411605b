import type * as pulumi from "@pulumi/pulumi";
import type { DataLayout } from "../config/types";

/** One shard of the sharded layout (or the only "shard" of the others). */
export interface ShardEndpoints {
    index: number;
    writer: pulumi.Output<string>;
    readers: pulumi.Output<string>[];
}

/**
 * Where the application finds its credentials: a reference, never the secret itself. `kind` says
 * how to use it (a secret store entry, or identity-based auth with no password at all).
 */
export interface CredentialsReference {
    kind: "aws-secrets-manager" | "azure-entra-id" | "gcp-iam";
    /** Secret ARN / Entra principal / IAM user: what to look up or log in as. */
    reference: pulumi.Output<string>;
}

/** The managed PostgreSQL contract, for every data layout. */
export interface DatabaseOutputs {
    layout: DataLayout;
    engineVersion: string;
    port: number;
    databaseName: string;
    /** Writer endpoint of shard 0 (the only primary outside the sharded layout). */
    primaryEndpoint: pulumi.Output<string>;
    /** Reader endpoints of shard 0. */
    readerEndpoints: pulumi.Output<string>[];
    /** The shard map for the application's router: one entry per primary. */
    shards: ShardEndpoints[];
    credentials: CredentialsReference;
    /** Zones the primaries and replicas are placed in (HA standbys included). */
    zones: string[];
}
