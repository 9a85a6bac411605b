import type { Props } from "../lib/define";
import { resourcePolicy } from "../lib/define";
import { isOpenToInternet, list, portSpec, rangeHitsAdminPort } from "../lib/props";

function ruleProblem(rule: Props): string | undefined {
    const r = rule.properties ?? rule;
    if (r.direction !== "Inbound" || r.access !== "Allow") return undefined;
    const sources = [r.sourceAddressPrefix, ...list(r.sourceAddressPrefixes)].filter((s) => s !== undefined);
    if (!isOpenToInternet(sources)) return undefined;
    const ports = [r.destinationPortRange, ...list(r.destinationPortRanges)].filter((p) => p !== undefined);
    const hit = ports.find((p) => rangeHitsAdminPort(...portSpec(p)));
    return hit === undefined ? undefined : `rule ${rule.name ?? r.name ?? "(unnamed)"} admits the internet to port ${hit}`;
}

/** SSH, RDP, database and API ports are never open to the internet. */
export const policy = resourcePolicy({
    name: "disallow-azure-admin-ingress-from-internet",
    description: "Network security groups must not allow inbound traffic from the internet (*, Internet, 0.0.0.0/0) to admin ports or all ports.",
    metadata: {
        cloud: "azure", service: "network", severity: "critical", topic: "security", principle: "no-admin-ingress-from-internet",
        remediation: "limit the source to the virtual network or a bastion subnet; use Azure Bastion instead of internet SSH/RDP",
        checkov: ["CKV_AZURE_9", "CKV_AZURE_10"],
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
