import { resourcePolicy } from "../lib/define";
import { list } from "../lib/props";

/** The VPC's default security group admits nothing, so nothing lands in it by accident. */
export const policy = resourcePolicy({
    name: "disallow-default-security-group-rules",
    description: "The VPC's default security group must have no ingress and no egress rules.",
    metadata: {
        cloud: "aws", service: "ec2", severity: "medium", topic: "security", principle: "least-privilege",
        remediation: "manage the default security group with ingress: [] and egress: []; give every workload its own security group",
        checkov: ["CKV2_AWS_12"],
        resourceTypes: ["aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"],
    },
    validate: (props, _args, report) => {
        const ingress = list(props.ingress).length;
        const egress = list(props.egress).length;
        if (ingress || egress) report(`the default security group has ${ingress} ingress and ${egress} egress rule(s).`);
    },
});
