import { resourcePolicy } from "../lib/define";
import { isOpenToInternet, list, portSpec, rangeHitsAdminPort } from "../lib/props";

/** SSH, RDP, database, API, FTP and plain HTTP ports are never open to the internet. */
export const policy = resourcePolicy({
    name: "disallow-gcp-admin-ingress-from-internet",
    description: "Firewall rules must not allow ingress from 0.0.0.0/0 to admin, database, FTP or plain HTTP ports, or all ports.",
    metadata: {
        cloud: "gcp", service: "compute", severity: "critical", topic: "security", principle: "no-admin-ingress-from-internet",
        remediation: "limit sourceRanges to the VPC or 35.235.240.0/20 (IAP TCP forwarding) and reach hosts through IAP",
        checkov: ["CKV_GCP_2", "CKV_GCP_3", "CKV_GCP_75", "CKV_GCP_77", "CKV_GCP_88", "CKV_GCP_106"],
        resourceTypes: ["gcp:compute/firewall:Firewall"],
    },
    validate: (props, _args, report) => {
        if ((props.direction ?? "INGRESS") !== "INGRESS" || props.disabled === true) return;
        if (!isOpenToInternet(props.sourceRanges)) return;
        for (const allow of list(props.allows)) {
            const ports = list<string>(allow.ports);
            const all = allow.protocol === "all" || (ports.length === 0 && ["tcp", "udp", "sctp"].includes(allow.protocol));
            const hit = all ? "all" : ports.find((p) => rangeHitsAdminPort(...portSpec(p)));
            if (hit !== undefined) report(`allows ${allow.protocol} ${hit === "all" ? "on all ports" : `port ${hit}`} from 0.0.0.0/0.`);
        }
    },
});
