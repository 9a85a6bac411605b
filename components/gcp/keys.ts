import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import type { KeyPurpose, KeysOutputs, StackContext } from "../core/contracts";
import { KEY_PURPOSES } from "../core/contracts";
import { childName } from "../core/naming";

/** A service agent that encrypts with a key (e.g. the Cloud SQL agent of the orders project on `data`). */
export interface KeyGrant {
    purpose: KeyPurpose;
    /** Short, stable label for the logical name (`orders-sql`). */
    label: string;
    /** IAM member (`serviceAccount:...`). */
    member: pulumi.Input<string>;
}

export interface KeysArgs {
    ctx: StackContext;
    projectId: pulumi.Input<string>;
    /**
     * The key ring the keys go in, when another stack owns it (the organization's per-environment
     * ring in its security project, `environments.<env>.keyRingId`); otherwise a ring is created in
     * `projectId`.
     */
    keyRingId?: pulumi.Input<string>;
    grants: KeyGrant[];
    /** Enabled APIs the key ring needs (Cloud KMS). */
    apis: pulumi.Resource[];
    /**
     * Also a `data` key in this multi-region KMS location (`europe`, `us`, `asia`), for
     * geo-redundant buckets: GCS takes only a key of the bucket's own location. Granted to the
     * `data` grants labelled `*-storage`.
     */
    geoLocation?: string;
    /**
     * The multi-region key ring the geo `data` key goes in, when another stack owns it (the
     * organization's ring, `environments.<env>.geoKeyRingId`); otherwise a ring is created in
     * `projectId`. Used only with `geoLocation`.
     */
    geoKeyRingId?: pulumi.Input<string>;
}

export interface KeysResult extends KeysOutputs {
    /** The multi-region `data` key, when `geoLocation` was given. */
    geoDataKeyId?: pulumi.Output<string>;
    keys: Record<KeyPurpose, gcp.kms.CryptoKey>;
    /** The IAM grants on each key: users of a key depend on them. */
    grants: Record<KeyPurpose, gcp.kms.CryptoKeyIAMMember[]>;
}

export const ENCRYPTER_DECRYPTER = "roles/cloudkms.cryptoKeyEncrypterDecrypter";

/**
 * One rotated key per purpose in a KMS key ring in the region (next to what it encrypts): the
 * organization's ring for the environment when there is one, else a ring of the platform's own.
 */
export class GcpKeys extends pulumi.ComponentResource {
    readonly result: KeysResult;

    constructor(name: string, args: KeysArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:gcp:Keys", name, {}, opts);
        this.result = createKeys(name, this, args);
        this.registerOutputs({ keyIds: this.result.keyIds });
    }
}

export function createKeys(name: string, parent: pulumi.Resource, args: KeysArgs): KeysResult {
    const { config, naming } = args.ctx;
    const prod = config.environment === "prod";
    // Key rings and keys cannot be deleted in GCP; destroying only schedules the key versions.
    const stateful = { parent, protect: config.protectStateful };
    // Keys in the organization's ring are protected in every environment: the foundation team's
    // ring outlives the platform, and a destroy would schedule the key material's end.
    const keyOpts = { parent, protect: config.protectStateful || args.keyRingId !== undefined };
    const ringId = args.keyRingId ?? new gcp.kms.KeyRing(childName(name, "ring"), {
        project: args.projectId,
        name: naming.physical("gcp.generic", "keys"),
        location: config.region,
    }, { ...stateful, dependsOn: args.apis }).id;
    const keys = {} as Record<KeyPurpose, gcp.kms.CryptoKey>;
    const grants = {} as Record<KeyPurpose, gcp.kms.CryptoKeyIAMMember[]>;
    for (const purpose of KEY_PURPOSES) {
        const key = new gcp.kms.CryptoKey(childName(name, purpose), {
            keyRing: ringId,
            name: purpose,
            purpose: "ENCRYPT_DECRYPT",
            rotationPeriod: `${config.keys.rotationDays * 86400}s`,
            versionTemplate: { algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION", protectionLevel: "SOFTWARE" },
            // Time to undo a mistaken destroy before key material is gone for good.
            destroyScheduledDuration: prod ? `${30 * 86400}s` : `${7 * 86400}s`,
        }, keyOpts);
        keys[purpose] = key;
        grants[purpose] = args.grants.filter((g) => g.purpose === purpose).map((g) =>
            new gcp.kms.CryptoKeyIAMMember(childName(name, purpose, g.label), {
                cryptoKeyId: key.id,
                role: ENCRYPTER_DECRYPTER,
                member: g.member,
            }, { parent }));
    }
    let geoDataKeyId: pulumi.Output<string> | undefined;
    if (args.geoLocation) {
        const geoRingId = args.geoKeyRingId ?? new gcp.kms.KeyRing(childName(name, "geo-ring"), {
            project: args.projectId,
            name: naming.physical("gcp.generic", "keys"),
            location: args.geoLocation,
        }, { ...stateful, dependsOn: args.apis }).id;
        const geoKey = new gcp.kms.CryptoKey(childName(name, "geo-data"), {
            keyRing: geoRingId,
            name: "data",
            purpose: "ENCRYPT_DECRYPT",
            rotationPeriod: `${config.keys.rotationDays * 86400}s`,
            versionTemplate: { algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION", protectionLevel: "SOFTWARE" },
            destroyScheduledDuration: prod ? `${30 * 86400}s` : `${7 * 86400}s`,
        }, { parent, protect: config.protectStateful || args.geoKeyRingId !== undefined });
        for (const g of args.grants.filter((grant) => grant.purpose === "data" && grant.label.endsWith("-storage"))) {
            grants.data.push(new gcp.kms.CryptoKeyIAMMember(childName(name, "geo-data", g.label), {
                cryptoKeyId: geoKey.id,
                role: ENCRYPTER_DECRYPTER,
                member: g.member,
            }, { parent }));
        }
        geoDataKeyId = geoKey.id;
    }
    const keyIds = Object.fromEntries(KEY_PURPOSES.map((p) => [p, keys[p].id])) as Record<KeyPurpose, pulumi.Output<string>>;
    return { keyIds, rotationDays: config.keys.rotationDays, keys, grants, geoDataKeyId };
}
