import { resourcePolicy } from "../lib/define";

const SPECIAL_PURPOSES = ["REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY", "PRIVATE_SERVICE_CONNECT", "INTERNAL_HTTPS_LOAD_BALANCER"];

/** Subnets record their flows and reach Google APIs privately. */
export const policy = resourcePolicy({
    name: "enable-gcp-subnet-flow-logs",
    description: "VPC subnets must have flow logs (logConfig) and Private Google Access on, for IPv6 too on dual-stack subnets (proxy-only and PSC subnets excepted).",
    metadata: {
        cloud: "gcp", service: "compute", severity: "medium", topic: "security", principle: "audit-logging",
        remediation: "set logConfig { aggregationInterval, flowSampling, metadata }, privateIpGoogleAccess true and, on dual-stack subnets, privateIpv6GoogleAccess ENABLE_OUTBOUND_VM_ACCESS_TO_GOOGLE",
        checkov: ["CKV_GCP_26", "CKV_GCP_74", "CKV_GCP_76"],
        resourceTypes: ["gcp:compute/subnetwork:Subnetwork"],
    },
    validate: (props, _args, report) => {
        if (SPECIAL_PURPOSES.includes(props.purpose)) return;
        if (!props.logConfig) report("flow logs are off (no logConfig).");
        if (props.privateIpGoogleAccess !== true) report("Private Google Access is off.");
        const ipv6Access = ["ENABLE_OUTBOUND_VM_ACCESS_TO_GOOGLE", "ENABLE_BIDIRECTIONAL_ACCESS_TO_GOOGLE"];
        if (props.stackType === "IPV4_IPV6" && !ipv6Access.includes(props.privateIpv6GoogleAccess)) report("Private Google Access for IPv6 is off on a dual-stack subnet.");
    },
});
