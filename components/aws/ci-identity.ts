import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName, type Naming } from "../core/naming";
import { arnKey } from "./iam";

/** GitHub Actions' OIDC issuer (host) and the audience `aws-actions/configure-aws-credentials` asks STS for. */
export const GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";
export const GITHUB_OIDC_AUDIENCE = "sts.amazonaws.com";

/** One stack's CI: the account it runs in (its role in the organization) and its jobs' GitHub environment. */
export interface CiStack {
    accountRole: string;
    environment: string;
}

/** The platform and domain stacks of an organization, with their GitHub environments as docs/ci.md's workflow names them. */
export function ciStacks(environments: readonly string[], domains: readonly string[]): CiStack[] {
    return environments.flatMap((env) => [
        { accountRole: `shared-${env}`, environment: `platform-${env}` },
        ...domains.map((domain) => ({ accountRole: `${domain}-${env}`, environment: `domain-${domain}-${env}` })),
    ]);
}

/**
 * Trust of a CI role: GitHub's OIDC provider of the account, the `sts.amazonaws.com` audience, and
 * only the jobs of one repository that run in one GitHub environment (`sub`), whose protection rules
 * (required reviewers for prod) then gate the credentials.
 */
export function ciTrustPolicy(providerArn: pulumi.Input<string>, repository: string, environment: string): pulumi.Output<string> {
    return pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{
            Sid: "GitHubActionsOfOneEnvironment",
            Effect: "Allow",
            Principal: { Federated: providerArn },
            Action: "sts:AssumeRoleWithWebIdentity",
            Condition: {
                StringEquals: {
                    [`${GITHUB_OIDC_HOST}:aud`]: GITHUB_OIDC_AUDIENCE,
                    [`${GITHUB_OIDC_HOST}:sub`]: `repo:${repository}:environment:${environment}`,
                },
            },
        }],
    });
}

/** A `ciPolicies` entry as an ARN in the role's account: AWS-managed ARNs as they are, names in that account. */
export function ciPolicyArn(policy: string, partition: string, accountId: pulumi.Input<string>): pulumi.Input<string> {
    return policy.startsWith("arn:") ? policy : pulumi.interpolate`arn:${partition}:iam::${accountId}:policy/${policy}`;
}

export interface CiIdentityArgs {
    /** The organization stack's naming (`<prefix>-org-...`). */
    naming: Naming;
    partition: string;
    accountId: pulumi.Input<string>;
    /** The account's provider (organization-aws assumes its access role there). */
    provider: aws.Provider;
    repository: string;
    /** The GitHub environment of the stack this account runs (`platform-prod`, `domain-orders-prod`). */
    environment: string;
    /** `organization.ciPolicies`. */
    policies: string[];
}

export interface CiIdentityResult {
    provider: aws.iam.OpenIdConnectProvider;
    role: aws.iam.Role;
}

/**
 * The identity a stack's CI deploys with, in the account the stack runs in: GitHub's OIDC provider
 * (one per account; STS checks GitHub's certificate itself, so no thumbprint is pinned) and the role
 * `<prefix>-org-ci-<environment>` only that repository's jobs in that environment assume, with the
 * policies the foundation team lists (`organization.ciPolicies`). No long-lived key anywhere.
 */
export function createCiIdentity(name: string, parent: pulumi.Resource, args: CiIdentityArgs): CiIdentityResult {
    const opts = { parent, provider: args.provider };
    const oidc = new aws.iam.OpenIdConnectProvider(childName(name, "github-oidc"), {
        url: `https://${GITHUB_OIDC_HOST}`,
        clientIdLists: [GITHUB_OIDC_AUDIENCE],
    }, opts);
    const role = new aws.iam.Role(childName(name, "ci-role"), {
        name: args.naming.physical("aws.iamRole", "ci", args.environment),
        description: `GitHub Actions of ${args.repository} in environment ${args.environment}: deploys that stack`,
        assumeRolePolicy: ciTrustPolicy(oidc.arn, args.repository, args.environment),
        maxSessionDuration: 3600,
    }, opts);
    args.policies.forEach((policy) => new aws.iam.RolePolicyAttachment(childName(name, "ci-policy", arnKey(policy)), {
        role: role.name,
        policyArn: ciPolicyArn(policy, args.partition, args.accountId),
    }, opts));
    return { provider: oidc, role };
}
