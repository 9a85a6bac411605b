import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../core/contracts";
import { childName, type Naming } from "../core/naming";
import {
    artifactBucketName, buildLogsRoleName, crossAccountTrust, databaseBuildRoleName, databaseTargetsParameterName,
    databaseTargetsRoleName, pipelineActionsRoleName, pipelineRoleName,
} from "./build-contract";
import { roleArn, serviceTrustPolicy } from "./iam";
import { createAdminJobsSecurityGroup } from "./database";
import { ARTIFACT_BUCKET_READS, buildLogsStatement } from "./pipeline/build";
import { DATABASE_ROLE_SPEC, databaseRoleVariables } from "./pipeline/database-role";
import { createDeploySecurityGroup, DEPLOY_SPEC, deployVariables } from "./pipeline/deploy";
import { createBuildNetworkPolicy } from "./pipeline/network";
import { policyDocument, type PolicyStatement } from "./pipeline/policy";
import { codeBuildProject } from "./pipeline/project";
import { dnsSuffixOf } from "./provider";

/** What a domain in its own account reads about the builds the platform runs for it (`homes.<domain>.builds`). */
export interface DomainBuildsOutputs {
    /** The role the domain's pipeline runs its database and deploy actions as. */
    actionsRoleArn: pulumi.Input<string>;
    deployProject: pulumi.Input<string>;
    databaseProject: pulumi.Input<string>;
    /** The database build's security group (platform account): the domain's database admits it as `<account>/<id>`. */
    adminSecurityGroupId: pulumi.Input<string>;
    /** Where both builds log (platform account), and the role the domain team reads them with. */
    logGroupName: pulumi.Input<string>;
    buildLogsRoleArn: pulumi.Input<string>;
}

export interface DomainBuildsArgs {
    /** The platform's context (region, cluster version, retention). */
    ctx: StackContext;
    namespace: string;
    /** The domain's naming: the contract every name of `build-contract.ts` follows. */
    domainNaming: Naming;
    partition: string;
    accountId: pulumi.Input<string>;
    domainAccountId: pulumi.Input<string>;
    vpcId: pulumi.Input<string>;
    vpcCidr: pulumi.Input<string>;
    /** The platform's build subnets (NAT egress, shared with no account: CodeBuild does not run in shared subnets). */
    buildSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    clusterName: pulumi.Input<string>;
    clusterArn: pulumi.Input<string>;
    clusterSecurityGroupId: pulumi.Input<string>;
    /** The platform's logs key (the builds' log group) and data key (the projects' artifact key). */
    logsKeyArn: pulumi.Input<string>;
    projectKeyArn: pulumi.Input<string>;
    /** The domain's deploy role (EKS access entry): the deploy project runs as it. */
    deployRole: aws.iam.Role;
}

export interface DomainBuildsResult {
    logGroup: aws.cloudwatch.LogGroup;
    deployProject: aws.codebuild.Project;
    databaseProject: aws.codebuild.Project;
    databaseRole: aws.iam.Role;
    adminSecurityGroup: aws.ec2.SecurityGroup;
    actionsRole: aws.iam.Role;
    buildLogsRole: aws.iam.Role;
    outputs: DomainBuildsOutputs;
}

/**
 * The domain's database and deploy builds, run by the platform in its own account and VPC for a
 * domain in its own account. CodeBuild does not run in a VPC shared through RAM ("VPC connectivity
 * from CodeBuild is not supported for shared VPCs", CodeBuild user guide), and both builds need the
 * VPC: the cluster's API endpoint and the databases are private. The domain's pipeline starts them
 * as `pipeline-actions` (a cross-account CodePipeline action role that trusts only the domain's
 * pipeline role); they read the pipeline's input from the domain's artifact bucket (its policy and
 * its key's admit these roles through S3 only):
 *   - deploy: runs as the deploy role, whose EKS access entry edits the domain namespace only;
 *   - database: assumes the domain account's `db-targets` role, which reads the targets parameter
 *     and the master secrets there, and connects from a security group of the platform account that
 *     the domain's database admits as `<platform account>/<group id>`.
 * Both run in the platform's build subnets, which it shares with no account. Buildspecs and project
 * variables are the platform's; the domain's pipeline sets `MANIFEST_DIR`, and any variable it
 * overrides stays inside what the roles allow (the namespace, the domain's targets role).
 */
