import * as pulumi from "@pulumi/pulumi";
import type { Naming } from "../core/naming";

/*
 * The naming contract of a domain's deploy identity across accounts (the pipeline's deploy stage).
 * Both names follow from the domain's naming alone, and each ARN from an account id the
 * organization stack records, so neither stack waits for an output of the other to name a role:
 *   - the platform's deploy role in the platform account (EKS access entry, edit in the namespace):
 *       <prefix>-<env>-<domain>-deploy
 *   - the domain's deploy build role in the domain account (the CodeBuild project's service role):
 *       <prefix>-<env>-<domain>-deploy-build
 * CodeBuild runs as the second (iam:PassRole is same-account); kubectl authenticates as the first.
 */

/** Name of the platform's per-domain deploy role (the one with the namespace-scoped EKS access entry). */
export function deployRoleName(domainNaming: Naming): string {
    return domainNaming.physical("aws.iamRole", "deploy");
}

/** Name of the domain account's deploy build role (the deploy project's service role; the domain stack creates it). */
export function deployBuildRoleName(domainNaming: Naming): string {
    return domainNaming.physical("aws.iamRole", "deploy", "build");
}

/**
 * Trust of the platform's deploy role when the domain runs in its own account: the domain account as
 * principal, `sts:AssumeRole` only, and only from the domain's deploy build role (`aws:PrincipalArn`).
 * Naming the account (not the role) as principal lets the platform create this role before the
 * domain creates its build role (IAM rejects a trust naming a role that does not exist yet).
 */
export function deployTrustFromDomain(partition: string, domainAccountId: pulumi.Input<string>, buildRoleArn: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{
            Sid: "DeployBuildOfTheDomainAccount",
            Effect: "Allow",
            Principal: { AWS: pulumi.interpolate`arn:${partition}:iam::${domainAccountId}:root` },
            Action: "sts:AssumeRole",
            Condition: { ArnEquals: { "aws:PrincipalArn": buildRoleArn } },
        }],
    });
}
