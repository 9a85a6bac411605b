import * as pulumi from "@pulumi/pulumi";
import type { Naming } from "../core/naming";
import { roleArn, rolesOfAccount } from "./iam";

/*
 * The naming contract of a domain's in-VPC pipeline stages (database, deploy) across accounts.
 * CodeBuild does not run in a VPC shared through RAM, so for a domain in its own account the
 * platform runs those two builds in its own account and VPC, and the domain's pipeline starts them
 * through a cross-account action role. Every name follows from the domain's naming alone and every
 * ARN from an account id the organization stack records, so neither stack waits for an output of
 * the other to name a role:
 *   platform account  <prefix>-<env>-<domain>-deploy            deploy project's role (EKS access entry: edit in the namespace)
 *                     <prefix>-<env>-<domain>-db-bootstrap      database project's role
 *                     <prefix>-<env>-<domain>-pipeline-actions  the role the domain's pipeline runs both actions as
 *                     <prefix>-<env>-<domain>-build-logs        the domain team's read-only view of both builds
 *                     <prefix>-<env>-<domain>-deploy|-database  the two CodeBuild projects
 *   domain account    <prefix>-<env>-<domain>-pipeline          the pipeline's role (assumes pipeline-actions)
 *                     <prefix>-<env>-<domain>-db-targets        what the database build reads there (targets, master secrets)
 *                     the artifact bucket (`aws.s3Bucket`, `artifacts`) both builds read their input from
 */

/** The platform's per-domain deploy role: the deploy project runs as it (EKS access entry with edit rights in the namespace). */
export function deployRoleName(domainNaming: Naming): string {
    return domainNaming.physical("aws.iamRole", "deploy");
}

/** The database project's role: creates the workload's database role on the domain's primaries. */
export function databaseBuildRoleName(domainNaming: Naming): string {
    return domainNaming.physical("aws.iamRole", "db-bootstrap");
}

/** The platform-account role a domain account's pipeline runs its database and deploy actions as. */
export function pipelineActionsRoleName(domainNaming: Naming): string {
    return domainNaming.physical("aws.iamRole", "pipeline", "actions");
}

/** The platform-account role the domain team assumes to read its builds and their logs. */
export function buildLogsRoleName(domainNaming: Naming): string {
    return domainNaming.physical("aws.iamRole", "build-logs");
}

/** The domain pipeline's service role. */
export function pipelineRoleName(domainNaming: Naming): string {
    return domainNaming.physical("aws.iamRole", "pipeline");
}

/** The domain-account role the platform's database build assumes to read the targets and the master secrets. */
export function databaseTargetsRoleName(domainNaming: Naming): string {
    return domainNaming.physical("aws.iamRole", "db-targets");
}

/** The SSM parameter listing the database and its primaries (host and master secret ARN of each): the database build's input. */
export function databaseTargetsParameterName(domainNaming: Naming): string {
    return domainNaming.physical("aws.generic", "database", "targets");
}

/** The domain's pipeline artifact bucket. */
export function artifactBucketName(domainNaming: Naming): string {
    return domainNaming.physical("aws.s3Bucket", "artifacts");
}

/** The platform-account roles that read the domain's artifacts (and so use its key through S3). */
export function platformBuildRoleArns(partition: string, platformAccountId: pulumi.Input<string>, domainNaming: Naming): pulumi.Output<string>[] {
    return [pipelineActionsRoleName(domainNaming), deployRoleName(domainNaming), databaseBuildRoleName(domainNaming)]
        .map((name) => roleArn(partition, platformAccountId, name));
}

/**
 * Trust of a role assumed from another account: that account as principal, `sts:AssumeRole` only,
 * and only by the named roles (`aws:PrincipalArn`; `ArnLike` for a path of roles). Naming the
 * account (not the roles) as principal lets one stack create the role before the other creates the
 * roles it trusts (IAM rejects a trust naming a role that does not exist yet).
 */
export function crossAccountTrust(sid: string, partition: string, accountId: pulumi.Input<string>,
    principalArns: pulumi.Input<pulumi.Input<string>[]>, operator: "ArnEquals" | "ArnLike" = "ArnEquals"): pulumi.Output<string> {
    return pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{ Sid: sid, Effect: "Allow", ...rolesOfAccount(partition, accountId, principalArns, operator), Action: "sts:AssumeRole" }],
    });
}
