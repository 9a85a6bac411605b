import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../lib/define";
import { isSet, isUnknownAt, jsonDocument, list } from "../lib/props";
import { IAM_ROLE, IAM_ROLE_POLICY, LAMBDA, PROJECT_IAM_MEMBER, RUN_SERVICE, SERVICE_ACCOUNT, WEB_APP, isFunctionApp, linked } from "../lib/workers";

/** Grants that mean "this worker talks to the database or the cache". */
const DATA_ACTION = /^(rds-db|elasticache):/;
const DATA_ROLES = new Set(["roles/cloudsql.client", "roles/cloudsql.instanceUser", "roles/redis.dbConnectionUser"]);

function grantsData(policy: PolicyResource): boolean {
    if (isUnknownAt(policy.props, "policy")) return false;
    const doc = jsonDocument(policy.props.policy);
    return list<{ Action?: unknown }>(doc?.Statement).some((s) => list<string>(s.Action).some((a) => DATA_ACTION.test(a)));
}

/**
 * Workers that reach the domain's data run inside the landing zone network, where the database and
 * cache have their only endpoints: a Lambda whose role may connect to RDS/ElastiCache has a VPC
 * config; a Cloud Run service whose service account is a Cloud SQL client has Direct VPC egress (or a
 * connector); a function app (its host storage is private too) has VNet integration.
 */
export const policy = stackPolicy({
    name: "require-workers-inside-network",
    description: "Workers that reach data must run inside the network: Lambda vpcConfig when its role connects to RDS/ElastiCache, Cloud Run vpcAccess when its service account is a Cloud SQL client, function apps with VNet integration.",
    metadata: {
        cloud: "stack", service: "workers", severity: "high", topic: "security", principle: "private-workers",
        remediation: "set worker.reachesData true (the worker component then places it in the private subnets / Direct VPC egress / VNet integration)",
        checkov: ["CKV_AWS_117"],
        resourceTypes: [LAMBDA, RUN_SERVICE, WEB_APP],
        covers: ["aws", "azure", "gcp"],
    },
    validate: (resources, _args, report) => {
        for (const fn of resources.filter((r) => r.type === LAMBDA)) {
            const roles = linked(fn, IAM_ROLE, resources);
            const policies = resources.filter((p) => p.type === IAM_ROLE_POLICY && roles.some((role) => p.dependencies.some((d) => d.urn === role.urn)));
            if (policies.some(grantsData) && !isSet(fn.props.vpcConfig, "subnetIds")) {
                report(`function ${fn.name} may connect to the database or cache but runs outside the VPC.`, fn.urn);
            }
        }
        for (const service of resources.filter((r) => r.type === RUN_SERVICE)) {
            const accounts = linked(service, SERVICE_ACCOUNT, resources);
            const dataGrant = resources.some((m) => m.type === PROJECT_IAM_MEMBER && DATA_ROLES.has(String(m.props.role)) &&
                accounts.some((a) => m.dependencies.some((d) => d.urn === a.urn)));
            const vpc = service.props.template?.vpcAccess;
            if (dataGrant && !isSet(vpc, "networkInterfaces") && !isSet(vpc, "connector")) {
                report(`Cloud Run service ${service.name} is a Cloud SQL client but has no VPC egress.`, service.urn);
            }
        }
        for (const app of resources.filter(isFunctionApp)) {
            if (!isSet(app.props, "virtualNetworkSubnetId")) report(`function app ${app.name} has no VNet integration (virtualNetworkSubnetId).`, app.urn);
        }
    },
});
