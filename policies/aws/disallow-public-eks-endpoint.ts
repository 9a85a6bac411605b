import { resourcePolicy } from "../lib/define";
import { isOpenToInternet, list } from "../lib/props";

/** The Kubernetes API is private, or public only to listed CIDRs. */
export const policy = resourcePolicy({
    name: "disallow-public-eks-endpoint",
    description: "EKS clusters must have a private API endpoint; a public endpoint is allowed only for listed CIDRs, never 0.0.0.0/0.",
    metadata: {
        cloud: "aws", service: "eks", severity: "critical", topic: "security", principle: "private-kubernetes-api",
        remediation: "set vpcConfig.endpointPrivateAccess true and endpointPublicAccess false (or publicAccessCidrs to the admin CIDRs: cluster.apiAllowedCidrs)",
        checkov: ["CKV_AWS_38", "CKV_AWS_39"],
        resourceTypes: ["aws:eks/cluster:Cluster"],
    },
    validate: (props, _args, report) => {
        const vpc = props.vpcConfig ?? {};
        if (vpc.endpointPrivateAccess !== true) report("vpcConfig.endpointPrivateAccess is not true.");
        // The public endpoint is on unless it is turned off.
        if (vpc.endpointPublicAccess !== false) {
            const cidrs = list<string>(vpc.publicAccessCidrs);
            if (cidrs.length === 0 || isOpenToInternet(cidrs)) {
                report("the public API endpoint is open to 0.0.0.0/0.");
            }
        }
    },
});
