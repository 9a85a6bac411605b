import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../../core/contracts";
import { partitionOf } from "../provider";

/** Where the pipeline's in-VPC projects run: the platform VPC's private subnets. */
export interface BuildNetwork {
    /** The account the build's network interfaces and security group live in (the project's). */
    accountId: pulumi.Input<string>;
    vpcId: pulumi.Input<string>;
    privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * The permissions CodeBuild checks when a project runs in a VPC (CreateProject checks them at once:
 * the project must depend on this policy): describe the network, create and delete the build's
 * network interfaces in the private subnets with the project's security group only.
 */
export function createBuildNetworkPolicy(name: string, parent: pulumi.Resource, args: {
    ctx: StackContext; role: { name: pulumi.Input<string> }; securityGroup: aws.ec2.SecurityGroup; network: BuildNetwork; policyName: string;
}): aws.iam.RolePolicy {
    const { ctx, network: net } = args;
    const region = ctx.config.region;
    const partition = partitionOf(region);
    const interfaces = pulumi.interpolate`arn:${partition}:ec2:${region}:${net.accountId}:network-interface/*`;
    const subnetArns = pulumi.all([net.accountId, pulumi.output(net.privateSubnetIds)]).apply(([account, ids]) =>
        ids.map((id) => `arn:${partition}:ec2:${region}:${account}:subnet/${id}`));
    const securityGroupArn = pulumi.interpolate`arn:${partition}:ec2:${region}:${net.accountId}:security-group/${args.securityGroup.id}`;
    return new aws.iam.RolePolicy(name, {
        name: args.policyName,
        role: args.role.name,
        policy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "DescribeNetwork",
                    Effect: "Allow",
                    Action: ["ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
                        "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs"],
                    // Describe calls have no resource-level form.
                    Resource: ["*"],
                },
                {
                    Sid: "BuildNetworkInterface",
                    Effect: "Allow",
                    Action: ["ec2:CreateNetworkInterface"],
                    Resource: pulumi.all([interfaces, subnetArns, securityGroupArn]).apply(([eni, subnets, sg]) => [eni, ...subnets, sg]),
                },
                { Sid: "RemoveNetworkInterface", Effect: "Allow", Action: ["ec2:DeleteNetworkInterface"], Resource: [interfaces] },
                {
                    Sid: "CodeBuildAttachesInterface",
                    Effect: "Allow",
                    Action: ["ec2:CreateNetworkInterfacePermission"],
                    Resource: [interfaces],
                    Condition: {
                        StringEquals: { "ec2:AuthorizedService": "codebuild.amazonaws.com" },
                        ArnEquals: { "ec2:Subnet": subnetArns },
                    },
                },
            ],
        }),
    }, { parent });
}

