import { resourcePolicy } from "../lib/define";

/** Databases are reachable from the private network only. */
export const policy = resourcePolicy({
    name: "disallow-public-rds",
    description: "RDS instances must not be publicly accessible.",
    metadata: {
        cloud: "aws", service: "rds", severity: "critical", topic: "security", principle: "no-public-data-endpoints",
        remediation: "set publiclyAccessible false and place the instance in the private data subnets",
        checkov: ["CKV_AWS_17"],
        resourceTypes: ["aws:rds/instance:Instance", "aws:rds/clusterInstance:ClusterInstance"],
    },
    validate: (props, _args, report) => {
        if (props.publiclyAccessible === true) report("the instance is publicly accessible.");
    },
});
