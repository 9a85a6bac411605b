import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../../core/contracts";
import { childName, type Naming } from "../../core/naming";
import type { PipelineArtifacts } from "./artifacts";
import { artifactBucketStatement, buildLogsStatement } from "./build";
import { type BuildNetwork, createBuildNetworkPolicy } from "./network";
import { policyDocument } from "./policy";
import { codeBuildProject, plainVariables } from "./project";

/** EKS access policy of the deploy role (the platform's access entry, `home.ts`): edit rights in the domain namespace. */
export const DEPLOY_ACCESS_POLICY = "AmazonEKSEditPolicy";

/**
 * Applies the manifests to the domain namespace only: `kubectl apply --namespace` rejects objects of
 * another namespace, and the deploy role's EKS access policy is scoped to the namespace anyway.
 */
export const DEPLOY_SPEC = [
    "version: 0.2",
    "phases:",
    "  install:",
    "    commands:",
    "      - curl -fsSLo /usr/local/bin/kubectl \"https://dl.k8s.io/release/$(curl -fsSL https://dl.k8s.io/release/stable-$KUBERNETES_VERSION.txt)/bin/linux/amd64/kubectl\"",
    "      - chmod +x /usr/local/bin/kubectl",
    "  build:",
    "    commands:",
    "      - aws eks update-kubeconfig --name \"$CLUSTER_NAME\" --region \"$AWS_REGION\"",
    "      - . \"$CODEBUILD_SRC_DIR_build_output/image.env\"",
    "      - kubectl kustomize \"$MANIFEST_DIR\" | sed \"s|IMAGE_PLACEHOLDER|$IMAGE_URI|g\" | kubectl apply --namespace \"$NAMESPACE\" -f -",
].join("\n");

/** Where the manifests are in the deploy input: the root of their own repository, or `deploy/` of the application's. */
export function manifestDir(ctx: StackContext): string {
    return ctx.config.pipeline.deployRepository ? "." : "deploy";
}

/**
 * The deploy build's security group (HTTPS out only) and the cluster security group's rule admitting
 * it on 443: the cluster's API endpoint is private. Both in the cluster's account.
 */
export function createDeploySecurityGroup(name: string, parent: pulumi.Resource, args: {
    naming: Naming; namespace: string; vpcId: pulumi.Input<string>; clusterSecurityGroupId: pulumi.Input<string>;
}): aws.ec2.SecurityGroup {
    const securityGroup = new aws.ec2.SecurityGroup(childName(name, "deploy-sg"), {
        name: args.naming.physical("aws.generic", "deploy"),
        description: "Pipeline deploy build: HTTPS to the cluster API and AWS APIs only",
        vpcId: args.vpcId,
        ingress: [],
        egress: [{ description: "HTTPS (cluster API, AWS APIs, kubectl download)", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
    }, { parent });
    new aws.vpc.SecurityGroupIngressRule(childName(name, "cluster-api-from-deploy"), {
        securityGroupId: args.clusterSecurityGroupId,
        referencedSecurityGroupId: securityGroup.id,
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        description: `Cluster API from the ${args.namespace} deploy build`,
    }, { parent });
    return securityGroup;
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
}

export interface PipelineDeploy {
    project: aws.codebuild.Project;
}

/**
 * The deploy stage of a domain in the platform's account: an unprivileged CodeBuild project in the
 * private subnets (HTTPS out only, the cluster API admits its security group on 443) running as the
 * platform's deploy role, whose EKS access entry gives edit rights in the domain namespace only.
 * The project waits for the role's policies (CreateProject checks the VPC permissions).
 */
export function createPipelineDeploy(name: string, parent: pulumi.Resource, args: PipelineDeployArgs): PipelineDeploy {
    const { ctx, namespace, artifacts, network: net, role } = args;
    const policy = new aws.iam.RolePolicy(childName(name, "deploy-policy"), {
        name: "deploy",
        role: role.name,
        policy: policyDocument([
            buildLogsStatement(artifacts.logGroup),
            { Sid: "Artifacts", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: [pulumi.interpolate`${artifacts.artifactBucket.arn}/*`] },
            artifactBucketStatement(artifacts.artifactBucket.arn),
            { Sid: "Cluster", Effect: "Allow", Action: ["eks:DescribeCluster"], Resource: [args.clusterArn] },
            { Sid: "DomainKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: [args.kmsKeyArn] },
        ]),
    }, { parent });
    const securityGroup = createDeploySecurityGroup(name, parent, {
        naming: ctx.naming, namespace, vpcId: net.vpcId, clusterSecurityGroupId: net.clusterSecurityGroupId,
    });
    const vpcPolicy = createBuildNetworkPolicy(childName(name, "deploy-vpc-policy"), parent, {
        ctx, role, securityGroup, network: net, policyName: "deploy-vpc",
    });
    const project = codeBuildProject(name, parent, {
        naming: ctx.naming,
        purpose: "deploy",
        description: `Applies manifests to namespace ${namespace}`,
        role,
        buildspec: DEPLOY_SPEC,
        privileged: false,
        variables: deployVariables(ctx, args.clusterName, namespace),
        kmsKeyArn: args.kmsKeyArn,
        logGroup: artifacts.logGroup,
        vpcConfig: { vpcId: net.vpcId, subnets: net.privateSubnetIds, securityGroupIds: [securityGroup.id] },
        dependsOn: [policy, vpcPolicy],
    });
    return { project };
}

/** The deploy project's variables: the cluster, the namespace, the kubectl release line, where the manifests are. */
export function deployVariables(ctx: StackContext, clusterName: pulumi.Input<string>, namespace: string, manifests = manifestDir(ctx)):
    aws.types.input.codebuild.ProjectEnvironmentEnvironmentVariable[] {
    return plainVariables({
        CLUSTER_NAME: clusterName,
        NAMESPACE: namespace,
        KUBERNETES_VERSION: ctx.config.cluster.version,
        MANIFEST_DIR: manifests,
    });
}
