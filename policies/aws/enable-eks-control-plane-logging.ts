import { resourcePolicy } from "../lib/define";
import { list } from "../lib/props";

const REQUIRED = ["api", "audit", "authenticator"];

/** Control-plane and audit logs go to CloudWatch. */
export const policy = resourcePolicy({
    name: "enable-eks-control-plane-logging",
    description: "EKS clusters must send api, audit and authenticator logs to CloudWatch.",
    metadata: {
        cloud: "aws", service: "eks", severity: "high", topic: "security", principle: "audit-logging",
        remediation: "set enabledClusterLogTypes to include api, audit and authenticator",
        checkov: ["CKV_AWS_37"],
        resourceTypes: ["aws:eks/cluster:Cluster"],
    },
    validate: (props, _args, report) => {
        const enabled = list<string>(props.enabledClusterLogTypes);
        const missing = REQUIRED.filter((t) => !enabled.includes(t));
        if (missing.length) report(`control-plane log types ${missing.join(", ")} are off.`);
    },
});
