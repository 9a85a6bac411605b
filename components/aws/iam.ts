import * as pulumi from "@pulumi/pulumi";
import { stableHash } from "../core/naming";

/** The ARN of role `name` in an account (the role need not exist yet). */
export function roleArn(partition: string, accountId: pulumi.Input<string>, name: string): pulumi.Output<string> {
    return pulumi.interpolate`arn:${partition}:iam::${accountId}:role/${name}`;
}

/** An account's root as principal, narrowed to named principals by `aws:PrincipalArn`. */
export interface NarrowedAccountPrincipal<T> {
    Principal: { AWS: T };
    Condition: Record<string, Record<string, unknown>>;
}

/**
 * The principal part of a statement that admits named roles of another account: the account as
 * principal (valid whether or not the roles exist yet; a role principal must exist) and only those
 * roles (`aws:PrincipalArn`; `ArnLike` for a path of roles). Plain strings in, plain strings out,
 * so it fits `JSON.stringify` as well as `pulumi.jsonStringify`.
 */
export function rolesOfAccount(partition: string, accountId: string, roleArns: string | string[],
    operator?: "ArnEquals" | "ArnLike"): NarrowedAccountPrincipal<string>;
export function rolesOfAccount(partition: string, accountId: pulumi.Input<string>, roleArns: pulumi.Input<string> | pulumi.Input<pulumi.Input<string>[]>,
    operator?: "ArnEquals" | "ArnLike"): NarrowedAccountPrincipal<pulumi.Input<string>>;
export function rolesOfAccount(partition: string, accountId: pulumi.Input<string>, roleArns: unknown,
    operator: "ArnEquals" | "ArnLike" = "ArnEquals"): NarrowedAccountPrincipal<pulumi.Input<string>> {
    const root = typeof accountId === "string" ? `arn:${partition}:iam::${accountId}:root` : pulumi.interpolate`arn:${partition}:iam::${accountId}:root`;
    return { Principal: { AWS: root }, Condition: { [operator]: { "aws:PrincipalArn": roleArns } } };
}

/**
 * The trust policy of a role an AWS service assumes. With `sourceAccount`, only on behalf of that
 * account (the confused-deputy guard AWS recommends for service principals that support it).
 */
export function serviceTrustPolicy(service: string, sourceAccount?: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{
            Effect: "Allow",
            Principal: { Service: service },
            Action: "sts:AssumeRole",
            ...(sourceAccount === undefined ? {} : { Condition: { StringEquals: { "aws:SourceAccount": sourceAccount } } }),
        }],
    });
}

/**
 * A stable logical-name part for an ARN in a list (access entries, policy attachments): its last
 * path segment and a short hash of the whole. Keyed by the ARN, not its position, so reordering the
 * list replaces nothing (a replaced attachment or access entry would be removed after its copy).
 */
export function arnKey(arn: string): string {
    return `${arn.split("/").pop()}-${stableHash([arn], 4)}`;
}
