import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import type { NetworkOutputs, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { addressPlan, zonesOf, type AddressPlan } from "./addressing";

/** Google's health-check and proxy ranges (load balancers probe backends from here). */
export const HEALTH_CHECK_RANGES = ["35.191.0.0/16", "130.211.0.0/22"];
/** Identity-Aware Proxy TCP forwarding range. */
export const IAP_RANGE = "35.235.240.0/20";
export const PODS_RANGE_NAME = "pods";
export const SERVICES_RANGE_NAME = "services";

export interface NetworkArgs {
    ctx: StackContext;
    /** The Shared VPC host project. */
    hostProjectId: pulumi.Output<string>;
    /** Plain id of the host project, to tell which service projects are separate. */
    hostProject: string;
    /** Service projects to attach, by domain (the host itself is skipped). */
    serviceProjects: Record<string, { id: string; projectId: pulumi.Output<string>; apis: pulumi.Resource[] }>;
    apis: pulumi.Resource[];
}

export interface NetworkResult extends NetworkOutputs {
    /** `projects/<host>/regions/<region>/subnetworks/<name>`. */
    subnetId: pulumi.Output<string>;
    network: gcp.compute.Network;
    subnet: gcp.compute.Subnetwork;
    plan: AddressPlan;
    /** Name of the private services access range (Cloud SQL `allocatedIpRange`, Memorystore `reservedIpRange`). */
    privateServicesRange: pulumi.Output<string>;
    privateServicesConnection: gcp.servicenetworking.Connection;
    firewalls: gcp.compute.Firewall[];
}

/**
 * Shared VPC in the platform project: custom-mode VPC, one regional subnet with pod and service
 * ranges (private Google access, flow logs), Cloud Router + NAT, private services access, and
 * firewall rules that deny ingress unless a rule allows it.
 */
export class GcpNetwork extends pulumi.ComponentResource {
    readonly result: NetworkResult;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:gcp:Network", name, {}, opts);
        this.result = createNetwork(name, this, args);
        this.registerOutputs({ networkId: this.result.networkId });
    }
}

