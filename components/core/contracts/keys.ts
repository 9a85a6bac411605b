import type * as pulumi from "@pulumi/pulumi";

/** What a key is used for: one customer-managed key per purpose, rotated. */
export type KeyPurpose = "data" | "logs" | "cluster" | "registry";
export const KEY_PURPOSES: readonly KeyPurpose[] = ["data", "logs", "cluster", "registry"];

export interface KeysOutputs {
    /** Key id / ARN / resource id per purpose. */
    keyIds: Record<KeyPurpose, pulumi.Output<string>>;
    rotationDays: number;
}
