import { resourcePolicy } from "../lib/define";
import { list } from "../lib/props";

/** Whether an IPv4 address lies in a CIDR block. */
export function inCidr(ip: string, cidr: string): boolean {
    const toInt = (a: string) => a.split(".").reduce((n, part) => (n << 8) + Number(part), 0) >>> 0;
    const [base, bits] = cidr.split("/");
    const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0;
    return (toInt(ip) & mask) === (toInt(base) & mask);
}

/** Custom DNS is redundant and inside the network (Azure-provided DNS is both). */
export const policy = resourcePolicy({
    name: "configure-vnet-dns",
    description: "Virtual networks with custom DNS servers must name at least two, all inside the network's address space.",
    metadata: {
        cloud: "azure", service: "network", severity: "low", topic: "availability", principle: "redundant-storage",
        remediation: "leave dhcpOptions.dnsServers unset (Azure DNS, resolving the private DNS zones) or list >= 2 resolvers inside the address space",
        checkov: ["CKV_AZURE_182", "CKV_AZURE_183"],
        resourceTypes: ["azure-native:network:VirtualNetwork"],
    },
    validate: (props, _args, report) => {
        const servers = list<string>(props.dhcpOptions?.dnsServers);
        if (servers.length === 0) return;
        if (servers.length === 1) report(`one DNS server (${servers[0]}) is a single point of failure.`);
        const spaces = list<string>(props.addressSpace?.addressPrefixes);
        const outside = servers.filter((s) => !spaces.some((c) => inCidr(s, c)));
        if (outside.length) report(`DNS servers ${outside.join(", ")} are outside the network's address space.`);
    },
});
