import { resourcePolicy } from "../lib/define";

const SPECIAL_PURPOSES = ["REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY", "PRIVATE_SERVICE_CONNECT", "INTERNAL_HTTPS_LOAD_BALANCER"];

/** Subnets record their flows and reach Google APIs privately. */
export const policy = resourcePolicy({
    name: "enable-gcp-subnet-flow-logs",
    description: "VPC subnets must have flow logs (logConfig) and Private Google Access on (proxy-only and PSC subnets excepted).",
    metadata: {
        cloud: "gcp", service: "compute", severity: "medium", topic: "security", principle: "audit-logging",
        remediation: "set logConfig { aggregationInterval, flowSampling, metadata } and privateIpGoogleAccess true",
        checkov: ["CKV_GCP_26", "CKV_GCP_74"],
        resourceTypes: ["gcp:compute/subnetwork:Subnetwork"],
    },
    validate: (props, _args, report) => {
        if (SPECIAL_PURPOSES.includes(props.purpose)) return;
        if (!props.logConfig) report("flow logs are off (no logConfig).");
        if (props.privateIpGoogleAccess !== true) report("Private Google Access is off.");
    },
});
