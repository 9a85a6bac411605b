import { roleArn, rolesOfAccount } from "./iam";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../core/contracts";
import type { Naming } from "../core/naming";
import { childName } from "../core/naming";
import { partitionOf } from "./provider";

/*
 * The naming contract of a workload identity across accounts (EKS Pod Identity target roles).
 * Both names follow from the domain's naming alone, and each ARN from an account id the
 * organization stack records, so neither stack waits for an output of the other to name a role:
 *   - the platform's Pod Identity role in the platform account:  <prefix>-<env>-<domain>-workload-chain
 *   - the domain's workload (target) role in the domain account:  <prefix>-<env>-<domain>-workload
 * EKS assumes the first, then with its credentials the second; pods get the second's credentials.
 */

/** Name of the domain's workload role in its own account (the Pod Identity target; the domain stack creates it). */
export function workloadRoleName(domainNaming: Naming): string {
    return domainNaming.physical("aws.iamRole", "workload");
}

/** Name of the platform-account role EKS Pod Identity assumes first and chains from. */
export function chainRoleName(domainNaming: Naming): string {
    return domainNaming.physical("aws.iamRole", "workload", "chain");
}

/** What the target role's trust names: the platform account, its chain role, and the pods it serves. */
export interface TargetTrust {
    partition: string;
    platformAccountId: string;
    chainRoleArn: string;
    clusterArn: string;
    namespace: string;
    serviceAccount: string;
}

/**
 * Trust of a Pod Identity target role, as the EKS user guide gives it (Access AWS resources using
 * EKS Pod Identity target IAM roles): the platform account as principal, `sts:AssumeRole` and
 * `sts:TagSession`, only from the platform's chain role (`aws:PrincipalArn`) and only with the session
 * tags EKS sets for this cluster, namespace and ServiceAccount. Naming the account (not the role) as
 * principal lets the domain create this role before or after the platform creates its chain role.
 */
export function targetTrustPolicy(t: TargetTrust): string {
    const chain = rolesOfAccount(t.partition, t.platformAccountId, t.chainRoleArn);
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{
            Sid: "PodIdentityChainFromPlatform",
            Effect: "Allow",
            Principal: chain.Principal,
            Action: ["sts:AssumeRole", "sts:TagSession"],
            Condition: {
                StringEquals: {
                    "aws:RequestTag/eks-cluster-arn": t.clusterArn,
                    "aws:RequestTag/kubernetes-namespace": t.namespace,
                    "aws:RequestTag/kubernetes-service-account": t.serviceAccount,
                },
                ...chain.Condition,
            },
        }],
    });
}

/** The chain role's one permission: assume (and tag the session of) the domain's target role. */
export function chainPolicy(targetRoleArn: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Sid: "AssumeDomainWorkloadRole", Effect: "Allow", Action: ["sts:AssumeRole", "sts:TagSession"], Resource: [targetRoleArn] }],
    });
}

export interface DomainWorkloadRoleArgs {
    ctx: StackContext;
    namespace: string;
    serviceAccount: string;
    /** The platform account (the cluster's) and the cluster's ARN, from the platform stack. */
    platformAccountId: pulumi.Input<string>;
    clusterArn: pulumi.Input<string>;
}

/**
 * The domain's workload role in its own account (stacks that read an organization): the target of
 * the platform's Pod Identity association. The domain attaches its least-privilege policy to it.
 */
export function createDomainWorkloadRole(name: string, parent: pulumi.Resource, args: DomainWorkloadRoleArgs): aws.iam.Role {
    const { ctx } = args;
    const partition = partitionOf(ctx.config.region);
    const chainArn = roleArn(partition, args.platformAccountId, chainRoleName(ctx.naming));
    return new aws.iam.Role(childName(name, "role"), {
        name: workloadRoleName(ctx.naming),
        description: `Workload identity of ServiceAccount ${args.namespace}/${args.serviceAccount} (EKS Pod Identity target role)`,
        assumeRolePolicy: pulumi.all([args.platformAccountId, chainArn, args.clusterArn]).apply(([platformAccountId, chainRoleArn, clusterArn]) =>
            targetTrustPolicy({ partition, platformAccountId, chainRoleArn, clusterArn, namespace: args.namespace, serviceAccount: args.serviceAccount })),
        maxSessionDuration: 3600,
    }, { parent });
}

/** A domain's workload role in its own account (`landing-zone:aws:DomainWorkloadRole`). */
export class DomainWorkloadRole extends pulumi.ComponentResource {
    readonly role: aws.iam.Role;

    constructor(name: string, args: DomainWorkloadRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:aws:DomainWorkloadRole", name, {}, opts);
        this.role = createDomainWorkloadRole(name, this, args);
        this.registerOutputs({ arn: this.role.arn });
    }
}
