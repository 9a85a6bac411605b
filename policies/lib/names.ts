import type { ResourceValidationArgs } from "@pulumi/policy";
import type { Props, Report } from "./define";
import { effectiveTags } from "./tags";

/**
 * The physical-name properties the naming module fills, by resource type, with the rule each name
 * follows (pattern and length, the same as `nameRules` of the naming module; a test keeps them in
 * step) and whether the name separates its words with hyphens (then it starts `<prefix>-<env>-`).
 */
export interface NamedProperty {
    property: string;
    kind: string;
    pattern: RegExp;
    max: number;
    hyphenated: boolean;
}

const rfc1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const named = (property: string, kind: string, pattern: RegExp, max: number, hyphenated = true): NamedProperty =>
    ({ property, kind, pattern, max, hyphenated });

export const NAMED_TYPES: Record<string, NamedProperty> = {
    "aws:s3/bucket:Bucket": named("bucket", "aws.s3Bucket", /^[a-z0-9][a-z0-9-]*[a-z0-9]$/, 63),
    "aws:s3/bucketV2:BucketV2": named("bucket", "aws.s3Bucket", /^[a-z0-9][a-z0-9-]*[a-z0-9]$/, 63),
    "aws:sqs/queue:Queue": named("name", "aws.sqsQueue", /^[A-Za-z0-9_-]+(\.fifo)?$/, 80),
    "aws:rds/instance:Instance": named("identifier", "aws.rdsIdentifier", /^[a-z](?!.*--)([a-z0-9-]*[a-z0-9])?$/, 63),
    "aws:rds/cluster:Cluster": named("clusterIdentifier", "aws.rdsIdentifier", /^[a-z](?!.*--)([a-z0-9-]*[a-z0-9])?$/, 63),
    "aws:eks/cluster:Cluster": named("name", "aws.eksCluster", /^[A-Za-z0-9][A-Za-z0-9_-]*$/, 100),
    "aws:iam/role:Role": named("name", "aws.iamRole", /^[\w+=,.@-]+$/, 64),
    "aws:elasticache/replicationGroup:ReplicationGroup": named("replicationGroupId", "aws.elasticache", /^[a-z](?!.*--)([a-z0-9-]*[a-z0-9])?$/, 40),
    "aws:ecr/repository:Repository": named("name", "aws.ecrRepository", /^[a-z0-9]+(?:[._/-][a-z0-9]+)*$/, 256),
    "azure-native:storage:StorageAccount": named("accountName", "azure.storageAccount", /^[a-z0-9]+$/, 24, false),
    "azure-native:keyvault:Vault": named("vaultName", "azure.keyVault", /^[a-z](?!.*--)[a-z0-9-]*[a-z0-9]$/, 24),
    "azure-native:containerregistry:Registry": named("registryName", "azure.containerRegistry", /^[a-z0-9]+$/, 50, false),
    "azure-native:dbforpostgresql:Server": named("serverName", "azure.postgresServer", /^[a-z0-9][a-z0-9-]*[a-z0-9]$/, 63),
    "azure-native:servicebus:Namespace": named("namespaceName", "azure.serviceBusNamespace", /^[a-z][a-z0-9-]*[a-z0-9]$/, 50),
    "azure-native:redisenterprise:RedisEnterprise": named("clusterName", "azure.managedRedis", /^[a-z0-9](?!.*--)[a-z0-9-]*[a-z0-9]$/, 60),
    "azure-native:resources:ResourceGroup": named("resourceGroupName", "azure.resourceGroup", /^[a-z0-9._()-]*[a-z0-9_()-]$/, 90),
    "azure-native:containerservice:ManagedCluster": named("resourceName", "azure.aksCluster", /^[a-z0-9]([a-z0-9_-]*[a-z0-9])?$/, 63),
    "gcp:storage/bucket:Bucket": named("name", "gcp.bucket", /^[a-z0-9][a-z0-9_-]*[a-z0-9]$/, 63),
    "gcp:sql/databaseInstance:DatabaseInstance": named("name", "gcp.sqlInstance", rfc1035, 84),
    "gcp:container/cluster:Cluster": named("name", "gcp.gkeCluster", rfc1035, 40),
    "gcp:redis/instance:Instance": named("name", "gcp.redisInstance", rfc1035, 40),
    "gcp:serviceaccount/account:Account": named("accountId", "gcp.serviceAccountId", rfc1035, 30),
    "gcp:organizations/project:Project": named("projectId", "gcp.projectId", /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, 30),
};

