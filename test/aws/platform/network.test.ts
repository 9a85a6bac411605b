import { strict as assert } from "node:assert";
import { carveSubnets, INTERFACE_ENDPOINTS } from "../../../components/aws/network";
import { isValidIpv4Cidr } from "../../../components/core/config/rules/common";
import { policyOf, sample, sampleConfig, variant } from "./helpers";

const SUBNET = "aws:ec2/subnet:Subnet";
const NAT = "aws:ec2/natGateway:NatGateway";
const ROUTE = "aws:ec2/route:Route";
const ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";

function toRange(cidr: string): [number, number] {
    const [ip, bits] = cidr.split("/");
    const start = ip.split(".").reduce((acc, o) => acc * 256 + Number(o), 0);
    return [start, start + 2 ** (32 - Number(bits)) - 1];
}

describe("aws/network.ts", () => {
    describe("carveSubnets", () => {
        it("cuts /20s from a /16, one per zone and tier, inside the VPC and never overlapping", () => {
            const tiers = carveSubnets("10.20.0.0/16", 3);
            const all = [...tiers.public, ...tiers.private, ...tiers.data];
            assert.equal(all.length, 9);
            const [vpcStart, vpcEnd] = toRange("10.20.0.0/16");
            const ranges = all.map((c) => {
                assert.ok(isValidIpv4Cidr(c) && c.endsWith("/20"), c);
                const [s, e] = toRange(c);
                assert.ok(s >= vpcStart && e <= vpcEnd, `${c} outside the VPC`);
                return [s, e];
            }).sort((a, b) => a[0] - b[0]);
            for (let i = 1; i < ranges.length; i++) assert.ok(ranges[i][0] > ranges[i - 1][1], "subnets overlap");
        });

        it("is deterministic and adding a zone keeps the existing subnets", () => {
            const two = carveSubnets("10.0.0.0/20", 2);
            const three = carveSubnets("10.0.0.0/20", 3);
            assert.deepEqual(carveSubnets("10.0.0.0/20", 2), two);
            for (const tier of ["public", "private", "data"] as const) assert.deepEqual(three[tier].slice(0, 2), two[tier]);
            assert.equal(three.data[2], "10.0.10.0/24");
        });
    });

    it("prod: 3 zones x 3 tiers, each tier in 3 distinct AZs, no public IPs on launch", async () => {
        const rec = await sample("platform-aws-prod");
        const subnets = rec.ofType(SUBNET).map((s) => rec.inputs(s));
        assert.equal(subnets.length, 9);
        for (const tier of ["public", "private", "data"]) {
            const ofTier = subnets.filter((s) => s.tags.tier === tier);
            assert.deepEqual(ofTier.map((s) => s.availabilityZone).sort(), ["eu-west-1a", "eu-west-1b", "eu-west-1c"], tier);
        }
        assert.ok(subnets.every((s) => s.mapPublicIpOnLaunch === false));
        assert.equal(rec.inputs(rec.one("aws:ec2/vpc:Vpc")).cidrBlock, "10.20.0.0/16");
    });

    it("prod: a NAT gateway per zone, each zone's private route through its own NAT", async () => {
        const rec = await sample("platform-aws-prod", false);
        const nats = rec.ofType(NAT);
        assert.equal(nats.length, 3);
        assert.deepEqual(nats.map((n) => rec.inputs(n).subnetId).sort(),
            ["network-public-eu-west-1a-id", "network-public-eu-west-1b-id", "network-public-eu-west-1c-id"]);
        for (const zone of ["a", "b", "c"]) {
            const route = rec.inputs(rec.one(ROUTE, `private-default-eu-west-1${zone}`));
            assert.equal(route.natGatewayId, `network-nat-eu-west-1${zone}-id`);
            assert.equal(route.destinationCidrBlock, "0.0.0.0/0");
        }
    });

    it("dev: one NAT gateway shared by every zone", async () => {
        const rec = await sample("platform-aws-dev", false);
        assert.equal(rec.ofType(NAT).length, 1);
        const targets = rec.ofType(ROUTE).filter((r) => r.name.includes("private-default")).map((r) => rec.inputs(r).natGatewayId);
        assert.deepEqual(targets, ["network-nat-eu-west-1a-id", "network-nat-eu-west-1a-id", "network-nat-eu-west-1a-id"]);
    });

    it("the data tier has no route to the internet; the public tier goes through the internet gateway", async () => {
        const rec = await sample("platform-aws-prod", false);
        const routes = rec.ofType(ROUTE).map((r) => rec.inputs(r));
        assert.ok(routes.every((r) => r.routeTableId !== "network-data-rt-id"), "a route was added to the data route table");
        const publicDefault = rec.inputs(rec.one(ROUTE, "public-default"));
        assert.equal(publicDefault.gatewayId, "network-igw-id");
        const dataAssociations = rec.ofType("aws:ec2/routeTableAssociation:RouteTableAssociation")
            .filter((a) => a.name.includes("data-rta")).map((a) => rec.inputs(a).routeTableId);
        assert.deepEqual(dataAssociations, ["network-data-rt-id", "network-data-rt-id", "network-data-rt-id"]);
    });

    it("flow logs: all traffic into a KMS-encrypted log group kept network.flowLogRetentionDays", async () => {
        for (const [stack, days] of [["platform-aws-prod", 365], ["platform-aws-dev", 14]] as const) {
            const rec = await sample(stack, false);
            const flowLog = rec.inputs(rec.one("aws:ec2/flowLog:FlowLog"));
            assert.equal(flowLog.trafficType, "ALL");
            assert.equal(flowLog.vpcId, "network-vpc-id");
            assert.equal(flowLog.logDestinationType, "cloud-watch-logs");
            const group = rec.one("aws:cloudwatch/logGroup:LogGroup", "flow-logs");
            assert.equal(rec.inputs(group).retentionInDays, days);
            assert.match(rec.inputs(group).kmsKeyId, /:kms:.*keys-logs$/);
            assert.match(flowLog.logDestination, /flow-logs$/);
        }
    });

    it("flow-log role: the VPC guide's minimum permissions (DescribeLogGroups included) on this account's groups; trust keeps the confused-deputy guard", async () => {
        const rec = await sample("platform-aws-prod");
        const statements = policyOf(rec, rec.one("aws:iam/rolePolicy:RolePolicy", "flow-logs-policy")).Statement;
        const granted = statements.flatMap((s) => [s.Action].flat());
        // CreateLogGroup is left out on purpose: the stack creates the group (encrypted, with retention).
        for (const action of ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups", "logs:DescribeLogStreams"]) {
            assert.ok(granted.includes(action), `missing ${action}`);
        }
        const describeGroups = statements.find((s) => [s.Action].flat().includes("logs:DescribeLogGroups"))!;
        assert.deepEqual([describeGroups.Resource].flat(), ["arn:aws:logs:eu-west-1:111111111111:log-group:*"]);
        for (const s of statements) assert.ok(![s.Resource].flat().includes("*"), "no * resource");
        const trust = policyOf(rec, rec.one("aws:iam/role:Role", "flow-logs-role"), "assumeRolePolicy").Statement[0];
        assert.equal(trust.Principal.Service, "vpc-flow-logs.amazonaws.com");
        assert.deepEqual(trust.Condition, { StringEquals: { "aws:SourceAccount": "111111111111" } });
    });

    it("endpoints: S3 gateway on private and data route tables; ECR, STS, Logs interface endpoints admitting only the VPC on 443", async () => {
        const rec = await sample("platform-aws-prod", false);
        const s3 = rec.inputs(rec.one(ENDPOINT, "s3-endpoint"));
        assert.equal(s3.vpcEndpointType, "Gateway");
        assert.equal(s3.serviceName, "com.amazonaws.eu-west-1.s3");
        assert.deepEqual([...s3.routeTableIds].sort(), ["network-data-rt-id", "network-private-rt-eu-west-1a-id",
            "network-private-rt-eu-west-1b-id", "network-private-rt-eu-west-1c-id"]);
        for (const service of INTERFACE_ENDPOINTS) {
            const ep = rec.inputs(rec.one(ENDPOINT, `${service.replace(".", "-")}-endpoint`));
            assert.equal(ep.serviceName, `com.amazonaws.eu-west-1.${service}`);
            assert.equal(ep.vpcEndpointType, "Interface");
            assert.equal(ep.privateDnsEnabled, true);
            assert.equal(ep.subnetIds.length, 3);
            assert.deepEqual(ep.securityGroupIds, ["network-endpoints-sg-id"]);
        }
        const sg = rec.inputs(rec.one("aws:ec2/securityGroup:SecurityGroup", "endpoints-sg"));
        assert.deepEqual(sg.ingress.map((r: any) => [r.protocol, r.fromPort, r.toPort, r.cidrBlocks]), [["tcp", 443, 443, ["10.20.0.0/16"]]]);
        assert.deepEqual(sg.egress, []);
    });

    it("the default security group admits nothing", async () => {
        const rec = await sample("platform-aws-dev");
        const sg = rec.inputs(rec.one("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"));
        assert.deepEqual([sg.ingress, sg.egress], [[], []]);
    });

    it("aws.availabilityZones and network.zones choose the zones", async () => {
        const rec = await variant("platform-aws-dev", {
            network: { cidr: "10.10.0.0/16", zones: 2 },
            aws: { ...sampleConfig("platform-aws-dev").aws, availabilityZones: ["eu-west-1b", "eu-west-1c"] },
        });
        const zones = [...new Set(rec.ofType(SUBNET).map((s) => rec.inputs(s).availabilityZone))].sort();
        assert.deepEqual(zones, ["eu-west-1b", "eu-west-1c"]);
        assert.equal(rec.ofType(SUBNET).length, 6);
    });
});
