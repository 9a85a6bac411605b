import { strict as assert } from "node:assert";
import { subnetCidr } from "../../../components/azure/cidr";
import { CONTAINER_INSTANCE_DELEGATION, FUNCTIONS_DELEGATION, POSTGRES_DELEGATION, PRIVATE_LINK_ZONES } from "../../../components/azure/network";
import { assertWaitsForGrant } from "../propagation";
import { baseConfig, fabricatedId, runPlatform } from "./run-platform";

const VNET = "azure-native:network:VirtualNetwork";
const SUBNET = "azure-native:network:Subnet";
const NSG = "azure-native:network:NetworkSecurityGroup";
const NAT = "azure-native:network:NatGateway";
const PIP = "azure-native:network:PublicIPAddress";
const ZONE = "azure-native:privatedns:PrivateZone";
const LINK = "azure-native:privatedns:VirtualNetworkLink";
const WATCHER = "azure-native:network:NetworkWatcher";

describe("components/azure/network", () => {
    it("carves subnets out of network.cidr without overlap", () => {
        assert.equal(subnetCidr("10.40.0.0/16", 1, 0), "10.40.0.0/17");
        assert.equal(subnetCidr("10.40.0.0/16", 3, 4), "10.40.128.0/19");
        assert.equal(subnetCidr("10.40.0.0/16", 3, 5), "10.40.160.0/19");
        assert.equal(subnetCidr("10.0.0.0/20", 3, 5), "10.0.10.0/23");
        assert.throws(() => subnetCidr("10.0.0.0/16", 2, 4));
    });

    it("builds the VNet from network.cidr with node, private-endpoint, PostgreSQL, worker and jobs subnets", async () => {
        const { rec, outputs } = await runPlatform("dev");
        assert.deepEqual(rec.inputs(rec.one(VNET)).addressSpace.addressPrefixes, ["10.40.0.0/16"]);
        const prefixes = rec.ofType(SUBNET).map((s) => rec.inputs(s).addressPrefix);
        assert.deepEqual(prefixes, ["10.40.0.0/17", "10.40.128.0/19", "10.40.160.0/19", "10.40.192.0/19", "10.40.224.0/19"]);
        assert.deepEqual(outputs.network.subnetCidrs, { public: [], private: ["10.40.0.0/17"], data: ["10.40.128.0/19", "10.40.160.0/19"] });
        const postgres = rec.inputs(rec.one(SUBNET, "postgres"));
        assert.deepEqual(postgres.delegations.map((d: { serviceName: string }) => d.serviceName), [POSTGRES_DELEGATION]);
        assert.equal(rec.inputs(rec.one(SUBNET, "private-endpoints")).privateEndpointNetworkPolicies, "Enabled");
        // One-shot jobs (a domain's database bootstrap) run in Container Instances inside the VNet.
        const jobs = rec.inputs(rec.one(SUBNET, "jobs"));
        assert.deepEqual(jobs.delegations.map((d: { serviceName: string }) => d.serviceName), [CONTAINER_INSTANCE_DELEGATION]);
        assert.ok(jobs.natGateway, "jobs pull their image and get Entra tokens through the NAT gateway");
        assert.ok("jobs" in outputs.extras.subnets, "exported for the domain stacks");
        // The domains' workers integrate here (Flex Consumption), egress through the NAT gateway.
        const functions = rec.inputs(rec.one(SUBNET, "functions"));
        assert.deepEqual(functions.delegations.map((d: { serviceName: string }) => d.serviceName), [FUNCTIONS_DELEGATION]);
        assert.ok(functions.natGateway, "worker egress goes through the NAT gateway");
        assert.equal(functions.defaultOutboundAccess, false);
    });

    it("puts an NSG on every subnet, denying all inbound traffic from beyond the VNet", async () => {
        const { rec } = await runPlatform("dev", {}, { preview: false });
        const subnets = rec.ofType(SUBNET);
        assert.equal(subnets.length, 5);
        for (const subnet of subnets) {
            const nsgId = rec.inputs(subnet).networkSecurityGroup?.id;
            const nsg = rec.ofType(NSG).find((n) => fabricatedId(n) === nsgId);
            assert.ok(nsg, `${subnet.name} has an NSG`);
            const rules = rec.inputs(nsg).securityRules as Record<string, any>[];
            const inbound = rules.filter((r) => r.direction === "Inbound").sort((a, b) => a.priority - b.priority);
            const last = inbound[inbound.length - 1];
            assert.equal(last.access, "Deny");
            assert.equal(last.sourceAddressPrefix, "*");
            for (const allow of inbound.filter((r) => r.access === "Allow")) {
                assert.notEqual(allow.sourceAddressPrefix, "*", `${nsg.name}: ${allow.name} allows everything`);
                assert.notEqual(allow.sourceAddressPrefix, "Internet");
            }
        }
    });

    it("sends node and PostgreSQL egress through the NAT gateway only, no default outbound access anywhere", async () => {
        const { rec } = await runPlatform("dev", {}, { preview: false });
        const nodes = rec.inputs(rec.one(SUBNET, "aks-nodes"));
        assert.equal(nodes.natGateway.id, fabricatedId(rec.one(NAT)));
        // PostgreSQL signs users in against Entra ID and (HA) archives WAL to Azure Storage: both outside the VNet.
        const postgres = rec.inputs(rec.one(SUBNET, "postgres"));
        assert.equal(postgres.natGateway.id, fabricatedId(rec.one(NAT)));
        assert.deepEqual(postgres.serviceEndpoints, [{ service: "Microsoft.Storage" }]);
        assert.equal(rec.inputs(rec.one(SUBNET, "private-endpoints")).natGateway, undefined);
        for (const subnet of rec.ofType(SUBNET)) assert.equal(rec.inputs(subnet).defaultOutboundAccess, false);
        const nat = rec.inputs(rec.one(NAT));
        assert.equal(nat.sku.name, "Standard");
        assert.deepEqual(nat.publicIpAddresses, [{ id: fabricatedId(rec.one(PIP)) }]);
    });

    it("uses a zone-redundant Standard public IP for egress in prod", async () => {
        const prod = await runPlatform("prod");
        const ip = prod.rec.inputs(prod.rec.one(PIP));
        assert.equal(ip.sku.name, "Standard");
        assert.deepEqual(ip.zones, ["1", "2", "3"]);
        assert.deepEqual(prod.rec.inputs(prod.rec.one(NAT)).zones, ["1"], "a zonal gateway in a known zone");
        const dev = await runPlatform("dev");
        assert.equal(dev.rec.inputs(dev.rec.one(PIP)).zones, undefined);
    });

    it("creates the private DNS zones of every private endpoint, each linked to the VNet without auto-registration", async () => {
        const { rec, outputs } = await runPlatform("dev", {}, { preview: false });
        const names = rec.ofType(ZONE).map((z) => rec.inputs(z).privateZoneName);
        for (const zone of Object.values(PRIVATE_LINK_ZONES)) assert.ok(names.includes(zone), zone);
        assert.ok(names.some((n) => /\.private\.postgres\.database\.azure\.com$/.test(n)));
        const links = rec.ofType(LINK);
        assert.equal(links.length, names.length);
        for (const link of links) {
            assert.equal(rec.inputs(link).virtualNetwork.id, fabricatedId(rec.one(VNET)));
            assert.equal(rec.inputs(link).registrationEnabled, false);
        }
        assert.deepEqual(Object.keys(outputs.extras.privateDnsZoneIds).sort(), ["blob", "keyVault", "postgres", "redis", "registry", "serviceBus"]);
    });

    it("keeps VNet flow logs for network.flowLogRetentionDays with traffic analytics", async () => {
        const { rec } = await runPlatform("prod", { network: { cidr: "10.40.0.0/16", flowLogRetentionDays: 120 } }, { preview: false });
        const flow = rec.inputs(rec.one("azure-native:network:FlowLog"));
        assert.equal(flow.targetResourceId, fabricatedId(rec.one(VNET)));
        assert.equal(flow.enabled, true);
        assert.deepEqual(flow.retentionPolicy, { enabled: true, days: 120 });
        assert.equal(flow.storageId, fabricatedId(rec.one("azure-native:storage:StorageAccount", "archive")));
        assert.equal(flow.flowAnalyticsConfiguration.networkWatcherFlowAnalyticsConfiguration.enabled, true);
    });

    it("writes flow logs to the archive (no shared keys) as an identity with blob write access there only, after the grant propagated", async () => {
        const { rec } = await runPlatform("prod", {}, { preview: false });
        const flowLog = rec.one("azure-native:network:FlowLog");
        const identity = rec.one("azure-native:managedidentity:UserAssignedIdentity", "flow-log");
        assert.deepEqual(rec.inputs(flowLog).identity, { type: "UserAssigned", userAssignedIdentities: [fabricatedId(identity)] });
        const grant = rec.one("azure-native:authorization:RoleAssignment", "flow-log-archive");
        assert.equal(rec.inputs(grant).scope, fabricatedId(rec.one("azure-native:storage:StorageAccount", "archive")));
        assert.match(rec.inputs(grant).roleDefinitionId, /ba92f5b4-2d11-453d-a403-e96b0029c9fe$/);
        assertWaitsForGrant(rec, flowLog, grant);
    });

    it("creates the region's Network Watcher, tagged, before the VNet, and runs the flow log on it (Azure's own would come after the VNet, untagged)", async () => {
        const { rec } = await runPlatform("prod", {}, { preview: false });
        const watcher = rec.one(WATCHER);
        const inputs = rec.inputs(watcher);
        assert.equal(inputs.location, "westeurope");
        assert.equal(inputs.resourceGroupName, rec.inputs(rec.one(VNET)).resourceGroupName, "in the network resource group, not NetworkWatcherRG");
        assert.equal(inputs.tags.environment, "prod");
        assert.ok(rec.one(VNET).dependencies.includes(watcher.urn), "the VNet waits for the watcher, so Azure creates none");
        const flowLog = rec.one("azure-native:network:FlowLog");
        assert.ok(flowLog.dependencies.includes(watcher.urn));
        assert.equal(rec.inputs(flowLog).networkWatcherName, inputs.networkWatcherName);
        assert.equal(rec.inputs(flowLog).resourceGroupName, inputs.resourceGroupName);
    });

    it("uses the subscription's existing watcher when azure.networkWatcher names it (one per subscription and region)", async () => {
        const networkWatcher = { resourceGroup: "NetworkWatcherRG", name: "NetworkWatcher_westeurope" };
        const { rec } = await runPlatform("dev", { azure: { ...baseConfig("dev").azure as object, networkWatcher } });
        assert.equal(rec.ofType(WATCHER).length, 0);
        const flowLog = rec.inputs(rec.one("azure-native:network:FlowLog"));
        assert.equal(flowLog.networkWatcherName, "NetworkWatcher_westeurope");
        assert.equal(flowLog.resourceGroupName, "NetworkWatcherRG");
    });
});
