import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { serviceTrustPolicy } from "./iam";

/** Security Hub standards enabled in the security account: AWS Foundational Security Best Practices and CIS. */
export const SECURITY_HUB_STANDARDS = [
    "aws-foundational-security-best-practices/v/1.0.0",
    "cis-aws-foundations-benchmark/v/3.0.0",
] as const;

export interface SecurityServicesArgs {
    ctx: StackContext;
    partition: string;
    securityAccountId: pulumi.Output<string>;
    /** The security (audit) account's provider: the delegated administrator's side. */
    securityProvider: aws.Provider;
    /** Trusted access must be on before a delegated administrator is registered. */
    organization: aws.organizations.Organization;
}

/**
 * GuardDuty, Security Hub, AWS Config (aggregator) and IAM Access Analyzer with the security
 * account as delegated administrator, auto-enabled for every account of the organization, new
 * ones included. The management account registers the delegations; the security account runs the
 * services (each of its resources depends on its delegation: grant before use).
 */
export function createSecurityServices(name: string, parent: pulumi.Resource, args: SecurityServicesArgs) {
    const { ctx, partition } = args;
    const admin = args.securityAccountId;
    const inManagement = { parent, dependsOn: [args.organization] };
    const inSecurity = (dependsOn: pulumi.Resource[]) => ({ parent, provider: args.securityProvider, dependsOn });

    // GuardDuty: a detector in the management account too (the provider's documented order), the
    // delegated admin, then the admin's detector auto-enables every member.
    const managementDetector = new aws.guardduty.Detector(childName(name, "guardduty-management"), {
        enable: true, findingPublishingFrequency: "FIFTEEN_MINUTES",
    }, inManagement);
    const guardDutyAdmin = new aws.guardduty.OrganizationAdminAccount(childName(name, "guardduty-admin"), { adminAccountId: admin }, {
        parent, dependsOn: [args.organization, managementDetector],
    });
    const detector = new aws.guardduty.Detector(childName(name, "guardduty"), {
        enable: true,
        findingPublishingFrequency: "FIFTEEN_MINUTES",
    }, inSecurity([guardDutyAdmin]));
    const guardDutyOrg = new aws.guardduty.OrganizationConfiguration(childName(name, "guardduty-org"), {
        detectorId: detector.id,
        autoEnableOrganizationMembers: "ALL",
    }, inSecurity([guardDutyAdmin]));

    // Security Hub: delegated admin, auto-enable for new accounts with the default standards, and
    // the foundational and CIS standards in the admin account.
    // Security Hub is enabled in the management account before it designates the administrator.
    const managementHub = new aws.securityhub.Account(childName(name, "securityhub-management"), {}, inManagement);
    const securityHubAdmin = new aws.securityhub.OrganizationAdminAccount(childName(name, "securityhub-admin"), { adminAccountId: admin }, {
        parent, dependsOn: [args.organization, managementHub],
    });
    const securityHubOrg = new aws.securityhub.OrganizationConfiguration(childName(name, "securityhub-org"), {
        autoEnable: true,
        autoEnableStandards: "DEFAULT",
    }, inSecurity([securityHubAdmin]));
    const standards = SECURITY_HUB_STANDARDS.map((standard) => new aws.securityhub.StandardsSubscription(
        childName(name, "securityhub", standard.split("/")[0]), {
            standardsArn: `arn:${partition}:securityhub:${ctx.config.region}::standards/${standard}`,
        }, inSecurity([securityHubAdmin])));

    // IAM Access Analyzer: an organization analyzer in the delegated admin account.
    const analyzerAdmin = new aws.organizations.DelegatedAdministrator(childName(name, "access-analyzer-admin"), {
        accountId: admin, servicePrincipal: "access-analyzer.amazonaws.com",
    }, inManagement);
    const analyzer = new aws.accessanalyzer.Analyzer(childName(name, "access-analyzer"), {
        analyzerName: ctx.naming.physical("aws.generic", "organization"),
        type: "ORGANIZATION",
    }, inSecurity([analyzerAdmin]));

    // AWS Config: the recorders are per account (account baseline); the aggregator of the whole
    // organization runs in the delegated admin account with a role Config assumes.
    const configAdmin = new aws.organizations.DelegatedAdministrator(childName(name, "config-admin"), {
        accountId: admin, servicePrincipal: "config.amazonaws.com",
    }, inManagement);
    const aggregatorRole = new aws.iam.Role(childName(name, "config-aggregator-role"), {
        name: ctx.naming.physical("aws.iamRole", "config-aggregator"),
        assumeRolePolicy: serviceTrustPolicy("config.amazonaws.com"),
    }, inSecurity([]));
    const aggregatorPolicy = new aws.iam.RolePolicyAttachment(childName(name, "config-aggregator-policy"), {
        role: aggregatorRole.name,
        policyArn: `arn:${partition}:iam::aws:policy/service-role/AWSConfigRoleForOrganizations`,
    }, inSecurity([]));
    const aggregator = new aws.cfg.ConfigurationAggregator(childName(name, "config-aggregator"), {
        name: ctx.naming.physical("aws.generic", "organization"),
        organizationAggregationSource: { allRegions: true, roleArn: aggregatorRole.arn },
    }, inSecurity([configAdmin, aggregatorPolicy]));

    return { guardDutyAdmin, detector, guardDutyOrg, securityHubAdmin, securityHubOrg, standards, analyzerAdmin, analyzer, configAdmin, aggregator };
}
