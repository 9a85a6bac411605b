import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../core/naming";

/** An IAM policy statement (SCPs use the IAM policy grammar, Deny statements only here). */
export interface PolicyStatement {
    Sid: string;
    Effect: "Deny";
    Action?: string[];
    NotAction?: string[];
    Resource: "*";
    Condition?: Record<string, Record<string, string | string[]>>;
}

/** An SCP document: what it promises (for the README and the policy pack) and its statements. */
export interface ScpDocument {
    /** Short name (part of the physical policy name). */
    name: string;
    description: string;
    statements: PolicyStatement[];
}

/** Top-level OUs of the organization (Landing Zone Accelerator / AWS Security Reference Architecture). */
export type TopLevelOu = "security" | "infrastructure" | "workloads" | "sandbox";
export const TOP_LEVEL_OUS: readonly TopLevelOu[] = ["security", "infrastructure", "workloads", "sandbox"];

/** Organizations' quotas: an SCP is at most 5,120 characters; a target holds at most 5 SCPs (FullAWSAccess included). */
export const SCP_MAX_CHARACTERS = 5120;
export const SCP_MAX_PER_TARGET = 5;

/**
 * Global services whose single endpoint sits in us-east-1 (or us-west-2): the region guardrail must
 * not deny them, or IAM, Organizations, STS, Route 53, CloudFront, support and billing break.
 */
export const GLOBAL_SERVICE_ACTIONS = [
    "a4b:*", "account:*", "acm:*", "aws-marketplace:*", "aws-marketplace-management:*", "aws-portal:*", "billing:*",
    "budgets:*", "ce:*", "chatbot:*", "cloudfront:*", "cur:*", "directconnect:*", "ec2:DescribeRegions",
    "ec2:DescribeTransitGateways", "ec2:DescribeVpnGateways", "fms:*", "globalaccelerator:*", "health:*", "iam:*",
    "importexport:*", "kms:*", "networkmanager:*", "organizations:*", "pricing:*", "route53:*", "route53domains:*",
    "route53-recovery-cluster:*", "route53-recovery-control-config:*", "route53-recovery-readiness:*",
    "s3:GetAccountPublic*", "s3:ListAllMyBuckets", "s3:ListMultiRegionAccessPoints", "s3:PutAccountPublic*",
    "shield:*", "sts:*", "support:*", "tag:GetResources", "trustedadvisor:*", "waf:*", "waf-regional:*", "wafv2:*",
] as const;

/** Security services' actions that turn them off or blind them. */
export const SECURITY_SERVICE_ACTIONS = [
    "cloudtrail:DeleteTrail", "cloudtrail:StopLogging", "cloudtrail:UpdateTrail", "cloudtrail:PutEventSelectors",
    "guardduty:DeleteDetector", "guardduty:DisassociateFromAdministratorAccount", "guardduty:DisassociateFromMasterAccount",
    "guardduty:DisassociateMembers", "guardduty:StopMonitoringMembers", "guardduty:UpdateDetector", "guardduty:CreateFilter",
    "config:DeleteConfigurationRecorder", "config:DeleteDeliveryChannel", "config:StopConfigurationRecorder",
    "config:DeleteConfigurationAggregator", "config:DeleteRetentionConfiguration",
    "securityhub:DisableSecurityHub", "securityhub:DisassociateFromAdministratorAccount", "securityhub:DisassociateFromMasterAccount",
    "securityhub:DeleteMembers", "securityhub:DisassociateMembers", "securityhub:BatchDisableStandards",
    "access-analyzer:DeleteAnalyzer",
] as const;

/** Account-level protections a workload must not switch off. */
export const ACCOUNT_BASELINE_ACTIONS = ["s3:PutAccountPublicAccessBlock", "ec2:DisableEbsEncryptionByDefault"] as const;

/** IAM long-lived credentials: a workload account uses roles only. */
export const IAM_USER_ACTIONS = ["iam:CreateUser", "iam:CreateAccessKey", "iam:CreateLoginProfile"] as const;

export interface GuardrailArgs {
    /** `aws`, `aws-cn` or `aws-us-gov`. */
    partition: string;
    allowedRegions: readonly string[];
    /** The role the organization stack administers member accounts with (exempt from the service guards). */
    adminRoleName: string;
}

