import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { GuardrailSummary, OrganizationEnvironment, OrganizationOutputs, StackContext } from "../core/contracts";
import { childName, physicalName } from "../core/naming";
import { createAccountBaseline } from "./account-baseline";
import { ciStacks, createCiIdentity } from "./ci-identity";
import { createOrgStructure } from "./accounts";
import { createGuardrails } from "./guardrails";
import { createOrgTrail } from "./org-trail";
import { accessRoleArn, awsProvider, memberAccountProvider, ORGANIZATION_ACCESS_ROLE, partitionOf } from "./provider";
import { createSecurityServices } from "./security-services";

/** The guardrails of organization-aws, as the README's side-by-side table lists them. */
export const AWS_GUARDRAILS: readonly GuardrailSummary[] = [
    { name: "SCP: deny leaving the organization", kind: "preventive" },
    { name: "SCP: deny root user actions", kind: "preventive" },
    { name: "SCP: deny disabling CloudTrail, GuardDuty, Config, Security Hub, Access Analyzer", kind: "preventive" },
    { name: "SCP: deny regions outside the allowed list (global services excepted)", kind: "preventive" },
    { name: "SCP: deny turning off S3 account public access block and EBS default encryption", kind: "preventive" },
    { name: "SCP: deny IAM users and access keys in workload and sandbox OUs", kind: "preventive" },
    { name: "S3 account public access block + EBS encryption by default in every account", kind: "preventive" },
    { name: "Organization CloudTrail to an object-locked, KMS-encrypted log archive", kind: "detective" },
    { name: "GuardDuty, auto-enabled for every account", kind: "detective" },
    { name: "Security Hub (foundational + CIS), auto-enabled", kind: "detective" },
    { name: "AWS Config recorder per account + organization aggregator", kind: "detective" },
    { name: "IAM Access Analyzer (organization)", kind: "detective" },
];

/**
 * organization-aws, run in the Organizations management account and nowhere else: the
 * organization and its OU tree and accounts, the SCPs, the organization trail into the log-archive
 * account, the security services delegated to the security account, and the account baseline in
 * every account the program manages. Platform stacks run in their environment's shared-services
 * account (`environments.<env>.platformRoleArn`).
 */
export function createOrganization(name: string, parent: pulumi.Resource, args: AwsOrganizationArgs): OrganizationOutputs {
    const { ctx, management } = args;
    const partition = partitionOf(ctx.config.region);
    const managementAccountId = pulumi.output(ctx.config.aws.accountId ?? "");
    const structure = createOrgStructure(name, parent, ctx);
    const org = ctx.config.organization;
    // RAM sharing with the organization (EnableSharingWithAwsOrganization, management account only):
    // the platform shares its VPC subnets with domain accounts, and subnets can be shared only
    // within the organization once this is on. Listing ram.amazonaws.com as a trusted service alone
    // does not turn it on. After the organization's service access, so the two do not race.
    new aws.ram.SharingWithOrganization(childName(name, "ram-sharing"), {}, { parent, dependsOn: [structure.organization] });

    createGuardrails(name, parent, {
        partition,
        allowedRegions: org.allowedRegions,
        adminRoleName: ORGANIZATION_ACCESS_ROLE,
        policyName: (short) => physicalName("aws.generic", [ctx.config.prefix, "guardrails", short]),
        units: structure.units,
        dependsOn: [structure.organization],
    });

    const providers = Object.fromEntries(Object.values(structure.accounts).map((account) =>
        [account.role, memberAccountProvider(ctx, account.role, account.accountId, partition)])) as Record<string, aws.Provider>;
    const trail = createOrgTrail(childName(name, "trail"), parent, {
        ctx, partition, managementAccountId,
        logArchiveAccountId: structure.accounts["log-archive"].accountId,
        organizationId: structure.organization.id,
        logArchiveProvider: providers["log-archive"],
        organization: structure.organization,
    });
    createSecurityServices(childName(name, "security"), parent, {
        ctx, partition,
        securityAccountId: structure.accounts.security.accountId,
        securityProvider: providers.security,
        organization: structure.organization,
    });
    const baselines: [string, pulumi.Output<string>, aws.Provider][] = [
        ["management", managementAccountId, management],
        ...Object.values(structure.accounts).map((a): [string, pulumi.Output<string>, aws.Provider] => [a.role, a.accountId, providers[a.role]]),
    ];
    for (const [role, accountId, provider] of baselines) {
        createAccountBaseline(childName(name, "baseline", role), parent, {
            ctx, partition, accountId, provider, archiveBucket: trail.bucket.bucket, archiveGrant: trail.bucketPolicy,
        });
    }

    const environments = Object.fromEntries(org.environments.map((env): [string, OrganizationEnvironment] => {
        const shared = structure.accounts[`shared-${env}`];
        return [env, {
            containerId: structure.environmentUnits[env].id,
            platformScope: shared.accountId,
            platformRoleArn: accessRoleArn(partition, shared.accountId),
            domainScopes: Object.fromEntries(org.domains.map((d) => [d, structure.accounts[`${d}-${env}`].accountId])),
        }];
    }));
    // CI identities (organization.ciRepository): GitHub's OIDC provider and one role per stack, in the stack's account.
    const ciIdentities = org.ciRepository ? Object.fromEntries(ciStacks(org.environments, org.domains).map(({ accountRole, environment }) =>
        [environment, createCiIdentity(childName(name, "ci", accountRole), parent, {
            naming: ctx.naming, partition, accountId: structure.accounts[accountRole].accountId, provider: providers[accountRole],
            repository: org.ciRepository, environment, policies: org.ciPolicies,
        }).role.arn])) : undefined;
    const existing = Object.entries(org.existingAccounts);
    return {
        rootId: structure.rootId,
        environments,
        securityScope: structure.accounts.security.accountId,
        logArchiveScope: structure.accounts["log-archive"].accountId,
        guardrails: [...AWS_GUARDRAILS],
        nextSteps: [
            "An organization that exists already: before the first `pulumi up`, run `pulumi import aws:organizations/organization:Organization organization-organization <o-id>` (the stack adopts it instead of failing to create a second one).",
            ...existing.map(([role, id]) => `Existing account ${id} (${role}): move it into its OU (aws organizations move-account) and make sure it has the role ${ORGANIZATION_ACCESS_ROLE} trusting the management account.`),
            "Turn on MFA for the root user of the management account; member accounts' root users are denied by the baseline SCP.",
            lambdaConcurrencyStep(ctx.config.region),
            ciStep(org.ciRepository, org.ciPolicies),
        ],
        ...(ciIdentities ? { ciIdentities } : {}),
    };
}

