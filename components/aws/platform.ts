import type { OrganizationReference, PlatformOutputs, StackContext } from "../core/contracts";
import { AwsCluster } from "./cluster";
import type { AwsPlatformExtras } from "./extras";
import { PersonaAccess } from "./access";
import { type AwsDomainHome, DomainHome } from "./home";
import { AwsHierarchy } from "./hierarchy";
import { AwsKeys } from "./keys";
import { AwsLogging } from "./logging";
import { AwsNetwork } from "./network";
import { organizationScope } from "./organization-scope";
import { awsAccount, awsProvider } from "./provider";
import { AwsRegistry } from "./registry";
import { DomainSubnetShare } from "./subnet-share";

/**
 * Composes the aws platform layer on one explicit provider (children inherit it through `parent`):
 * keys first (everything else encrypts with them), central logging, the hierarchy, the VPC, EKS,
 * ECR, and the home of every registered domain on EKS. With an organization stack the platform runs
 * in the environment's shared-services account the organization recorded (its provider refuses any
 * other), creates no OU or account, and serves each domain in the domain's own account: the data and
 * private subnets shared through RAM, the workload identity chained to the domain's role there, and
 * the domain pipeline's database and deploy builds run here (CodeBuild does not use shared subnets).
 */
export function platform(ctx: StackContext, organization?: OrganizationReference): PlatformOutputs {
    const scope = organization ? organizationScope(ctx, organization) : undefined;
    const provider = awsProvider(ctx, undefined, scope?.platformAccountId);
    const account = awsAccount(ctx, provider, scope?.platformAccountId);
    const opts = { provider };

    const keys = new AwsKeys("keys", { ctx, account }, opts).result;
    const keyIds = keys.outputs.keyIds;
    const logging = new AwsLogging("logging", { ctx, account, logsKeyArn: keyIds.logs }, opts).result;
    const hierarchy = new AwsHierarchy("hierarchy", { ctx, account, organization: scope }, opts).result;
    // Domains in their own accounts: the platform runs their in-VPC builds, in subnets it shares with no one.
    const buildsForDomainAccounts = scope !== undefined && Object.keys(ctx.config.domains).length > 0;
    const network = new AwsNetwork("network", { ctx, account, logsKeyArn: keyIds.logs, buildSubnets: buildsForDomainAccounts }, opts).result;
    const cluster = new AwsCluster("cluster", {
        ctx, account,
        vpcId: network.vpc.id,
        privateSubnetIds: network.outputs.subnetIds.private,
        zones: network.outputs.zones,
        clusterKeyArn: keyIds.cluster,
        logsKeyArn: keyIds.logs,
    }, opts).result;
    const registry = new AwsRegistry("registry", { ctx, account, registryKeyArn: keyIds.registry }, opts).result;

    // One vended home per registered domain: namespace baseline, Pod Identity, deploy access (and, for
    // a domain in its own account, its in-VPC builds in this account's VPC).
    const clusterSecurityGroupId = cluster.cluster.vpcConfig.apply((v) => v?.clusterSecurityGroupId ?? "");
    const homes: Record<string, AwsDomainHome> = {};
    const homeComponents: DomainHome[] = [];
    for (const [domain, registration] of Object.entries(ctx.config.domains)) {
        const domainAccountId = scope ? hierarchy.outputs.domainScopes[domain] : undefined;
        const share = domainAccountId ? new DomainSubnetShare(`share-${domain}`, {
            ctx, domain, domainAccountId, subnets: { data: network.subnets.data, private: network.subnets.private },
        }, opts).result : undefined;
        const home = new DomainHome(`home-${domain}`, {
            ctx, domain, registration,
            accountId: account.accountId,
            partition: account.partition,
            clusterName: cluster.cluster.name,
            clusterArn: cluster.cluster.arn,
            vpcCidr: network.outputs.cidr,
            k8sProvider: cluster.outputs.provider,
            domainAccountId,
            ...(domainAccountId ? {
                builds: {
                    vpcId: network.vpc.id,
                    buildSubnetIds: network.buildSubnets.map((subnet) => subnet.id),
                    clusterSecurityGroupId,
                    logsKeyArn: keyIds.logs,
                    projectKeyArn: keyIds.data,
                },
            } : {}),
        }, opts);
        homes[domain] = share ? { ...home.result.outputs, sharedSubnetIds: share.subnetIds } : home.result.outputs;
        homeComponents.push(home);
    }
    // The personas: domain admins and readers in their namespaces, auditors read-only everywhere.
    new PersonaAccess("personas", {
        config: ctx.config, clusterName: cluster.cluster.name, partition: account.partition, dependsOn: homeComponents,
    }, opts);

    const extras: AwsPlatformExtras = {
        accountId: account.accountId,
        vpcId: network.vpc.id,
        vpcCidr: network.outputs.cidr,
        nodeSecurityGroupId: cluster.nodeSecurityGroup.id,
        logArchiveBucket: logging.accessLogBucket.bucket,
        domainRoleArns: hierarchy.domainRoleArns,
        auditArchiveBucket: logging.archiveBucket.bucket,
        logGroupName: logging.logGroup.name,
        clusterSecurityGroupId,
        partition: account.partition,
    };

    return {
        hierarchy: hierarchy.outputs,
        network: network.outputs,
        cluster: cluster.outputs,
        registry: registry.outputs,
        keys: keys.outputs,
        logging: logging.outputs,
        domains: Object.keys(homes),
        homes,
        extras: { ...extras },
    };
}
