import { resourcePolicy } from "../lib/define";
import { list } from "../lib/props";

const GROUP = "aws:ec2/securityGroup:SecurityGroup";

/** Every group and rule says why it exists: reviews and incident response read them. */
export const policy = resourcePolicy({
    name: "require-security-group-descriptions",
    description: "Security groups and each of their rules must have a description.",
    metadata: {
        cloud: "aws", service: "ec2", severity: "low", topic: "operations", principle: "standard-tags",
        remediation: "set description on the security group and on every ingress/egress rule (what it admits and why)",
        checkov: ["CKV_AWS_23"],
        resourceTypes: [GROUP, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "aws:ec2/securityGroupRule:SecurityGroupRule"],
    },
    validate: (props, args, report) => {
        if (!props.description) report(`${args.type === GROUP ? "the security group" : "the rule"} has no description.`);
        if (args.type !== GROUP) return;
        for (const [kind, rules] of [["ingress", props.ingress], ["egress", props.egress]] as const) {
            list(rules).forEach((rule, i) => {
                if (!rule.description) report(`${kind} rule ${i + 1} has no description.`);
            });
        }
    },
});
