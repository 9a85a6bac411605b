import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { NetworkOutputs, StackContext, SubnetTier } from "../core/contracts";
import { childName } from "../core/naming";
import { type AwsAccount, zoneNames } from "./provider";
import { serviceTrustPolicy } from "./iam";

export interface AwsNetworkArgs {
    ctx: StackContext;
    account: AwsAccount;
    /** KMS key (ARN) of the flow-log group. */
    logsKeyArn: pulumi.Input<string>;
    /**
     * Also carve build subnets (NAT egress like the private tier), never shared through RAM: where the
     * platform runs the in-VPC builds of domains in their own accounts (CodeBuild does not run in
     * shared VPC subnets, and the private and data subnets are shared with those accounts).
     */
    buildSubnets?: boolean;
}

export interface AwsNetworkResult {
    vpc: aws.ec2.Vpc;
    subnets: Record<SubnetTier, aws.ec2.Subnet[]>;
    /** The build subnets (`buildSubnets`), one per zone; empty without. */
    buildSubnets: aws.ec2.Subnet[];
    natGateways: aws.ec2.NatGateway[];
    flowLogGroup: aws.cloudwatch.LogGroup;
    endpointSecurityGroup: aws.ec2.SecurityGroup;
    outputs: NetworkOutputs;
}

export const SUBNET_TIERS: readonly SubnetTier[] = ["public", "private", "data"];

/** Interface endpoints nodes need to pull images, get credentials and ship logs without the internet. */
export const INTERFACE_ENDPOINTS = ["ecr.api", "ecr.dkr", "sts", "logs"] as const;

