import { resourcePolicy } from "../lib/define";

/** Nothing gets a public address by default: load balancers and NAT gateways take theirs explicitly. */
export const policy = resourcePolicy({
    name: "disallow-public-ip-on-launch",
    description: "Subnets must not assign public IPs to instances on launch.",
    metadata: {
        cloud: "aws", service: "ec2", severity: "high", topic: "security", principle: "cluster-hardening",
        remediation: "set mapPublicIpOnLaunch false (public subnets hold load balancers and NAT gateways, which get Elastic IPs)",
        checkov: ["CKV_AWS_130"],
        resourceTypes: ["aws:ec2/subnet:Subnet"],
    },
    validate: (props, _args, report) => {
        if (props.mapPublicIpOnLaunch === true) report("the subnet assigns public IPs on launch.");
    },
});
