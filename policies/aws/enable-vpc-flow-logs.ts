import { stackPolicy } from "../lib/define";

const VPC = "aws:ec2/vpc:Vpc";
const FLOW_LOG = "aws:ec2/flowLog:FlowLog";

/** Every VPC records its accepted and rejected traffic. */
export const policy = stackPolicy({
    name: "enable-vpc-flow-logs",
    description: "Every VPC must have a flow log of ALL traffic in the same stack.",
    metadata: {
        cloud: "aws", service: "ec2", severity: "medium", topic: "security", principle: "audit-logging",
        remediation: "add an aws.ec2.FlowLog for the VPC with trafficType ALL (network.flowLogRetentionDays)",
        checkov: ["CKV2_AWS_11"],
        resourceTypes: [VPC, FLOW_LOG],
    },
    validate: (resources, _args, report) => {
        for (const vpc of resources.filter((r) => r.type === VPC)) {
            const logs = resources.filter((r) => r.type === FLOW_LOG && r.dependencies.some((d) => d.urn === vpc.urn));
            if (!logs.length) report(`VPC ${vpc.name} has no flow log.`, vpc.urn);
            else if (!logs.some((l) => l.props.trafficType === "ALL")) report(`VPC ${vpc.name} logs only ${logs.map((l) => l.props.trafficType).join(", ")} traffic.`, vpc.urn);
        }
    },
});