/**
 * The SCP documents of the landing zone, as data: grouped so that no OU exceeds Organizations'
 * five policies per target (FullAWSAccess + baseline + regions + workloads = 4).
 */
export function scpDocuments(args: GuardrailArgs): Record<"baseline" | "regions" | "workloads", ScpDocument> {
    const exceptAdmin = { ArnNotLike: { "aws:PrincipalArn": `arn:${args.partition}:iam::*:role/${args.adminRoleName}` } };
    return {
        baseline: {
            name: "baseline",
            description: "Deny leaving the organization, root user actions, and turning off the security services or account protections",
            statements: [
                { Sid: "DenyLeavingOrganization", Effect: "Deny", Action: ["organizations:LeaveOrganization"], Resource: "*" },
                {
                    Sid: "DenyRootUser", Effect: "Deny", Action: ["*"], Resource: "*",
                    Condition: { ArnLike: { "aws:PrincipalArn": `arn:${args.partition}:iam::*:root` } },
                },
                { Sid: "ProtectSecurityServices", Effect: "Deny", Action: [...SECURITY_SERVICE_ACTIONS], Resource: "*", Condition: exceptAdmin },
                { Sid: "ProtectAccountBaseline", Effect: "Deny", Action: [...ACCOUNT_BASELINE_ACTIONS], Resource: "*", Condition: exceptAdmin },
            ],
        },
        regions: {
            name: "regions",
            description: `Deny regional actions outside ${args.allowedRegions.join(", ")} (global services excepted)`,
            statements: [{
                Sid: "DenyOutsideAllowedRegions", Effect: "Deny", NotAction: [...GLOBAL_SERVICE_ACTIONS], Resource: "*",
                Condition: {
                    StringNotEquals: { "aws:RequestedRegion": [...args.allowedRegions] },
                    ...exceptAdmin,
                },
            }],
        },
        workloads: {
            name: "workloads",
            description: "Deny IAM users, access keys and console passwords in workload accounts: roles only",
            statements: [{ Sid: "DenyIamUsers", Effect: "Deny", Action: [...IAM_USER_ACTIONS], Resource: "*" }],
        },
    };
}

/** Which SCPs each top-level OU gets. */
export const SCP_ATTACHMENTS: Record<TopLevelOu, readonly ("baseline" | "regions" | "workloads")[]> = {
    security: ["baseline", "regions"],
    infrastructure: ["baseline", "regions"],
    workloads: ["baseline", "regions", "workloads"],
    sandbox: ["baseline", "regions", "workloads"],
};

/** The policy text of an SCP document (compact JSON: the 5,120-character quota counts what is sent). */
export function scpContent(doc: ScpDocument): string {
    return JSON.stringify({ Version: "2012-10-17", Statement: doc.statements });
}

export interface GuardrailsArgs extends GuardrailArgs {
    /** Physical name of a policy from its short name. */
    policyName: (short: string) => string;
    /** The top-level OUs, by role. */
    units: Record<TopLevelOu, aws.organizations.OrganizationalUnit>;
    /** SCPs must be enabled on the organization before a policy is attached. */
    dependsOn: pulumi.Resource[];
}

/** The SCPs, each attached to the OUs `SCP_ATTACHMENTS` names. */
export function createGuardrails(name: string, parent: pulumi.Resource, args: GuardrailsArgs) {
    const docs = scpDocuments(args);
    const policies = Object.fromEntries(Object.entries(docs).map(([key, doc]) => [key, new aws.organizations.Policy(childName(name, "scp", key), {
        name: args.policyName(doc.name),
        description: doc.description,
        type: "SERVICE_CONTROL_POLICY",
        content: scpContent(doc),
    }, { parent, dependsOn: args.dependsOn })])) as Record<keyof typeof docs, aws.organizations.Policy>;
    const attachments = TOP_LEVEL_OUS.flatMap((ou) => SCP_ATTACHMENTS[ou].map((key) =>
        new aws.organizations.PolicyAttachment(childName(name, "scp", key, ou), {
            policyId: policies[key].id,
            targetId: args.units[ou].id,
        }, { parent })));
    return { docs, policies, attachments };
}
