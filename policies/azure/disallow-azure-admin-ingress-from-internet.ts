import type { Props } from "../lib/define";
import { resourcePolicy } from "../lib/define";
import { isOpenToInternet, list, portSpec, rangeHitsAdminPort } from "../lib/props";

function ruleProblem(rule: Props): string | undefined {
    const r = rule.properties ?? rule;
    if (r.direction !== "Inbound" || r.access !== "Allow") return undefined;
    const sources = [r.sourceAddressPrefix, ...list(r.sourceAddressPrefixes)].filter((s) => s !== undefined);
    if (!isOpenToInternet(sources)) return undefined;
    const ports = [r.destinationPortRange, ...list(r.destinationPortRanges)].filter((p) => p !== undefined);
    if (r.protocol === "Udp" || r.protocol === "*") return `rule ${rule.name ?? r.name ?? "(unnamed)"} admits the internet over ${r.protocol === "*" ? "any protocol (UDP included)" : "UDP"}`;
    const hit = ports.find((p) => rangeHitsAdminPort(...portSpec(p)));
    return hit === undefined ? undefined : `rule ${rule.name ?? r.name ?? "(unnamed)"} admits the internet to port ${hit}`;
}

/** SSH, RDP, database, API and plain HTTP ports, and UDP services, are never open to the internet. */
export const policy = resourcePolicy({
    name: "disallow-azure-admin-ingress-from-internet",
    description: "Network security groups must not allow inbound traffic from the internet (*, Internet, 0.0.0.0/0) to admin, database, FTP or plain HTTP ports, nor over UDP.",
    metadata: {
        cloud: "azure", service: "network", severity: "critical", topic: "security", principle: "no-admin-ingress-from-internet",
        remediation: "limit the source to the virtual network or a bastion subnet; use Azure Bastion instead of internet SSH/RDP",
        checkov: ["CKV_AZURE_9", "CKV_AZURE_10", "CKV_AZURE_77", "CKV_AZURE_160"],
        resourceTypes: ["azure-native:network:NetworkSecurityGroup", "azure-native:network:SecurityRule"],
    },
    validate: (props, args, report) => {
        const rules = args.type === "azure-native:network:SecurityRule" ? [props] : list(props.securityRules);
        for (const rule of rules) {
            const problem = ruleProblem(rule);
            if (problem) report(`${problem}.`);
        }
    },
});
