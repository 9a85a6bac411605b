import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../../core/contracts";
import { childName } from "../../core/naming";
import { deployBuildRoleName } from "../deploy-role";
import { serviceTrustPolicy } from "../iam";
import type { PipelineArtifacts } from "./artifacts";
import { buildLogsStatement } from "./build";
import { type BuildNetwork, createBuildNetworkPolicy } from "./network";
import { policyDocument } from "./policy";
import { codeBuildProject, plainVariables } from "./project";

/** EKS access policy of the deploy role (the platform's access entry, `home.ts`): edit rights in the domain namespace. */
export const DEPLOY_ACCESS_POLICY = "AmazonEKSEditPolicy";

/**
 * Applies the manifests to the domain namespace only: `kubectl apply --namespace` rejects objects of
 * another namespace, and the deploy role's EKS access policy is scoped to the namespace anyway.
 */
export const DEPLOY_SPEC = deploySpec(["aws eks update-kubeconfig --name \"$CLUSTER_NAME\" --region \"$AWS_REGION\""]);

/**
 * The deploy build of a domain in its own account: a CLI profile `deploy` assumes the platform's
 * deploy role with the build's own (container) credentials, and `update-kubeconfig --profile deploy`
 * describes the cluster as that role (the cluster is the platform account's) and writes
 * `AWS_PROFILE=deploy` into the kubeconfig's exec plugin, so `aws eks get-token` authenticates as the
 * role too. `role_arn` + `credential_source = EcsContainer` (the credentials CodeBuild serves) and
 * `--profile` work with every AWS CLI of the build images, v1 and v2.
 */
export const CROSS_ACCOUNT_DEPLOY_SPEC = deploySpec([
    "aws configure set profile.deploy.role_arn \"$DEPLOY_ROLE_ARN\"",
    "aws configure set profile.deploy.credential_source EcsContainer",
    "aws configure set profile.deploy.role_session_name \"deploy-$CODEBUILD_BUILD_NUMBER\"",
    "aws eks update-kubeconfig --name \"$CLUSTER_NAME\" --region \"$AWS_REGION\" --profile deploy",
]);

function deploySpec(kubeconfig: string[]): string {
    return [
        "version: 0.2",
        "phases:",
        "  install:",
        "    commands:",
        "      - curl -fsSLo /usr/local/bin/kubectl \"https://dl.k8s.io/release/$(curl -fsSL https://dl.k8s.io/release/stable-$KUBERNETES_VERSION.txt)/bin/linux/amd64/kubectl\"",
        "      - chmod +x /usr/local/bin/kubectl",
        "  build:",
        "    commands:",
        ...kubeconfig.map((command) => `      - ${command}`),
        "      - . \"$CODEBUILD_SRC_DIR_build_output/image.env\"",
        "      - kubectl kustomize \"$MANIFEST_DIR\" | sed \"s|IMAGE_PLACEHOLDER|$IMAGE_URI|g\" | kubectl apply --namespace \"$NAMESPACE\" -f -",
    ].join("\n");
}

export interface PipelineDeployArgs {
    ctx: StackContext;
    /** The only namespace deployments go to. */
    namespace: string;
    kmsKeyArn: pulumi.Input<string>;
    artifacts: PipelineArtifacts;
    clusterName: pulumi.Input<string>;
    clusterArn: pulumi.Input<string>;
    /**
     * The deploy role the platform vended this domain (CodeBuild trust, an EKS access entry with edit
     * rights in the domain namespace only). The deploy stage adds its build permissions to it; it
     * cannot change the role's cluster access.
     */
    role: { name: pulumi.Input<string>; arn: pulumi.Input<string> };
    /** The cluster API endpoint is private: the deploy build runs in the VPC, admitted by the cluster security group. */
    network: BuildNetwork & { clusterSecurityGroupId: pulumi.Input<string> };
    /**
     * The domain runs in its own account: the project runs as a build role of that account that may
     * only assume `role` (the platform's, by its deterministic ARN); the platform's cluster security
     * group admits the shared private subnets, so this stack adds no rule to it.
     */
    crossAccount?: boolean;
}

