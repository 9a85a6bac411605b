import { resourcePolicy } from "../lib/define";
import { isOpenToInternet, list } from "../lib/props";

/** The API server is private, or public only to the listed admin CIDRs. */
export const policy = resourcePolicy({
    name: "disallow-public-aks-api",
    description: "AKS clusters must have a private API server, or authorized IP ranges that exclude 0.0.0.0/0.",
    metadata: {
        cloud: "azure", service: "containerservice", severity: "critical", topic: "security", principle: "private-kubernetes-api",
        remediation: "set apiServerAccessProfile.enablePrivateCluster true, or authorizedIPRanges to the admin CIDRs (cluster.apiAllowedCidrs)",
        checkov: ["CKV_AZURE_115", "CKV_AZURE_6"],
        resourceTypes: ["azure-native:containerservice:ManagedCluster"],
    },
    validate: (props, _args, report) => {
        const access = props.apiServerAccessProfile ?? {};
        if (access.enablePrivateCluster === true) return;
        const ranges = list<string>(access.authorizedIPRanges);
        if (ranges.length === 0 || isOpenToInternet(ranges)) report("the API server is public to 0.0.0.0/0.");
    },
});
