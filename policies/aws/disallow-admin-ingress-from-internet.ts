import type { Props } from "../lib/define";
import { resourcePolicy } from "../lib/define";
import { isOpenToInternet, list, rangeHitsAdminPort } from "../lib/props";

function open(rule: Props, cidrKeys: string[]): boolean {
    return cidrKeys.some((k) => isOpenToInternet(rule[k]));
}

/** SSH, RDP, database, Kubernetes API, FTP and plain HTTP ports are never open to the internet. */
export const policy = resourcePolicy({
    name: "disallow-admin-ingress-from-internet",
    description: "Security groups (and EKS node group SSH access) must not admit 0.0.0.0/0 or ::/0 to admin, database, FTP or HTTP ports (20-22, 80, 3389, 5432, 6379, 3306, 1433, 5985-5986, 6443) or all ports.",
    metadata: {
        cloud: "aws", service: "ec2", severity: "critical", topic: "security", principle: "no-admin-ingress-from-internet",
        remediation: "admit only the VPC CIDR or a security group; reach hosts through SSM Session Manager, not SSH from the internet",
        checkov: ["CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_100", "CKV_AWS_260", "CKV_AWS_277"],
        resourceTypes: ["aws:ec2/securityGroup:SecurityGroup", "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "aws:ec2/securityGroupRule:SecurityGroupRule", "aws:eks/nodeGroup:NodeGroup"],
    },
    validate: (props, args, report) => {
        if (args.type === "aws:eks/nodeGroup:NodeGroup") {
            // SSH with a key and no source security groups opens port 22 to 0.0.0.0/0
            const remote = props.remoteAccess;
            if (remote?.ec2SshKey !== undefined && list(remote.sourceSecurityGroupIds).length === 0) report("remoteAccess opens SSH to the internet (ec2SshKey without sourceSecurityGroupIds).");
            return;
        }
        const rules: Props[] = args.type === "aws:ec2/securityGroup:SecurityGroup" ? list(props.ingress)
            : args.type === "aws:ec2/securityGroupRule:SecurityGroupRule" ? (props.type === "ingress" ? [props] : []) : [props];
        for (const rule of rules) {
            const internet = open(rule, ["cidrBlocks", "ipv6CidrBlocks", "cidrIpv4", "cidrIpv6"]);
            const allProtocols = rule.protocol === "-1" || rule.ipProtocol === "-1" || rule.protocol === "all";
            if (internet && (allProtocols || rangeHitsAdminPort(rule.fromPort, rule.toPort))) {
                report(`ingress from the internet to ports ${allProtocols ? "all" : `${rule.fromPort}-${rule.toPort}`}.`);
            }
        }
    },
});
