import { strict as assert } from "node:assert";
import { addressPlan, subBlock, zonesOf } from "../../../components/gcp/addressing";
import { isValidIpv4Cidr } from "../../../components/core/config/rules/common";
import { HEALTH_CHECK_RANGES, IAP_RANGE } from "../../../components/gcp/network";
import { sample, T, variant } from "./helpers";

function range(cidr: string): [number, number] {
    const [ip, bits] = cidr.split("/");
    const start = ip.split(".").reduce((a, o) => a * 256 + Number(o), 0);
    return [start, start + 2 ** (32 - Number(bits)) - 1];
}

describe("components/gcp/addressing", () => {
    for (const cidr of ["10.60.0.0/16", "10.0.0.0/20", "172.16.0.0/12"]) {
        it(`cuts ${cidr} into disjoint, valid ranges inside it`, () => {
            const plan = addressPlan(cidr);
            const parts = Object.values(plan);
            const [lo, hi] = range(cidr);
            for (const p of parts) {
                assert.ok(isValidIpv4Cidr(p), p);
                const [a, b] = range(p);
                assert.ok(a >= lo && b <= hi, `${p} outside ${cidr}`);
            }
            for (let i = 0; i < parts.length; i++) {
                for (let j = i + 1; j < parts.length; j++) {
                    const [a1, b1] = range(parts[i]);
                    const [a2, b2] = range(parts[j]);
                    assert.ok(b1 < a2 || b2 < a1, `${parts[i]} overlaps ${parts[j]}`);
                }
            }
            assert.equal(plan.master.split("/")[1], "28");
        });
    }

    it("refuses a block that does not fit", () => {
        assert.throws(() => subBlock("10.0.0.0/24", 20, 0), /does not fit/);
    });

    it("names zones as the region spells them", () => {
        assert.deepEqual(zonesOf("europe-west1", 3), ["europe-west1-b", "europe-west1-c", "europe-west1-d"]);
        assert.deepEqual(zonesOf("europe-west4", 2), ["europe-west4-a", "europe-west4-b"]);
    });
});

describe("components/gcp/network", () => {
    it("Shared VPC host: custom-mode VPC in the platform project, domain projects attached", async () => {
        const rec = await sample("platform-gcp-prod");
        const host = rec.inputs(rec.one(T.project, "platform")).projectId;
        const vpc = rec.inputs(rec.one(T.network));
        assert.equal(vpc.autoCreateSubnetworks, false);
        assert.equal(vpc.project, host);
        assert.equal(rec.inputs(rec.one(T.host)).project, host);
        const attached = rec.ofType(T.attach).map((a) => rec.inputs(a).serviceProject).sort();
        const domains = ["orders", "payments"].map((d) => rec.inputs(rec.one(T.project, `-${d}-`)).projectId).sort();
        assert.deepEqual(attached, domains);
    });

    it("one regional subnet: pods and services ranges, private Google access, flow logs", async () => {
        const rec = await sample("platform-gcp-prod");
        const subnet = rec.inputs(rec.one(T.subnet));
        const plan = addressPlan("10.60.0.0/16");
        assert.equal(subnet.region, "europe-west1");
        assert.equal(subnet.ipCidrRange, plan.nodes);
        assert.deepEqual(subnet.secondaryIpRanges, [
            { rangeName: "pods", ipCidrRange: plan.pods },
            { rangeName: "services", ipCidrRange: plan.services },
        ]);
        assert.equal(subnet.privateIpGoogleAccess, true);
        assert.equal(subnet.logConfig.metadata, "INCLUDE_ALL_METADATA");
        assert.equal(subnet.logConfig.flowSampling, 1);
    });

    it("Cloud Router + NAT for the subnet, and private services access for Cloud SQL / Memorystore", async () => {
        const rec = await sample("platform-gcp-prod");
        const nat = rec.inputs(rec.one(T.nat));
        assert.equal(nat.sourceSubnetworkIpRangesToNat, "LIST_OF_SUBNETWORKS");
        assert.equal(nat.logConfig.enable, true);
        const address = rec.inputs(rec.one(T.address));
        assert.equal(address.purpose, "VPC_PEERING");
        assert.equal(address.addressType, "INTERNAL");
        assert.equal(`${address.address}/${address.prefixLength}`, addressPlan("10.60.0.0/16").privateServices);
        const psa = rec.inputs(rec.one(T.psa));
        assert.equal(psa.service, "servicenetworking.googleapis.com");
        assert.deepEqual(psa.reservedPeeringRanges, [address.name]);
    });

    it("firewall: deny all ingress at low priority, explicit allows only from known ranges", async () => {
        const rec = await sample("platform-gcp-prod");
        const rules = rec.ofType(T.firewall).map((f) => rec.inputs(f));
        const deny = rules.find((r) => r.denies);
        assert.ok(deny, "no deny-all ingress rule");
        assert.equal(deny.direction, "INGRESS");
        assert.deepEqual(deny.sourceRanges, ["0.0.0.0/0"]);
        assert.deepEqual(deny.denies, [{ protocol: "all" }]);
        assert.equal(deny.priority, 65534);
        for (const allow of rules.filter((r) => r.allows)) {
            assert.ok(allow.priority < deny.priority);
            assert.ok(!allow.sourceRanges.includes("0.0.0.0/0"), `${allow.name} allows the internet`);
        }
        assert.ok(rules.some((r) => r.allows && HEALTH_CHECK_RANGES.every((c) => r.sourceRanges.includes(c))));
        assert.ok(!rules.some((r) => r.sourceRanges.includes(IAP_RANGE)), "IAP SSH only when asked for");
    });

    it("IAP SSH only when gcp.iapSsh is set", async () => {
        const rec = await variant("platform-gcp-dev", { gcp: { iapSsh: true } });
        const iap = rec.inputs(rec.one(T.firewall, "iap"));
        assert.deepEqual(iap.sourceRanges, [IAP_RANGE]);
        assert.deepEqual(iap.allows, [{ protocol: "tcp", ports: ["22"] }]);
    });
});