/** What is left to do for the stacks' CI identities. */
export function ciStep(repository: string, policies: readonly string[]): string {
    if (!repository) {
        return "CI identities: set landing-zone:organization.ciRepository (owner/name) to create GitHub's OIDC provider and a CI role per platform and domain stack in its account; "
            + "or create them by hand as docs/ci.md describes.";
    }
    const grant = policies.length > 0
        ? `Each role has ${policies.join(", ")} (a policy name must exist in every account before the up).`
        : "The roles have no permissions yet: list the deploy policies in landing-zone:organization.ciPolicies (README: Who runs which stack with which permissions).";
    return `CI identities: in each GitHub environment of ${repository} (platform-<env>, domain-<domain>-<env>) set AWS_DEPLOY_ROLE_ARN to its role from \`pulumi stack output ciIdentities\`. ${grant} `
        + "An account that has GitHub's OIDC provider already: import it before the first up (pulumi import aws:iam/openIdConnectProvider:OpenIdConnectProvider <name> <arn>).";
}

/** Lambda's "Concurrent executions" quota (Service Quotas code), per account and region. */
export const LAMBDA_CONCURRENCY_QUOTA = { serviceCode: "lambda", quotaCode: "L-B99A9384", desiredValue: 1000 } as const;

/**
 * A new account can start with a Concurrent executions quota far below the default 1,000, and Lambda
 * refuses reserved concurrency that leaves the account's unreserved concurrency below its minimum
 * (100 at the default quota): a domain's worker reserves `worker.maxConcurrency`. The increase is a
 * request AWS decides on (minutes to days), so it is a step, not a resource of this stack.
 */
export function lambdaConcurrencyStep(region: string): string {
    const q = LAMBDA_CONCURRENCY_QUOTA;
    return `Each domain account that runs a worker (worker.enabled): check \`aws lambda get-account-settings --region ${region} --query AccountLimit\` `
        + `(UnreservedConcurrentExecutions must stay >= 100 after the worker reserves worker.maxConcurrency) and, if the account's ConcurrentExecutions is below ${q.desiredValue}, `
        + `run there \`aws service-quotas request-service-quota-increase --service-code ${q.serviceCode} --quota-code ${q.quotaCode} --desired-value ${q.desiredValue} --region ${region}\` `
        + "before the domain's first pulumi up with the worker.";
}

export interface AwsOrganizationArgs {
    ctx: StackContext;
    /** The management account's provider (the component's children inherit it). */
    management: aws.Provider;
}

/** The organization layer on AWS (`landing-zone:aws:Organization`). */
export class AwsOrganization extends pulumi.ComponentResource {
    readonly outputs: OrganizationOutputs;

    constructor(name: string, args: AwsOrganizationArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:aws:Organization", name, {}, { ...opts, provider: args.management });
        this.outputs = createOrganization(name, this, args);
        this.registerOutputs({ rootId: this.outputs.rootId });
    }
}

/** The organization layer's entry point for the stack program: everything on the management account's provider. */
export function organization(ctx: StackContext): OrganizationOutputs {
    return new AwsOrganization("organization", { ctx, management: awsProvider(ctx) }).outputs;
}
