import type { ConfigProblem } from "../errors";
import type { ResolvedConfig } from "../presets";
import { key } from "./key";

/** Retention periods CloudWatch Logs accepts (days). */
export const CLOUDWATCH_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

const ORG_PARENT = /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;
const ACCOUNT_ID = /^[0-9]{12}$/;
const IAM_PRINCIPAL_ARN = /^arn:aws(-cn|-us-gov)?:iam::[0-9]{12}:(role|user)\/[\w+=,.@/-]+$/;
const EMAIL_DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

/** Rules only aws stacks must satisfy (the ids and settings the aws components need). Defensive:
 *  they also run on configs the schema rejected. */
export function awsRules(cfg: ResolvedConfig): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    const add = (path: string, message: string) => problems.push({ path: key(path), message });
    if (cfg.cloud !== "aws") {
        if (Object.keys(cfg.aws).length > 0) {
            problems.push({ path: key("aws"), message: `applies only to cloud aws (cloud is ${cfg.cloud})` });
        }
        return problems;
    }

    // SQS counts a message's age from its first enqueue: the DLQ (14 days, the SQS maximum) must
    // keep messages longer than the queue, or dead letters expire unread.
    if (typeof cfg.queue.retentionDays === "number" && cfg.queue.retentionDays > 13) {
        add("queue.retentionDays", `must be <= 13 on aws (the dead-letter queue keeps 14 days, the SQS maximum; got ${cfg.queue.retentionDays})`);
    }

    if (cfg.storage.redundancy === "geo") {
        add("storage.redundancy", "geo is not available on aws yet (no cross-region replication is built); use zone " +
            "(the default on aws: S3 keeps every object across the region's availability zones)");
    }

    // Network: a VPC block is /16 to /28; nine subnets need /20 or larger; EKS needs two zones.
    const cidr = cfg.network.cidr;
    const prefixLength = typeof cidr === "string" ? Number(cidr.split("/")[1]) : NaN;
    if (prefixLength < 16) add("network.cidr", `must be /16 to /20 on aws (a VPC block is at most /16; got /${prefixLength})`);
    if (typeof cfg.network.zones === "number" && cfg.network.zones < 2) {
        add("network.zones", `must be 2 or 3 on aws (EKS needs subnets in at least two zones; got ${cfg.network.zones})`);
    }
    const zones = cfg.aws.availabilityZones;
    if (Array.isArray(zones) && zones.length > 0) {
        if (typeof cfg.network.zones === "number" && zones.length < cfg.network.zones) {
            add("aws.availabilityZones", `lists ${zones.length} zones; network.zones needs ${cfg.network.zones}`);
        }
        zones.forEach((zone, i) => {
            if (typeof zone !== "string" || !new RegExp(`^${cfg.region}[a-z]$`).test(zone)) {
                add(`aws.availabilityZones[${i}]`, `must be a zone of region ${cfg.region} (${cfg.region}a, ${cfg.region}b, ...; got ${JSON.stringify(zone)})`);
            }
        });
        if (new Set(zones).size !== zones.length) add("aws.availabilityZones", "lists a zone more than once");
    }
    for (const [path, days] of [["network.flowLogRetentionDays", cfg.network.flowLogRetentionDays], ["logging.retentionDays", cfg.logging.retentionDays]] as const) {
        if (typeof days === "number" && !CLOUDWATCH_RETENTION_DAYS.includes(days)) {
            add(path, `must be a CloudWatch Logs retention period: one of ${CLOUDWATCH_RETENTION_DAYS.join(" | ")} (got ${days})`);
        }
    }

    // Cluster: never an API endpoint open to the internet.
    (Array.isArray(cfg.cluster.apiAllowedCidrs) ? cfg.cluster.apiAllowedCidrs : []).forEach((allowed, i) => {
        if (typeof allowed === "string" && allowed.endsWith("/0")) {
            add(`cluster.apiAllowedCidrs[${i}]`, `must not open the API server to every address (got ${allowed}); list your networks' CIDRs`);
        }
    });
    const admins = Array.isArray(cfg.aws.clusterAdminArns) ? cfg.aws.clusterAdminArns : [];
    if (cfg.layer === "platform" && admins.length === 0) {
        add("aws.clusterAdminArns", "is required on a platform stack (at least one IAM role ARN): cluster admins get access entries and the cluster creator " +
            "never gets implicit admin (that EKS flag cannot change without replacing the cluster)");
    }
    admins.forEach((arn, i) => {
        if (typeof arn !== "string" || !IAM_PRINCIPAL_ARN.test(arn)) {
            add(`aws.clusterAdminArns[${i}]`, `must be an IAM role or user ARN (arn:aws:iam::123456789012:role/name; got ${JSON.stringify(arn)})`);
        }
    });

    // KMS rotates every 90 to 2560 days.
    if (typeof cfg.keys.rotationDays === "number" && cfg.keys.rotationDays < 90) {
        add("keys.rotationDays", `must be >= 90 on aws (KMS rotation period is 90..2560 days; got ${cfg.keys.rotationDays})`);
    }

    // Hierarchy: what each mode needs.
    const h = cfg.hierarchy;
    const domains = Object.keys(cfg.domains);
    if (h.mode === "create") {
        if (typeof h.parentId !== "string" || !ORG_PARENT.test(h.parentId)) {
            add("hierarchy.parentId", `is required when hierarchy.mode is create on aws: the Organizations root or OU id (r-ab12 or ou-ab12-cd34ef56; got ${JSON.stringify(h.parentId)})`);
        }
        if (domains.length > 0 && (typeof h.emailDomain !== "string" || !EMAIL_DOMAIN.test(h.emailDomain))) {
            add("hierarchy.emailDomain", `is required when hierarchy.mode is create and domains are listed: the e-mail domain of new accounts (e.g. example.com; got ${JSON.stringify(h.emailDomain)})`);
        }
    }
    if (h.mode === "existing" && h.existingIds && typeof h.existingIds === "object") {
        const ids = h.existingIds;
        for (const domain of domains) {
            if (typeof ids[domain] !== "string") {
                add(`hierarchy.existingIds.${domain}`, "is required when hierarchy.mode is existing: the domain's 12-digit account id");
            }
        }
        for (const [role, id] of Object.entries(ids)) {
            if (role === "environment") {
                if (typeof id !== "string" || !ORG_PARENT.test(id)) add(`hierarchy.existingIds.${role}`, `must be an Organizations root or OU id (got ${JSON.stringify(id)})`);
            } else if (typeof id !== "string" || !ACCOUNT_ID.test(id)) {
                add(`hierarchy.existingIds.${role}`, `must be a 12-digit account id (got ${JSON.stringify(id)})`);
            }
        }
    }
    return problems;
}