export interface NamingConfig {
    /** The landing zone prefix (`landing-zone:prefix`); else the resource's `landing-zone` tag; else any valid prefix. */
    prefix?: string;
    /** The stack's environment; else the resource's `environment` tag; else any environment. */
    environment?: string;
    /**
     * The business domain (`platform` for a platform stack, `organization` for an organization
     * stack); else the resource's `domain` tag.
     */
    domain?: string;
}

/**
 * The `domain` tag (or config) of an organization stack's resources, the tagging module's
 * ORGANIZATION_SCOPE (a test keeps them in step). Only there does a name's environment slot say
 * `org`: the organization spans every environment.
 */
export const ORGANIZATION_SCOPE = "organization";
const ORG_ENVIRONMENT = "org";

export const namingConfigSchema = {
    properties: {
        prefix: { type: "string" as const, pattern: "^[a-z][a-z0-9]{1,7}$" },
        environment: { type: "string" as const, enum: ["dev", "staging", "prod"] },
        domain: { type: "string" as const, pattern: "^[a-z][a-z0-9]{1,11}$" },
    },
};

/**
 * The scope a resource's name must start with: what the policy config says, else what the
 * resource's standard tags say (provider defaults included; the tagging module writes prefix,
 * environment and domain there), so one policy-pack config serves every stack.
 */
export function namingScope(config: NamingConfig, tags: Record<string, unknown>): NamingConfig {
    const tag = (key: string) => (typeof tags[key] === "string" ? tags[key] : undefined);
    return {
        prefix: config.prefix ?? tag("landing-zone"),
        environment: config.environment ?? tag("environment"),
        domain: config.domain ?? tag("domain"),
    };
}

/** The shared validator of the per-cloud naming policies. */
export function checkNaming(props: Props, args: ResourceValidationArgs, report: Report): void {
    const scope = namingScope(args.getConfig<NamingConfig>(), effectiveTags(args.type, props, args.provider));
    checkName(args.type, props, scope, report);
}

/** What is wrong with `name` for `rule`, or undefined when it follows the naming module. */
export function namingProblem(name: string, rule: NamedProperty, config: NamingConfig): string | undefined {
    if (name.length > rule.max || !rule.pattern.test(name)) {
        return `${rule.property} "${name}" breaks the ${rule.kind} rule (pattern ${rule.pattern.source}, at most ${rule.max} characters)`;
    }
    const prefix = config.prefix ?? "[a-z][a-z0-9]{1,7}";
    // The organization stack spans environments: its names (and only its names) say `org` there.
    const organization = config.domain === ORGANIZATION_SCOPE;
    const environment = organization ? ORG_ENVIRONMENT : config.environment;
    const env = environment ? `(?:${environment})` : "(?:dev|staging|prod)";
    const scope = rule.hyphenated ? new RegExp(`^${prefix}-${env}(-|$)`) : new RegExp(`^${prefix}${env}`);
    if (!scope.test(name)) {
        const expected = rule.hyphenated ? "<prefix>-<environment>-" : "<prefix><environment>";
        const orgName = rule.hyphenated ? new RegExp(`^${prefix}-${ORG_ENVIRONMENT}(-|$)`) : new RegExp(`^${prefix}${ORG_ENVIRONMENT}`);
        const why = organization ? "; an organization stack's names say org there"
            : orgName.test(name) ? `; org only on an organization stack's resources (domain tag ${ORGANIZATION_SCOPE})` : "";
        return `${rule.property} "${name}" does not start with ${expected} (${config.prefix ?? "prefix"}, ${environment ?? "environment"}${why})`;
    }
    // A domain stack's hyphenated names carry the domain next; a name cut to the length limit
    // (it then ends in a 4-character hash) may have lost part of it.
    const domain = config.domain;
    if (rule.hyphenated && domain && domain !== "platform" && !organization && !new RegExp(`^${prefix}-${env}-${domain}(-|$)`).test(name) && name.length < rule.max - 5) {
        return `${rule.property} "${name}" does not carry the domain after <prefix>-<environment>- (${domain})`;
    }
    return undefined;
}

/** Validates the physical name of a resource of one of the NAMED_TYPES (shared by the per-cloud naming policies). */
export function checkName(type: string, props: Record<string, unknown>, config: NamingConfig, report: (detail: string) => void): void {
    const rule = NAMED_TYPES[type];
    if (!rule) return;
    const name = rule.property in props ? props[rule.property] : undefined;
    if (name === undefined || name === null || name === "") {
        report(`${rule.property} is not set: the name would get a random suffix instead of the naming module's name.`);
        return;
    }
    if (typeof name !== "string") return;
    const problem = namingProblem(name, rule, config);
    if (problem) report(`${problem}.`);
}

export function namedTypes(prefix: string): string[] {
    return Object.keys(NAMED_TYPES).filter((t) => t.startsWith(prefix));
}