function ipToNumber(ip: string): number {
    return ip.split(".").reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

function numberToIp(n: number): string {
    return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

/** Block `i` of the 16 the network CIDR is cut into (four bits longer: a /16 gives /20s). */
function blockOf(cidr: string, i: number): string {
    const [address, bitsText] = cidr.split("/");
    const subnetBits = Number(bitsText) + 4;
    return `${numberToIp(ipToNumber(address) + i * 2 ** (32 - subnetBits))}/${subnetBits}`;
}

/** Tier `t`'s blocks: `4t .. 4t+zones-1`, one per zone, so adding a zone never moves an existing subnet. */
function tierBlocks(cidr: string, t: number, zones: number): string[] {
    return Array.from({ length: zones }, (_, z) => blockOf(cidr, 4 * t + z));
}

/**
 * Carves the subnets of each tier from the network CIDR, deterministically: the CIDR is cut into 16
 * blocks four bits longer (a /16 gives /20s); tier `t` (public, private, data) takes blocks
 * `4t .. 4t+zones-1`, one per zone, so adding a zone never moves an existing subnet.
 */
export function carveSubnets(cidr: string, zones: number): Record<SubnetTier, string[]> {
    return { public: tierBlocks(cidr, 0, zones), private: tierBlocks(cidr, 1, zones), data: tierBlocks(cidr, 2, zones) };
}

/** The build subnets' blocks: the fourth tier (`12 .. 12+zones-1`), free in every layout. */
export function carveBuildSubnets(cidr: string, zones: number): string[] {
    return tierBlocks(cidr, 3, zones);
}

/**
 * The VPC across `network.zones` availability zones: public, private (cluster nodes) and data
 * (databases, caches; no route to the internet) subnets per zone, an internet gateway, NAT gateways
 * (one per zone, or one shared), route tables per tier (private: per zone), flow logs to a
 * KMS-encrypted log group, the default security group emptied, and VPC endpoints (S3 gateway; ECR,
 * STS and Logs interface endpoints admitting the VPC CIDR on 443).
 */
export function createNetwork(name: string, parent: pulumi.Resource, args: AwsNetworkArgs): AwsNetworkResult {
    const { ctx, account } = args;
    const cfg = ctx.config.network;
    const opts = { parent };
    const zones = zoneNames(ctx);
    const cidrs = carveSubnets(cfg.cidr, zones.length);
    const nameTag = (...purpose: string[]) => ({ Name: ctx.naming.physical("aws.generic", ...purpose) });

    const vpc = new aws.ec2.Vpc(childName(name, "vpc"), {
        cidrBlock: cfg.cidr,
        enableDnsSupport: true,
        enableDnsHostnames: true,
        tags: nameTag("vpc"),
    }, opts);

    // CIS AWS 5.4: the default security group admits nothing, so nothing can rely on it.
    new aws.ec2.DefaultSecurityGroup(childName(name, "default-sg"), {
        vpcId: vpc.id,
        ingress: [],
        egress: [],
        tags: nameTag("default-deny-all"),
    }, opts);

    const igw = new aws.ec2.InternetGateway(childName(name, "igw"), { vpcId: vpc.id, tags: nameTag("igw") }, opts);

    const tierTags: Record<SubnetTier, Record<string, string>> = {
        public: { "kubernetes.io/role/elb": "1" },
        private: { "kubernetes.io/role/internal-elb": "1" },
        data: {},
    };
    const subnets = {} as Record<SubnetTier, aws.ec2.Subnet[]>;
    for (const tier of SUBNET_TIERS) {
        subnets[tier] = zones.map((zone, z) => new aws.ec2.Subnet(childName(name, tier, zone), {
            vpcId: vpc.id,
            availabilityZone: zone,
            cidrBlock: cidrs[tier][z],
            mapPublicIpOnLaunch: false,
            tags: { ...nameTag(tier, zone), tier, ...tierTags[tier] },
        }, opts));
    }

    // Egress: one NAT gateway per zone (a zone failure does not cut the others' egress) or one shared.
    const natCount = cfg.natGateways === "per-zone" ? zones.length : 1;
    const natGateways = zones.slice(0, natCount).map((zone, z) => {
        const eip = new aws.ec2.Eip(childName(name, "nat-eip", zone), { domain: "vpc", tags: nameTag("nat", zone) }, { parent, dependsOn: [igw] });
        return new aws.ec2.NatGateway(childName(name, "nat", zone), {
            allocationId: eip.allocationId,
            subnetId: subnets.public[z].id,
            connectivityType: "public",
            tags: nameTag("nat", zone),
        }, { parent, dependsOn: [igw] });
    });

    const publicRoutes = new aws.ec2.RouteTable(childName(name, "public-rt"), { vpcId: vpc.id, tags: nameTag("public") }, opts);
    new aws.ec2.Route(childName(name, "public-default"), {
        routeTableId: publicRoutes.id,
        destinationCidrBlock: "0.0.0.0/0",
        gatewayId: igw.id,
    }, opts);
    subnets.public.forEach((subnet, z) => new aws.ec2.RouteTableAssociation(childName(name, "public-rta", zones[z]), {
        subnetId: subnet.id,
        routeTableId: publicRoutes.id,
    }, opts));

    const privateRoutes = zones.map((zone, z) => {
        const table = new aws.ec2.RouteTable(childName(name, "private-rt", zone), { vpcId: vpc.id, tags: nameTag("private", zone) }, opts);
        new aws.ec2.Route(childName(name, "private-default", zone), {
            routeTableId: table.id,
            destinationCidrBlock: "0.0.0.0/0",
            natGatewayId: natGateways[Math.min(z, natGateways.length - 1)].id,
        }, opts);
        new aws.ec2.RouteTableAssociation(childName(name, "private-rta", zone), { subnetId: subnets.private[z].id, routeTableId: table.id }, opts);
        return table;
    });

    // Build subnets: egress like the private tier (per-zone route tables), never shared (see `buildSubnets`).
    const buildCidrs = carveBuildSubnets(cfg.cidr, zones.length);
    const buildSubnets = args.buildSubnets ? zones.map((zone, z) => {
        const subnet = new aws.ec2.Subnet(childName(name, "build", zone), {
            vpcId: vpc.id,
            availabilityZone: zone,
            cidrBlock: buildCidrs[z],
            mapPublicIpOnLaunch: false,
            tags: { ...nameTag("build", zone), tier: "build" },
        }, opts);
        new aws.ec2.RouteTableAssociation(childName(name, "build-rta", zone), { subnetId: subnet.id, routeTableId: privateRoutes[z].id }, opts);
        return subnet;
    }) : [];

    // The data tier is isolated: local routes and the S3 gateway endpoint only.
    const dataRoutes = new aws.ec2.RouteTable(childName(name, "data-rt"), { vpcId: vpc.id, tags: nameTag("data") }, opts);
    subnets.data.forEach((subnet, z) => new aws.ec2.RouteTableAssociation(childName(name, "data-rta", zones[z]), {
        subnetId: subnet.id,
        routeTableId: dataRoutes.id,
    }, opts));

    const flowLogGroup = createFlowLogs(name, parent, args, vpc);

    new aws.ec2.VpcEndpoint(childName(name, "s3-endpoint"), {
        vpcId: vpc.id,
        serviceName: `com.amazonaws.${account.region}.s3`,
        vpcEndpointType: "Gateway",
        routeTableIds: [...privateRoutes.map((t) => t.id), dataRoutes.id],
        tags: nameTag("s3"),
    }, opts);

    const endpointSecurityGroup = new aws.ec2.SecurityGroup(childName(name, "endpoints-sg"), {
        name: ctx.naming.physical("aws.generic", "vpc-endpoints"),
        vpcId: vpc.id,
        description: "VPC interface endpoints: HTTPS from inside the VPC only",
        ingress: [{ description: "HTTPS from the VPC", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [cfg.cidr] }],
        egress: [],
        tags: nameTag("endpoints"),
    }, opts);
    for (const service of INTERFACE_ENDPOINTS) {
        new aws.ec2.VpcEndpoint(childName(name, `${service.replace(".", "-")}-endpoint`), {
            vpcId: vpc.id,
            serviceName: `com.amazonaws.${account.region}.${service}`,
            vpcEndpointType: "Interface",
            privateDnsEnabled: true,
            subnetIds: subnets.private.map((s) => s.id),
            securityGroupIds: [endpointSecurityGroup.id],
            tags: nameTag(service.replace(".", "-")),
        }, opts);
    }

    const subnetIds = Object.fromEntries(SUBNET_TIERS.map((t) => [t, subnets[t].map((s) => s.id)])) as Record<SubnetTier, pulumi.Output<string>[]>;
    return {
        vpc, subnets, buildSubnets, natGateways, flowLogGroup, endpointSecurityGroup,
        outputs: { networkId: vpc.id, cidr: cfg.cidr, zones, subnetIds, subnetCidrs: cidrs, natGatewayCount: natGateways.length,
            egressZoneRedundant: natGateways.length === zones.length && zones.length > 1 },
    };
}

/** VPC flow logs (all traffic) into a KMS-encrypted log group kept `network.flowLogRetentionDays`. */
function createFlowLogs(name: string, parent: pulumi.Resource, args: AwsNetworkArgs, vpc: aws.ec2.Vpc): aws.cloudwatch.LogGroup {
    const { ctx, account } = args;
    const prod = ctx.config.environment === "prod";
    const groupName = `/${ctx.naming.physical("aws.generic", "vpc-flow-logs")}`;
    const group = new aws.cloudwatch.LogGroup(childName(name, "flow-logs"), {
        name: groupName,
        retentionInDays: ctx.config.network.flowLogRetentionDays,
        kmsKeyId: args.logsKeyArn,
        deletionProtectionEnabled: prod,
    }, { parent, protect: ctx.config.protectStateful });
    const role = new aws.iam.Role(childName(name, "flow-logs-role"), {
        name: ctx.naming.physical("aws.iamRole", "vpc-flow-logs"),
        description: "VPC flow logs delivery to CloudWatch Logs",
        assumeRolePolicy: serviceTrustPolicy("vpc-flow-logs.amazonaws.com", account.accountId),
    }, { parent });
    // The group's ARN spelled from known parts, so the policy is known (and checked) at preview.
    const groupArn = pulumi.interpolate`arn:${account.partition}:logs:${account.region}:${account.accountId}:log-group:${groupName}`;
    new aws.iam.RolePolicy(childName(name, "flow-logs-policy"), {
        name: ctx.naming.physical("aws.generic", "deliver-flow-logs"),
        role: role.id,
        policy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [{
                Sid: "DeliverToTheFlowLogGroup",
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                Resource: [groupArn, pulumi.interpolate`${groupArn}:*`],
            }, {
                // In the VPC guide's minimum permissions; a List action, authorized on the account's groups.
                Sid: "FindTheFlowLogGroup",
                Effect: "Allow",
                Action: ["logs:DescribeLogGroups"],
                Resource: [pulumi.interpolate`arn:${account.partition}:logs:${account.region}:${account.accountId}:log-group:*`],
            }],
        }),
    }, { parent, dependsOn: [group] });
    new aws.ec2.FlowLog(childName(name, "flow-log"), {
        vpcId: vpc.id,
        trafficType: "ALL",
        logDestinationType: "cloud-watch-logs",
        logDestination: group.arn,
        iamRoleArn: role.arn,
        maxAggregationInterval: 60,
        tags: { Name: ctx.naming.physical("aws.generic", "vpc-flow-log") },
    }, { parent });
    return group;
}

/** The VPC (`landing-zone:aws:Network`). */
export class AwsNetwork extends pulumi.ComponentResource {
    readonly result: AwsNetworkResult;

    constructor(name: string, args: AwsNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:aws:Network", name, {}, opts);
        this.result = createNetwork(name, this, args);
        const { networkId, subnetIds, zones, natGatewayCount } = this.result.outputs;
        this.registerOutputs({ networkId, subnetIds, zones, natGatewayCount });
    }
}