export interface PipelineDeploy {
    project: aws.codebuild.Project;
    /** The domain account's deploy build role (a domain in its own account only). */
    buildRole?: aws.iam.Role;
}

/**
 * The deploy stage: an unprivileged CodeBuild project in the private subnets (HTTPS out only, the
 * cluster API admits its security group on 443) running as the platform's deploy role, whose EKS
 * access entry gives edit rights in the domain namespace only. The project waits for the role's
 * policies (CreateProject checks the VPC permissions).
 */
export function createPipelineDeploy(name: string, parent: pulumi.Resource, args: PipelineDeployArgs): PipelineDeploy {
    const { ctx, namespace, artifacts, network: net } = args;
    // CodeBuild takes a service role of its own account only (iam:PassRole): in a domain account the
    // project runs as the domain's build role, which may only assume the platform's deploy role.
    const buildRole = args.crossAccount ? new aws.iam.Role(childName(name, "deploy-build-role"), {
        name: deployBuildRoleName(ctx.naming),
        description: `CodeBuild: assumes the platform's deploy role for namespace ${namespace}`,
        assumeRolePolicy: serviceTrustPolicy("codebuild.amazonaws.com", net.accountId),
    }, { parent }) : undefined;
    const role = buildRole ?? args.role;
    const policy = new aws.iam.RolePolicy(childName(name, "deploy-policy"), {
        name: "deploy",
        role: role.name,
        policy: policyDocument([
            buildLogsStatement(artifacts),
            { Sid: "Artifacts", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: [pulumi.interpolate`${artifacts.artifactBucket.arn}/*`] },
            buildRole
                ? { Sid: "AssumePlatformDeployRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: [args.role.arn] }
                : { Sid: "Cluster", Effect: "Allow", Action: ["eks:DescribeCluster"], Resource: [args.clusterArn] },
            { Sid: "DomainKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: [args.kmsKeyArn] },
        ]),
    }, { parent });

    const securityGroup = new aws.ec2.SecurityGroup(childName(name, "deploy-sg"), {
        name: ctx.naming.physical("aws.generic", "deploy"),
        description: "Pipeline deploy build: HTTPS to the cluster API and AWS APIs only",
        vpcId: net.vpcId,
        ingress: [],
        egress: [{ description: "HTTPS (cluster API, AWS APIs, kubectl download)", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
    }, { parent });
    // A domain account cannot change the platform's group: there the platform admits the shared subnets.
    if (!args.crossAccount) {
        new aws.vpc.SecurityGroupIngressRule(childName(name, "cluster-api-from-deploy"), {
            securityGroupId: net.clusterSecurityGroupId,
            referencedSecurityGroupId: securityGroup.id,
            ipProtocol: "tcp",
            fromPort: 443,
            toPort: 443,
            description: `Cluster API from the ${ctx.config.domain ?? "domain"} deploy build`,
        }, { parent });
    }
    const vpcPolicy = createBuildNetworkPolicy(childName(name, "deploy-vpc-policy"), parent, {
        ctx, role, securityGroup, network: net, policyName: "deploy-vpc",
    });

    const project = codeBuildProject(name, parent, {
        ctx,
        purpose: "deploy",
        description: `Applies manifests to namespace ${namespace}`,
        role,
        buildspec: buildRole ? CROSS_ACCOUNT_DEPLOY_SPEC : DEPLOY_SPEC,
        privileged: false,
        variables: plainVariables({
            CLUSTER_NAME: args.clusterName,
            NAMESPACE: namespace,
            KUBERNETES_VERSION: ctx.config.cluster.version,
            MANIFEST_DIR: ctx.config.pipeline.deployRepository ? "." : "deploy",
            ...(buildRole ? { DEPLOY_ROLE_ARN: args.role.arn } : {}),
        }),
        kmsKeyArn: args.kmsKeyArn,
        logGroup: artifacts.logGroup,
        vpcConfig: { vpcId: net.vpcId, subnets: net.privateSubnetIds, securityGroupIds: [securityGroup.id] },
        dependsOn: [policy, vpcPolicy],
    });
    return { project, buildRole };
}