export function createNetwork(name: string, parent: pulumi.Resource, args: NetworkArgs): NetworkResult {
    const { config, naming } = args.ctx;
    const prod = config.environment === "prod";
    const project = args.hostProjectId;
    const plan = addressPlan(config.network.cidr);
    const opts = { parent };

    const network = new gcp.compute.Network(childName(name, "vpc"), {
        project,
        name: naming.physical("gcp.generic", "vpc"),
        autoCreateSubnetworks: false,
        routingMode: "REGIONAL",
        deleteDefaultRoutesOnCreate: false,
    }, { parent, dependsOn: args.apis });

    const subnet = new gcp.compute.Subnetwork(childName(name, "subnet"), {
        project,
        name: naming.physical("gcp.generic", config.region),
        region: config.region,
        network: network.id,
        ipCidrRange: plan.nodes,
        secondaryIpRanges: [
            { rangeName: PODS_RANGE_NAME, ipCidrRange: plan.pods },
            { rangeName: SERVICES_RANGE_NAME, ipCidrRange: plan.services },
        ],
        privateIpGoogleAccess: true,
        stackType: "IPV4_ONLY",
        logConfig: {
            aggregationInterval: "INTERVAL_5_SEC",
            flowSampling: prod ? 1 : 0.5,
            metadata: "INCLUDE_ALL_METADATA",
        },
    }, opts);

    // Shared VPC: the platform project hosts, each domain's project is attached as a service project.
    const separate = Object.entries(args.serviceProjects).filter(([, p]) => p.id !== args.hostProject);
    if (separate.length > 0) {
        const host = new gcp.compute.SharedVPCHostProject(childName(name, "host"), { project }, { parent, dependsOn: args.apis });
        for (const [domain, service] of separate) {
            new gcp.compute.SharedVPCServiceProject(childName(name, "attach", domain), {
                hostProject: host.project,
                serviceProject: service.projectId,
            }, { parent, dependsOn: service.apis });
        }
    }

    const router = new gcp.compute.Router(childName(name, "router"), {
        project,
        name: naming.physical("gcp.generic", "router"),
        region: config.region,
        network: network.id,
    }, opts);
    // Cloud NAT is a regional, zone-redundant managed service: one gateway serves every zone.
    new gcp.compute.RouterNat(childName(name, "nat"), {
        project,
        name: naming.physical("gcp.generic", "nat"),
        region: config.region,
        router: router.name,
        natIpAllocateOption: "AUTO_ONLY",
        sourceSubnetworkIpRangesToNat: "LIST_OF_SUBNETWORKS",
        subnetworks: [{ name: subnet.id, sourceIpRangesToNats: ["ALL_IP_RANGES"] }],
        enableEndpointIndependentMapping: false,
        logConfig: { enable: true, filter: prod ? "ALL" : "ERRORS_ONLY" },
    }, opts);

    // Private services access: Cloud SQL and Memorystore get private IPs from this range.
    const [psaAddress, psaBits] = plan.privateServices.split("/");
    const psaRange = new gcp.compute.GlobalAddress(childName(name, "psa-range"), {
        project,
        name: naming.physical("gcp.generic", "psa"),
        purpose: "VPC_PEERING",
        addressType: "INTERNAL",
        address: psaAddress,
        prefixLength: Number(psaBits),
        network: network.id,
    }, opts);
    const privateServicesConnection = new gcp.servicenetworking.Connection(childName(name, "psa"), {
        network: network.id,
        service: "servicenetworking.googleapis.com",
        reservedPeeringRanges: [psaRange.name],
        // Google refuses to delete the peering while producers (databases) still use it.
        deletionPolicy: "ABANDON",
    }, opts);

    const firewalls = createFirewalls(childName(name, "fw"), parent, args.ctx, project, network, plan);
    const zones = zonesOf(config.region, config.network.zones);
    // Relative resource names built from inputs: known during a preview, and accepted wherever a self link is.
    const networkId = pulumi.interpolate`projects/${network.project}/global/networks/${network.name}`;
    const subnetId = pulumi.interpolate`projects/${subnet.project}/regions/${subnet.region}/subnetworks/${subnet.name}`;
    return {
        networkId,
        subnetId,
        cidr: config.network.cidr,
        zones,
        // Subnets are regional: one subnet serves every zone; the data tier is the private services range.
        subnetIds: { public: [], private: [subnetId], data: [psaRange.id] },
        subnetCidrs: { public: [], private: [plan.nodes], data: [plan.privateServices] },
        // Cloud NAT has no gateway instances: it is distributed over the hosts of every zone, so the
        // one regional NAT already keeps each zone's egress independent (what `per-zone` asks for).
        natGatewayCount: 1,
        // Cloud NAT is a regional, software-defined service: no zone holds the gateway.
        egressZoneRedundant: true,
        network,
        subnet,
        plan,
        privateServicesRange: psaRange.name,
        privateServicesConnection,
        firewalls,
    };
}

function createFirewalls(
    name: string, parent: pulumi.Resource, ctx: StackContext, project: pulumi.Input<string>,
    network: gcp.compute.Network, plan: AddressPlan,
): gcp.compute.Firewall[] {
    const { naming, config } = ctx;
    const rule = (suffix: string, args: Omit<gcp.compute.FirewallArgs, "network" | "project" | "name" | "direction" | "logConfig">) =>
        new gcp.compute.Firewall(childName(name, suffix), {
            project,
            network: network.id,
            name: naming.physical("gcp.generic", "fw", suffix),
            direction: "INGRESS",
            logConfig: { metadata: "INCLUDE_ALL_METADATA" },
            ...args,
        }, { parent });
    const rules = [
        // Lowest priority above the implied rules: anything not allowed below is dropped and logged.
        rule("deny-all-ingress", { priority: 65534, sourceRanges: ["0.0.0.0/0"], denies: [{ protocol: "all" }] }),
        rule("allow-internal", {
            priority: 1000,
            sourceRanges: [plan.nodes, plan.pods, plan.services, plan.master],
            allows: [{ protocol: "tcp" }, { protocol: "udp" }, { protocol: "icmp" }],
        }),
        rule("allow-health-checks", { priority: 1000, sourceRanges: HEALTH_CHECK_RANGES, allows: [{ protocol: "tcp" }] }),
    ];
    if (config.gcp.iapSsh) {
        rules.push(rule("allow-iap-ssh", { priority: 1000, sourceRanges: [IAP_RANGE], allows: [{ protocol: "tcp", ports: ["22"] }] }));
    }
    return rules;
}
