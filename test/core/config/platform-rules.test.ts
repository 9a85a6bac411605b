import { strict as assert } from "node:assert";
import { configProblems } from "./problems";

/**
 * The per-cloud rules of platform (and domain) stacks, each shown firing on one bad value and quiet on
 * the nearest good one (boundaries included), so a rule that stops firing or starts firing on good
 * input fails here.
 */
const ADMIN = "arn:aws:iam::123456789012:role/platform-admins";
const TENANT = "00000000-0000-0000-0000-000000000001";
const SUBSCRIPTION = "00000000-0000-0000-0000-000000000002";
const bases: Record<string, Record<string, unknown>> = {
    aws: { layer: "platform", cloud: "aws", environment: "dev", region: "eu-west-1", owner: "platform-team", aws: { clusterAdminArns: [ADMIN] } },
    gcp: { layer: "platform", cloud: "gcp", environment: "dev", region: "europe-west1", owner: "platform-team", gcp: { projectId: "acme-dev-platform" } },
    azure: { layer: "platform", cloud: "azure", environment: "dev", region: "westeurope", owner: "platform-team", azure: { tenantId: TENANT, subscriptionId: SUBSCRIPTION } },
};
const domainOf = (cloud: string, extra: Record<string, unknown> = {}) =>
    ({ ...bases[cloud], layer: "domain", domain: "orders", pipeline: { repository: "acme/orders-service" }, aws: undefined, gcp: undefined, azure: undefined, ...extra });

const problems = (raw: Record<string, unknown>) => configProblems(raw);

interface Case { title: string; cloud: string; bad: Record<string, unknown>; good: Record<string, unknown>; expected: string; domain?: boolean }

const awsAzs = (zones: unknown[], extra: Record<string, unknown> = {}) => ({ aws: { clusterAdminArns: [ADMIN], availabilityZones: zones, ...extra } });
const awsCreate = (hierarchy: Record<string, unknown>, domains: Record<string, unknown> = { orders: {} }) => ({ hierarchy: { mode: "create", ...hierarchy }, domains });
const awsExisting = (ids: Record<string, unknown>) => ({ hierarchy: { mode: "existing", existingIds: ids }, domains: { orders: {} } });
const gcpExisting = (ids: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ hierarchy: { mode: "existing", existingIds: ids }, domains: { orders: {} }, ...extra });

