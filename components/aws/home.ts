import * as aws from "@pulumi/aws";
import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { ResolvedDomainRegistration } from "../core/config/presets";
import { type DomainHomeOutputs, type StackContext, WORKLOAD_SERVICE_ACCOUNT } from "../core/contracts";
import { childName } from "../core/naming";
import { type EgressRule, NamespaceBaseline, NAMESPACE_QUOTAS } from "../kubernetes/namespace-baseline";
import { REDIS_PORT } from "./cache";
import { POSTGRES_PORT } from "./database";
import { serviceTrustPolicy } from "./iam";
import { deployRoleName } from "./build-contract";
import { createDomainBuilds, type DomainBuildsOutputs, type DomainBuildsResult } from "./domain-builds";
import { DEPLOY_ACCESS_POLICY } from "./pipeline/deploy";
import { roleArn } from "./iam";
import { chainPolicy, chainRoleName, workloadRoleName } from "./workload-role";


/** The EKS Pod Identity agent's link-local endpoint (pods fetch their role credentials there, port 80). */
export const POD_IDENTITY_AGENT_CIDR = "169.254.170.23/32";

/** The instance metadata endpoint: pods use Pod Identity, never the node's role. */
const METADATA_CIDR = "169.254.169.254/32";

/** What an AWS platform vends a domain, as exported under `homes.<domain>`. */
export interface AwsDomainHome extends DomainHomeOutputs {
    /** Name of the workload role: the domain stack attaches its least-privilege policy to it. */
    workloadRoleName: pulumi.Input<string>;
    /**
     * Name of the deploy role: the deploy project runs as it, the domain's own project or (domain
     * account) the one the platform runs for it (`domain-builds.ts`).
     */
    deployRoleName: pulumi.Input<string>;
    /** The domain's own account, when the organization gives it one (its stack runs there). */
    accountId?: pulumi.Input<string>;
    /** The platform-account role EKS Pod Identity assumes first and chains from (domain account only). */
    podIdentityRoleArn?: pulumi.Input<string>;
    /** The platform VPC's subnets shared with the domain account through RAM, by tier (domain account only). */
    sharedSubnetIds?: { data: pulumi.Input<string>[]; private: pulumi.Input<string>[] };
    /** The database and deploy builds the platform runs for the domain's pipeline (domain account only). */
    builds?: DomainBuildsOutputs;
}

/**
 * Egress of a domain's pods: the data tier in the VPC (PostgreSQL, Redis), AWS APIs over HTTPS, and
 * the Pod Identity agent for credentials; never the node's metadata endpoint.
 */
export function domainEgress(vpcCidr: pulumi.Input<string>): EgressRule[] {
    return [
        { cidr: vpcCidr, ports: [POSTGRES_PORT, REDIS_PORT] },
        { cidr: POD_IDENTITY_AGENT_CIDR, ports: [80] },
        { cidr: "0.0.0.0/0", ports: [443], except: [METADATA_CIDR] },
    ];
}

/**
 * Trust of a Pod Identity role: only the EKS Pod Identity service, on behalf of this account and
 * cluster. Which ServiceAccount gets the role is the association's job (an EKS API call the platform
 * makes), so the trust names no namespace.
 */
export function podIdentityTrustPolicy(accountId: pulumi.Input<string>, clusterArn: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{
            Effect: "Allow",
            Principal: { Service: "pods.eks.amazonaws.com" },
            Action: ["sts:AssumeRole", "sts:TagSession"],
            Condition: { StringEquals: { "aws:SourceAccount": accountId }, ArnEquals: { "aws:SourceArn": clusterArn } },
        }],
    });
}

export interface AwsDomainHomeArgs {
    ctx: StackContext;
    domain: string;
    registration: ResolvedDomainRegistration;
    accountId: pulumi.Input<string>;
    partition: string;
    clusterName: pulumi.Input<string>;
    clusterArn: pulumi.Input<string>;
    vpcCidr: pulumi.Input<string>;
    /** The platform cluster's Kubernetes provider. */
    k8sProvider: k8s.Provider;
    /**
     * The domain's own account (the platform reads an organization stack): the workload role is then
     * the domain's, in that account, and the platform's role only chains to it (Pod Identity target role).
     */
    domainAccountId?: pulumi.Input<string>;
    /**
     * Where the platform runs the domain's in-VPC builds (with `domainAccountId`: CodeBuild does not
     * run in shared subnets, `domain-builds.ts`): the platform's own network, cluster group and keys.
     */
    builds?: {
        vpcId: pulumi.Input<string>;
        /** The platform's build subnets (shared with no account). */
        buildSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
        clusterSecurityGroupId: pulumi.Input<string>;
        logsKeyArn: pulumi.Input<string>;
        projectKeyArn: pulumi.Input<string>;
    };
}

export interface AwsDomainHomeResult {
    baseline: NamespaceBaseline;
    workloadRole: aws.iam.Role;
    association: aws.eks.PodIdentityAssociation;
    deployRole: aws.iam.Role;
    /** The builds run for a domain in its own account. */
    builds?: DomainBuildsResult;
    outputs: AwsDomainHome;
}

/**
 * One domain's home on EKS: the namespace baseline, the workload role bound to the namespace's
 * workload ServiceAccount by an EKS Pod Identity association, and the deploy role with an access
 * entry whose edit policy is scoped to the namespace. The platform makes both bindings, so a domain
 * deployer never needs `eks:CreatePodIdentityAssociation` or `eks:CreateAccessEntry` (neither can be
 * limited to one namespace by IAM) and cannot bind a role into another namespace. For a domain in
 * its own account the home also runs the domain pipeline's database and deploy builds here, in the
 * platform's VPC (`domain-builds.ts`).
 */
