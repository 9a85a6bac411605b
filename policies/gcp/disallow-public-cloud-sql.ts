import { resourcePolicy } from "../lib/define";
import { isOpenToInternet, list } from "../lib/props";

/** The database has a private IP only (private services access). */
export const policy = resourcePolicy({
    name: "disallow-public-cloud-sql",
    description: "Cloud SQL instances must not have a public IP or authorized networks open to the internet.",
    metadata: {
        cloud: "gcp", service: "sql", severity: "critical", topic: "security", principle: "no-public-data-endpoints",
        remediation: "set settings.ipConfiguration { ipv4Enabled: false, privateNetwork: <shared VPC> } and no authorizedNetworks",
        checkov: ["CKV_GCP_60", "CKV_GCP_11"],
        resourceTypes: ["gcp:sql/databaseInstance:DatabaseInstance"],
    },
    validate: (props, _args, report) => {
        const ip = props.settings?.ipConfiguration ?? {};
        if (ip.ipv4Enabled !== false) report("the instance has a public IPv4 address (ipv4Enabled is not false).");
        if (list(ip.authorizedNetworks).some((n) => isOpenToInternet(n.value))) report("an authorized network admits 0.0.0.0/0.");
    },
});
