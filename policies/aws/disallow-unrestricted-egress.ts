import { resourcePolicy } from "../lib/define";
import { isOpenToInternet, list } from "../lib/props";

/** Egress to the internet names its ports (HTTPS to AWS APIs and registries), never everything. */
export const policy = resourcePolicy({
    name: "disallow-unrestricted-egress",
    description: "Security groups must not allow egress to 0.0.0.0/0 or ::/0 on all protocols and ports.",
    metadata: {
        cloud: "aws", service: "ec2", severity: "medium", topic: "security", principle: "least-privilege",
        remediation: "replace the all-traffic egress rule with the ports the workload needs (443 to the internet, the VPC CIDR for the rest)",
        checkov: ["CKV_AWS_382"],
        resourceTypes: ["aws:ec2/securityGroup:SecurityGroup"],
    },
    validate: (props, _args, report) => {
        for (const rule of list(props.egress)) {
            const open = isOpenToInternet(rule.cidrBlocks) || isOpenToInternet(rule.ipv6CidrBlocks);
            const everything = String(rule.protocol) === "-1" || rule.protocol === "all" || (rule.fromPort === 0 && rule.toPort === 65535);
            if (open && everything) report("egress to the internet on all protocols and ports.");
        }
    },
});