const cases: Case[] = [
    // aws
    { title: "geo redundancy", cloud: "aws", bad: { storage: { redundancy: "geo" } }, good: { storage: { redundancy: "zone" } }, expected: "landing-zone:storage.redundancy geo is not available on aws" },
    { title: "VPC block larger than /16", cloud: "aws", bad: { network: { cidr: "10.0.0.0/15" } }, good: { network: { cidr: "10.0.0.0/16" } }, expected: "landing-zone:network.cidr must be /16 to /20 on aws" },
    { title: "one zone", cloud: "aws", bad: { network: { zones: 1 } }, good: { network: { zones: 2 } }, expected: "landing-zone:network.zones must be 2 or 3 on aws" },
    { title: "fewer zones named than used", cloud: "aws", bad: { network: { zones: 3 }, ...awsAzs(["eu-west-1a", "eu-west-1b"]) }, good: { network: { zones: 2 }, ...awsAzs(["eu-west-1a", "eu-west-1b"]) }, expected: "landing-zone:aws.availabilityZones lists 2 zones; network.zones needs 3" },
    { title: "a zone of another region", cloud: "aws", bad: awsAzs(["eu-west-1a", "eu-west-1b", "us-east-1c"]), good: awsAzs(["eu-west-1a", "eu-west-1b", "eu-west-1c"]), expected: "landing-zone:aws.availabilityZones[2] must be a zone of region eu-west-1" },
    { title: "a zone twice", cloud: "aws", bad: awsAzs(["eu-west-1a", "eu-west-1a", "eu-west-1b"]), good: awsAzs(["eu-west-1a", "eu-west-1c", "eu-west-1b"]), expected: "landing-zone:aws.availabilityZones lists a zone more than once" },
    { title: "a retention CloudWatch does not offer", cloud: "aws", bad: { logging: { retentionDays: 100 } }, good: { logging: { retentionDays: 90 } }, expected: "landing-zone:logging.retentionDays must be a CloudWatch Logs retention period" },
    { title: "a flow log retention CloudWatch does not offer", cloud: "aws", bad: { network: { flowLogRetentionDays: 15 } }, good: { network: { flowLogRetentionDays: 14 } }, expected: "landing-zone:network.flowLogRetentionDays must be a CloudWatch Logs retention period" },
    { title: "an API endpoint open to every address", cloud: "aws", bad: { cluster: { apiAllowedCidrs: ["0.0.0.0/0"] } }, good: { cluster: { apiAllowedCidrs: ["203.0.113.0/24"] } }, expected: "landing-zone:cluster.apiAllowedCidrs[0] must not open the API server" },
    { title: "no cluster admin", cloud: "aws", bad: { aws: { clusterAdminArns: [] } }, good: { aws: { clusterAdminArns: [ADMIN] } }, expected: "landing-zone:aws.clusterAdminArns is required on a platform stack" },
    { title: "an admin that is not an IAM ARN", cloud: "aws", bad: { aws: { clusterAdminArns: ["admins"] } }, good: { aws: { clusterAdminArns: ["arn:aws:iam::123456789012:user/ops"] } }, expected: "landing-zone:aws.clusterAdminArns[0] must be an IAM role or user ARN" },
    { title: "KMS rotation under 90 days", cloud: "aws", bad: { keys: { rotationDays: 89 } }, good: { keys: { rotationDays: 90 } }, expected: "landing-zone:keys.rotationDays must be >= 90 on aws" },
    { title: "create without an Organizations parent", cloud: "aws", bad: awsCreate({ parentId: "ou-nope", emailDomain: "acme.example" }), good: awsCreate({ parentId: "ou-ab12-cd34ef56", emailDomain: "acme.example" }), expected: "landing-zone:hierarchy.parentId is required when hierarchy.mode is create on aws" },
    { title: "create with domains but no e-mail domain", cloud: "aws", bad: awsCreate({ parentId: "r-ab12", emailDomain: "acme" }), good: awsCreate({ parentId: "r-ab12", emailDomain: "acme.example" }), expected: "landing-zone:hierarchy.emailDomain is required" },
    { title: "create without domains needs no e-mail domain", cloud: "aws", bad: awsCreate({ parentId: "r-ab12" }), good: awsCreate({ parentId: "r-ab12" }, {}), expected: "landing-zone:hierarchy.emailDomain is required" },
    { title: "existing without a domain's account", cloud: "aws", bad: awsExisting({ environment: "ou-ab12-cd34ef56" }), good: awsExisting({ environment: "ou-ab12-cd34ef56", orders: "123456789012" }), expected: "landing-zone:hierarchy.existingIds.orders is required when hierarchy.mode is existing" },
    { title: "existing environment that is not an OU", cloud: "aws", bad: awsExisting({ environment: "123456789012", orders: "123456789012" }), good: awsExisting({ environment: "r-ab12", orders: "123456789012" }), expected: "landing-zone:hierarchy.existingIds.environment must be an Organizations root or OU id" },
    { title: "existing account id of 11 digits", cloud: "aws", bad: awsExisting({ environment: "r-ab12", orders: "12345678901" }), good: awsExisting({ environment: "r-ab12", orders: "123456789012" }), expected: "landing-zone:hierarchy.existingIds.orders must be a 12-digit account id" },
    // gcp
    { title: "create without a parent", cloud: "gcp", bad: { hierarchy: { mode: "create", billingAccount: "0A0A0A-0A0A0A-0A0A0A" } }, good: { hierarchy: { mode: "create", parentId: "folders/123", billingAccount: "0A0A0A-0A0A0A-0A0A0A" } }, expected: "landing-zone:hierarchy.parentId is required when hierarchy.mode is create" },
    { title: "create without a billing account", cloud: "gcp", bad: { hierarchy: { mode: "create", parentId: "folders/123", billingAccount: "0a0a0a-0a0a0a-0a0a0a" } }, good: { hierarchy: { mode: "create", parentId: "organizations/123", billingAccount: "0A0A0A-0A0A0A-0A0A0A" } }, expected: "landing-zone:hierarchy.billingAccount is required when hierarchy.mode is create" },
    { title: "a parent that is neither organization nor folder", cloud: "gcp", bad: { hierarchy: { mode: "skip", parentId: "projects/1" } }, good: { hierarchy: { mode: "skip", parentId: "folders/1" } }, expected: "landing-zone:hierarchy.parentId must be organizations/<number> or folders/<number>" },
    { title: "skip without a project", cloud: "gcp", bad: { gcp: {} }, good: { gcp: { projectId: "acme-dev-platform" } }, expected: "landing-zone:gcp.projectId is required when hierarchy.mode is skip" },
    { title: "existing without the platform project", cloud: "gcp", bad: gcpExisting({ orders: "acme-dev-orders" }, { gcp: {} }), good: gcpExisting({ platform: "acme-dev-platform", orders: "acme-dev-orders" }, { gcp: {} }), expected: "landing-zone:hierarchy.existingIds.platform is required when hierarchy.mode is existing" },
    { title: "a folder role that is not a folder", cloud: "gcp", bad: gcpExisting({ environment: "acme-dev", platform: "acme-dev-platform" }), good: gcpExisting({ environment: "folders/12", platform: "acme-dev-platform" }), expected: "landing-zone:hierarchy.existingIds.environment must be folders/<number>" },
    { title: "a project id that is not one", cloud: "gcp", bad: gcpExisting({ platform: "Acme" }), good: gcpExisting({ platform: "acme-dev-platform" }), expected: "landing-zone:hierarchy.existingIds.platform must be a project id" },
    { title: "a project of no registered domain", cloud: "gcp", bad: gcpExisting({ platform: "acme-dev-platform", payments: "acme-dev-payments" }), good: gcpExisting({ platform: "acme-dev-platform", orders: "acme-dev-orders" }), expected: "landing-zone:hierarchy.existingIds.payments names no domain of landing-zone:domains" },
    { title: "ids besides root on create", cloud: "gcp", bad: { hierarchy: { mode: "create", parentId: "folders/1", billingAccount: "0A0A0A-0A0A0A-0A0A0A", existingIds: { root: "folders/2", platform: "acme-dev-platform" } } }, good: { hierarchy: { mode: "create", parentId: "folders/1", billingAccount: "0A0A0A-0A0A0A-0A0A0A", existingIds: { root: "folders/2" } } }, expected: "landing-zone:hierarchy.existingIds only `root`" },
    { title: "persona groups without the RBAC security group", cloud: "gcp", bad: { domains: { orders: { admins: ["orders-admins@acme.example"] } } }, good: { domains: { orders: { admins: ["orders-admins@acme.example"] } }, gcp: { projectId: "acme-dev-platform", rbacSecurityGroup: "gke-security-groups@acme.example" } }, expected: "landing-zone:gcp.rbacSecurityGroup is required when a domain lists admins or readers" },
    { title: "a zonal cluster in prod", cloud: "gcp", bad: { environment: "prod", gcp: { projectId: "acme-prod-platform", zonalCluster: true } }, good: { environment: "prod", gcp: { projectId: "acme-prod-platform", zonalCluster: false } }, expected: "landing-zone:gcp.zonalCluster is not allowed in prod" },
    { title: "one zone in prod", cloud: "gcp", bad: { environment: "prod", network: { zones: 1 } }, good: { environment: "prod", network: { zones: 2 } }, expected: "landing-zone:network.zones must be >= 2 in prod on gcp" },
    { title: "a platform key on a domain stack", cloud: "gcp", domain: true, bad: { gcp: { iapSsh: true } }, good: { gcp: { githubAppInstallationId: 123 } }, expected: "landing-zone:gcp.iapSsh applies only to layer platform" },
    { title: "the perimeter on a domain stack", cloud: "gcp", domain: true, bad: { gcp: { serviceControls: { enabled: true } } }, good: {}, expected: "landing-zone:gcp.serviceControls applies only to layer platform" },
    { title: "a managed source on gcp", cloud: "gcp", domain: true, bad: { pipeline: { source: "managed", repository: "acme/orders-service" } }, good: { pipeline: { enabled: false, source: "managed" } }, expected: "landing-zone:pipeline.source must be external on gcp" },
    { title: "a repository that is not owner/name", cloud: "gcp", domain: true, bad: { pipeline: { source: "external", repository: "orders-service" } }, good: { pipeline: { source: "external", repository: "acme/orders-service" } }, expected: "landing-zone:pipeline.repository must be a GitHub repository <owner>/<name> on gcp" },
    // azure
    { title: "no tenant", cloud: "azure", bad: { azure: { subscriptionId: SUBSCRIPTION } }, good: { azure: { tenantId: TENANT, subscriptionId: SUBSCRIPTION } }, expected: "landing-zone:azure.tenantId is required for an azure platform stack" },
    { title: "no subscription", cloud: "azure", bad: { azure: { tenantId: TENANT } }, good: { azure: { tenantId: TENANT, subscriptionId: SUBSCRIPTION } }, expected: "landing-zone:azure.subscriptionId is required for an azure platform stack" },
    { title: "create without a parent management group", cloud: "azure", bad: { hierarchy: { mode: "create" } }, good: { hierarchy: { mode: "create", parentId: "acme" } }, expected: "landing-zone:hierarchy.parentId is required when hierarchy.mode is create on azure" },
    { title: "existing without the environment's group", cloud: "azure", bad: { hierarchy: { mode: "existing", existingIds: { platform: "x" } } }, good: { hierarchy: { mode: "existing", existingIds: { environment: "acme-dev" } } }, expected: "landing-zone:hierarchy.existingIds.environment is required when hierarchy.mode is existing on azure" },
    { title: "prod without admin groups", cloud: "azure", bad: { environment: "prod", cluster: { apiAccess: "in-network" } }, good: { environment: "prod", cluster: { apiAccess: "in-network" }, azure: { tenantId: TENANT, subscriptionId: SUBSCRIPTION, adminGroupObjectIds: [TENANT] } }, expected: "landing-zone:azure.adminGroupObjectIds needs at least one Entra group object id in prod" },
    { title: "a retention Log Analytics does not keep (low)", cloud: "azure", bad: { logging: { retentionDays: 29 } }, good: { logging: { retentionDays: 30 } }, expected: "landing-zone:logging.retentionDays must be between" },
    { title: "a retention Log Analytics does not keep (high)", cloud: "azure", bad: { logging: { retentionDays: 731 } }, good: { logging: { retentionDays: 730 } }, expected: "landing-zone:logging.retentionDays must be between" },
    { title: "a network overlapping the AKS pod range", cloud: "azure", bad: { network: { cidr: "192.168.16.0/20" } }, good: { network: { cidr: "192.169.0.0/16" } }, expected: "landing-zone:network.cidr must not overlap the AKS overlay pod range" },
    { title: "a Service Bus lock under 5 s", cloud: "azure", domain: true, bad: { queue: { visibilityTimeoutSeconds: 4 } }, good: { queue: { visibilityTimeoutSeconds: 5 } }, expected: "landing-zone:queue.visibilityTimeoutSeconds must be 5 to 300 on azure" },
    { title: "backups under 7 days", cloud: "azure", domain: true, bad: { database: { backupDays: 6 } }, good: { database: { backupDays: 7 } }, expected: "landing-zone:database.backupDays must be >= 7 on azure" },
];

describe("components/core/config/rules (per-cloud rules, each firing and quiet)", () => {
    for (const c of cases) {
        const build = (extra: Record<string, unknown>) => (c.domain ? domainOf(c.cloud, extra) : { ...bases[c.cloud], ...extra });
        it(`${c.cloud}: ${c.title}`, () => {
            const fired = problems(build(c.bad));
            assert.ok(fired.some((p) => p.startsWith(c.expected)), `expected "${c.expected}" in:\n${fired.join("\n")}`);
            const quiet = problems(build(c.good));
            assert.deepEqual(quiet.filter((p) => p.startsWith(c.expected)), [], quiet.join("\n"));
        });
    }
});