export function createDomainHome(name: string, parent: pulumi.Resource, args: AwsDomainHomeArgs): AwsDomainHomeResult {
    const { ctx, domain } = args;
    const naming = ctx.naming.forDomain(domain);
    const namespace = domain;

    const baseline = new NamespaceBaseline(childName(name, "baseline"), {
        namespace,
        labels: { ...ctx.tags, domain },
        quota: NAMESPACE_QUOTAS[args.registration.quota],
        // Pod Identity needs no annotation: the association names the ServiceAccount.
        serviceAccount: { name: WORKLOAD_SERVICE_ACCOUNT },
        egress: domainEgress(args.vpcCidr),
    }, { parent, provider: args.k8sProvider });

    // In a domain account the workload role is the domain's (the target); this one only chains to it.
    const targetRoleArn = args.domainAccountId ? roleArn(args.partition, args.domainAccountId, workloadRoleName(naming)) : undefined;
    const workloadRole = new aws.iam.Role(childName(name, "workload-role"), {
        name: targetRoleArn ? chainRoleName(naming) : workloadRoleName(naming),
        description: targetRoleArn
            ? `EKS Pod Identity role of ServiceAccount ${namespace}/${WORKLOAD_SERVICE_ACCOUNT}: chains to the domain's workload role in its account`
            : `Workload identity of ServiceAccount ${namespace}/${WORKLOAD_SERVICE_ACCOUNT} (EKS Pod Identity)`,
        assumeRolePolicy: podIdentityTrustPolicy(args.accountId, args.clusterArn),
        maxSessionDuration: 3600,
    }, { parent });
    const chainGrant = targetRoleArn ? new aws.iam.RolePolicy(childName(name, "workload-chain"), {
        name: naming.physical("aws.generic", "workload", "chain"),
        role: workloadRole.name,
        policy: targetRoleArn.apply(chainPolicy),
    }, { parent }) : undefined;
    const association = new aws.eks.PodIdentityAssociation(childName(name, "pod-identity"), {
        clusterName: args.clusterName,
        namespace,
        serviceAccount: WORKLOAD_SERVICE_ACCOUNT,
        roleArn: workloadRole.arn,
        // EKS assumes roleArn, then targetRoleArn with those credentials (role chaining across accounts).
        ...(targetRoleArn ? { targetRoleArn } : {}),
    }, { parent, dependsOn: chainGrant ? [baseline, chainGrant] : [baseline] });

    // The deploy project runs as this role: the domain's (same account) or the platform's own (`domain-builds.ts`).
    const deployRole = new aws.iam.Role(childName(name, "deploy-role"), {
        name: deployRoleName(naming),
        description: `CodeBuild: applies manifests to namespace ${namespace} only`,
        assumeRolePolicy: serviceTrustPolicy("codebuild.amazonaws.com", args.accountId),
    }, { parent });
    if (args.domainAccountId && !args.builds) throw new Error(`aws home ${domain}: a domain in its own account needs the platform network for its builds`);
    const builds = args.domainAccountId && args.builds ? createDomainBuilds(name, parent, {
        ctx, namespace, domainNaming: naming, partition: args.partition, accountId: args.accountId, domainAccountId: args.domainAccountId,
        vpcId: args.builds.vpcId, vpcCidr: args.vpcCidr, buildSubnetIds: args.builds.buildSubnetIds,
        clusterName: args.clusterName, clusterArn: args.clusterArn, clusterSecurityGroupId: args.builds.clusterSecurityGroupId,
        logsKeyArn: args.builds.logsKeyArn, projectKeyArn: args.builds.projectKeyArn, deployRole,
    }) : undefined;
    const deployEntry = new aws.eks.AccessEntry(childName(name, "deploy-access"), {
        clusterName: args.clusterName,
        principalArn: deployRole.arn,
        type: "STANDARD",
    }, { parent });
    new aws.eks.AccessPolicyAssociation(childName(name, "deploy-access-policy"), {
        clusterName: args.clusterName,
        principalArn: deployRole.arn,
        policyArn: `arn:${args.partition}:eks::aws:cluster-access-policy/${DEPLOY_ACCESS_POLICY}`,
        accessScope: { type: "namespace", namespaces: [namespace] },
    }, { parent, dependsOn: [deployEntry, baseline] });

    return {
        baseline, workloadRole, association, deployRole, ...(builds ? { builds } : {}),
        outputs: {
            namespace,
            serviceAccountName: WORKLOAD_SERVICE_ACCOUNT,
            quota: args.registration.quota,
            workloadPrincipal: targetRoleArn ?? workloadRole.arn,
            deployPrincipal: deployRole.arn,
            workloadRoleName: targetRoleArn ? workloadRoleName(naming) : workloadRole.name,
            deployRoleName: deployRole.name,
            ...(targetRoleArn ? { accountId: args.domainAccountId, podIdentityRoleArn: workloadRole.arn } : {}),
            ...(builds ? { builds: builds.outputs } : {}),
        },
    };
}

/** A registered domain's home on the platform (`landing-zone:aws:DomainHome`). */
export class DomainHome extends pulumi.ComponentResource {
    readonly result: AwsDomainHomeResult;

    constructor(name: string, args: AwsDomainHomeArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:aws:DomainHome", name, {}, opts);
        this.result = createDomainHome(name, this, args);
        this.registerOutputs({ namespace: this.result.outputs.namespace, workloadPrincipal: this.result.outputs.workloadPrincipal });
    }
}
