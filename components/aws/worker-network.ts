import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../core/contracts";
import { childName } from "../core/naming";

const HTTPS = 443;

export interface WorkerNetworkArgs {
    ctx: StackContext;
    vpcId: pulumi.Input<string>;
    /** The platform network's CIDR (the data services live in its data subnets). */
    vpcCidr: pulumi.Input<string>;
    /** The data services' ports the worker may reach (PostgreSQL, Redis). */
    dataPorts: number[];
}

/**
 * The worker's security group: no ingress; egress to the data services' ports inside the network and
 * HTTPS (AWS APIs through the NAT or VPC endpoints). It exists before the database and cache, whose
 * own security groups admit it inline (inline rules and separate rule resources must not be mixed on
 * one group), and the worker's Lambda ENIs use it.
 */
export function workerSecurityGroup(name: string, args: WorkerNetworkArgs, opts: pulumi.CustomResourceOptions): aws.ec2.SecurityGroup {
    return new aws.ec2.SecurityGroup(childName(name, "sg"), {
        name: args.ctx.naming.physical("aws.generic", "worker", "sg"),
        description: "Domain worker: egress to the data services and HTTPS to AWS APIs; no ingress",
        vpcId: args.vpcId,
        ingress: [],
        egress: [
            ...args.dataPorts.map((port) => ({ protocol: "tcp", fromPort: port, toPort: port, cidrBlocks: [args.vpcCidr], description: `data service port ${port} in the network` })),
            { protocol: "tcp", fromPort: HTTPS, toPort: HTTPS, cidrBlocks: ["0.0.0.0/0"], description: "AWS APIs over HTTPS" },
        ],
    }, opts);
}