export function createDomainBuilds(name: string, parent: pulumi.Resource, args: DomainBuildsArgs): DomainBuildsResult {
    const { ctx, domainNaming: naming, partition } = args;
    const region = ctx.config.region;
    const opts = { parent };
    const logGroup = new aws.cloudwatch.LogGroup(childName(name, "build-logs"), {
        name: `/aws/codebuild/${naming.physical("aws.generic", "pipeline")}`,
        retentionInDays: ctx.config.logging.retentionDays,
        kmsKeyId: args.logsKeyArn,
    }, opts);
    const bucketArn = `arn:${partition}:s3:::${artifactBucketName(naming)}`;
    const logs = buildLogsStatement(logGroup);
    const readArtifacts: PolicyStatement[] = [
        { Sid: "DomainArtifacts", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: [`${bucketArn}/*`] },
        { Sid: "DomainArtifactBucket", Effect: "Allow", Action: ARTIFACT_BUCKET_READS, Resource: [bucketArn] },
    ];
    // The artifacts are encrypted with the domain's key, whose ARN the platform cannot know first:
    // any key of the domain account, through S3 only (the key policy names these roles).
    const domainKeyThroughS3 = (actions: string[]): PolicyStatement => ({
        Sid: "DomainKeyThroughS3",
        Effect: "Allow",
        Action: actions,
        Resource: [pulumi.interpolate`arn:${partition}:kms:${region}:${args.domainAccountId}:key/*`],
        Condition: { StringEquals: { "kms:ViaService": `s3.${region}.${dnsSuffixOf(partition)}` } },
    });
    const network = { accountId: args.accountId, vpcId: args.vpcId, privateSubnetIds: args.buildSubnetIds };
    const vpcConfig = (securityGroup: aws.ec2.SecurityGroup) => ({ vpcId: args.vpcId, subnets: args.buildSubnetIds, securityGroupIds: [securityGroup.id] });

    // Deploy: the deploy role, in the build subnets, admitted by the cluster security group.
    const deployPolicy = new aws.iam.RolePolicy(childName(name, "deploy-policy"), {
        name: "deploy",
        role: args.deployRole.name,
        policy: policyDocument([
            logs, ...readArtifacts,
            { Sid: "Cluster", Effect: "Allow", Action: ["eks:DescribeCluster"], Resource: [args.clusterArn] },
            domainKeyThroughS3(["kms:Decrypt", "kms:DescribeKey"]),
        ]),
    }, opts);
    const deploySecurityGroup = createDeploySecurityGroup(name, parent, {
        naming, namespace: args.namespace, vpcId: args.vpcId, clusterSecurityGroupId: args.clusterSecurityGroupId,
    });
    const deployVpcPolicy = createBuildNetworkPolicy(childName(name, "deploy-vpc-policy"), parent, {
        ctx, role: args.deployRole, securityGroup: deploySecurityGroup, network, policyName: "deploy-vpc",
    });
    const deployProject = codeBuildProject(name, parent, {
        naming,
        purpose: "deploy",
        description: `Applies the ${args.namespace} domain's manifests to namespace ${args.namespace} (started by the domain account's pipeline)`,
        role: args.deployRole,
        buildspec: DEPLOY_SPEC,
        privileged: false,
        variables: deployVariables(ctx, args.clusterName, args.namespace, "deploy"),
        kmsKeyArn: args.projectKeyArn,
        logGroup,
        vpcConfig: vpcConfig(deploySecurityGroup),
        dependsOn: [deployPolicy, deployVpcPolicy],
    });

    // Database: a role of this account that may only assume the domain's targets role, behind its own group.
    const targetsRoleArn = roleArn(partition, args.domainAccountId, databaseTargetsRoleName(naming));
    const databaseRole = new aws.iam.Role(childName(name, "database-role"), {
        name: databaseBuildRoleName(naming),
        description: `CodeBuild: creates the app database role on the ${args.namespace} domain's primaries (reads them as its db-targets role)`,
        assumeRolePolicy: serviceTrustPolicy("codebuild.amazonaws.com", args.accountId),
    }, opts);
    const databasePolicy = new aws.iam.RolePolicy(childName(name, "database-policy"), {
        name: "database-role",
        role: databaseRole.id,
        policy: policyDocument([
            logs, ...readArtifacts,
            { Sid: "AssumeDomainTargetsRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: [targetsRoleArn] },
            domainKeyThroughS3(["kms:Decrypt", "kms:DescribeKey"]),
        ]),
    }, opts);
    const adminSecurityGroup = createAdminJobsSecurityGroup(childName(name, "db-admin-sg"), opts, {
        naming, description: `Database admin jobs of the ${args.namespace} domain: PostgreSQL inside the VPC, HTTPS out`, vpcId: args.vpcId, vpcCidr: args.vpcCidr,
    });
    const databaseVpcPolicy = createBuildNetworkPolicy(childName(name, "database-vpc-policy"), parent, {
        ctx, role: databaseRole, securityGroup: adminSecurityGroup, network, policyName: "database-vpc",
    });
    const databaseProject = codeBuildProject(name, parent, {
        naming,
        purpose: "database",
        description: `Creates the app database role (rds_iam) on the ${args.namespace} domain's primaries (started by the domain account's pipeline)`,
        role: databaseRole,
        buildspec: DATABASE_ROLE_SPEC,
        privileged: false,
        variables: databaseRoleVariables(databaseTargetsParameterName(naming), targetsRoleArn),
        kmsKeyArn: args.projectKeyArn,
        logGroup,
        vpcConfig: vpcConfig(adminSecurityGroup),
        dependsOn: [databasePolicy, databaseVpcPolicy],
    });

    // The cross-account action role: only the domain's pipeline role assumes it; it starts these two builds only.
    const projects = [deployProject.arn, databaseProject.arn];
    const actionsRole = new aws.iam.Role(childName(name, "actions-role"), {
        name: pipelineActionsRoleName(naming),
        description: `CodePipeline of the ${args.namespace} domain's account: starts its database and deploy builds here`,
        assumeRolePolicy: crossAccountTrust("PipelineOfTheDomainAccount", partition, args.domainAccountId,
            [roleArn(partition, args.domainAccountId, pipelineRoleName(naming))]),
    }, opts);
    new aws.iam.RolePolicy(childName(name, "actions-policy"), {
        name: "pipeline-actions",
        role: actionsRole.id,
        policy: policyDocument([
            { Sid: "Builds", Effect: "Allow", Action: ["codebuild:StartBuild", "codebuild:BatchGetBuilds", "codebuild:StopBuild"], Resource: projects },
            // The actions have no output artifacts (a cross-account build action cannot): reading is enough.
            ...readArtifacts,
            domainKeyThroughS3(["kms:Decrypt", "kms:DescribeKey"]),
        ]),
    }, opts);

    // The domain team reads its builds and their logs here (CodePipeline links to this account): the
    // people of the domain account, i.e. its IAM Identity Center roles.
    const buildLogsRole = new aws.iam.Role(childName(name, "build-logs-role"), {
        name: buildLogsRoleName(naming),
        description: `The ${args.namespace} domain's account: reads its database and deploy builds and their logs`,
        assumeRolePolicy: crossAccountTrust("DomainTeamReadsItsBuilds", partition, args.domainAccountId,
            [pulumi.interpolate`arn:${partition}:iam::${args.domainAccountId}:role/aws-reserved/sso.amazonaws.com/*`], "ArnLike"),
        maxSessionDuration: 3600,
    }, opts);
    new aws.iam.RolePolicy(childName(name, "build-logs-policy"), {
        name: "read-builds",
        role: buildLogsRole.id,
        policy: policyDocument([
            { Sid: "Builds", Effect: "Allow", Action: ["codebuild:BatchGetBuilds", "codebuild:ListBuildsForProject"], Resource: projects },
            { Sid: "BuildLogs", Effect: "Allow", Action: ["logs:DescribeLogStreams", "logs:FilterLogEvents", "logs:GetLogEvents"], Resource: [logGroup.arn, pulumi.interpolate`${logGroup.arn}:*`] },
        ]),
    }, opts);

    return {
        logGroup, deployProject, databaseProject, databaseRole, adminSecurityGroup, actionsRole, buildLogsRole,
        outputs: {
            actionsRoleArn: actionsRole.arn,
            deployProject: deployProject.name,
            databaseProject: databaseProject.name,
            adminSecurityGroupId: adminSecurityGroup.id,
            logGroupName: logGroup.name,
            buildLogsRoleArn: buildLogsRole.arn,
        },
    };
}
