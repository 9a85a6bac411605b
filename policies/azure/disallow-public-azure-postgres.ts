import { resourcePolicy } from "../lib/define";
import { isSet } from "../lib/props";

/** The database sits in a delegated subnet (VNet integration) or behind a private endpoint. */
export const policy = resourcePolicy({
    name: "disallow-public-azure-postgres",
    description: "PostgreSQL flexible servers must not have public network access.",
    metadata: {
        cloud: "azure", service: "dbforpostgresql", severity: "critical", topic: "security", principle: "no-public-data-endpoints",
        remediation: "set network.delegatedSubnetResourceId and privateDnsZoneArmResourceId (VNet integration) or network.publicNetworkAccess Disabled with a private endpoint",
        checkov: ["CKV_AZURE_68"],
        resourceTypes: ["azure-native:dbforpostgresql:Server"],
    },
    validate: (props, _args, report) => {
        const network = props.network ?? {};
        if (isSet(network, "delegatedSubnetResourceId")) return;
        if (network.publicNetworkAccess !== "Disabled") report(`network.publicNetworkAccess is ${network.publicNetworkAccess ?? "unset (Enabled)"}.`);
    },
});
