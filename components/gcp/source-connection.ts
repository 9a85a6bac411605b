import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../core/naming";
import { domainLabels, type GcpDomainArgs } from "./domain-platform";
import { serviceAgentMember } from "./service-agents";

/**
 * Secret config holding the GitHub token the Cloud Build connection authorizes with
 * (`pulumi config set --secret landing-zone-secrets:gitAccessToken <token>`). Never a plain value.
 */
export const GIT_TOKEN_CONFIG = { namespace: "landing-zone-secrets", key: "gitAccessToken" } as const;

/** The Cloud Build GitHub App a person installs on the repositories' owner. */
export const CLOUD_BUILD_GITHUB_APP = "https://github.com/apps/google-cloud-build";

export interface SourceConnectionArgs extends GcpDomainArgs {
    /** The application's GitHub repository (`owner/name`) the trigger builds. */
    repository: string;
    /** The GitHub token (a secret), when `landing-zone-secrets:gitAccessToken` is set. */
    token?: pulumi.Output<string>;
    /** The Cloud Build GitHub App's installation id (`gcp.githubAppInstallationId`), once installed. */
    installationId?: number;
}

export interface SourceConnectionResult {
    connection: gcp.cloudbuildv2.Connection;
    tokenSecret?: gcp.secretmanager.Secret;
    /** The Cloud Build service agent's access to the token: the connection depends on it. */
    agentAccess?: gcp.secretmanager.SecretIamMember;
    /** The linked repository, once the connection can be complete (token and app installed). */
    repository?: gcp.cloudbuildv2.Repository;
    /** What a person must still do before builds run (empty when nothing). */
    nextSteps: string[];
}

/** The human steps still missing for a complete GitHub connection, each with the exact command or page. */
/** The steps as the one `pipeline.nextStep` output: numbered, in order; undefined when none is left. */
export function nextStepText(steps: string[]): string | undefined {
    return steps.length === 0 ? undefined : steps.map((step, i) => `${i + 1}) ${step}`).join(" ");
}

export function connectionNextSteps(repository: string, hasToken: boolean, installationId: number | undefined): string[] {
    const owner = repository.split("/")[0];
    const steps: string[] = [];
    if (!hasToken) {
        steps.push(`Create a GitHub token that can read ${repository} (classic: scopes repo and read:user, ` +
            `plus read:org for an organization) and store it encrypted: ` +
            `pulumi config set --secret ${GIT_TOKEN_CONFIG.namespace}:${GIT_TOKEN_CONFIG.key} <token>; then pulumi up.`);
    }
    if (installationId === undefined) {
        steps.push(`Install the Cloud Build GitHub App on ${owner} with access to ${repository}: ` +
            `${CLOUD_BUILD_GITHUB_APP} ; set landing-zone:gcp.githubAppInstallationId to the number that ends the ` +
            `installation's settings page URL (github.com/organizations/${owner}/settings/installations/<id>, or ` +
            `github.com/settings/installations/<id> for a user); then pulumi up.`);
    }
    return steps;
}

/**
 * A second-generation Cloud Build connection to GitHub: the token in Secret Manager (readable by
 * the Cloud Build service agent only, granted before the connection is made), the connection, and
 * the linked repositories. A first-generation trigger needs a repository mapping made by hand per
 * project and region; this needs only the app installation, exported as a next step until done.
 * Repositories are linked only once the token and the installation are configured: the API
 * refuses them on an incomplete connection, and a trigger without one would never fire.
 */
export function createSourceConnection(name: string, parent: pulumi.Resource, args: SourceConnectionArgs): SourceConnectionResult {
    const { ctx, platform } = args;
    const region = ctx.config.region;
    const opts = { parent };
    let tokenSecret: gcp.secretmanager.Secret | undefined;
    let agentAccess: gcp.secretmanager.SecretIamMember | undefined;
    let tokenVersion: gcp.secretmanager.SecretVersion | undefined;
    if (args.token) {
        tokenSecret = new gcp.secretmanager.Secret(childName(name, "github-token"), {
            project: platform.project,
            secretId: ctx.naming.physical("gcp.generic", "github", "token"),
            replication: { userManaged: { replicas: [{ location: region }] } },
            labels: domainLabels(ctx),
        }, opts);
        tokenVersion = new gcp.secretmanager.SecretVersion(childName(name, "github-token-version"), {
            secret: tokenSecret.id,
            secretData: pulumi.secret(args.token),
        }, opts);
        // The connection reads the token as the project's Cloud Build service agent.
        const projectNumber = gcp.organizations.getProjectOutput({ projectId: platform.project }, opts).number;
        agentAccess = new gcp.secretmanager.SecretIamMember(childName(name, "github-token-agent"), {
            project: platform.project,
            secretId: tokenSecret.secretId,
            role: "roles/secretmanager.secretAccessor",
            member: serviceAgentMember("cloudbuild", projectNumber),
        }, opts);
    }
    const connection = new gcp.cloudbuildv2.Connection(childName(name, "github"), {
        project: platform.project,
        location: region,
        name: ctx.naming.physical("gcp.generic", "github"),
        githubConfig: {
            appInstallationId: args.installationId,
            authorizerCredential: tokenVersion ? { oauthTokenSecretVersion: tokenVersion.id } : undefined,
        },
    }, { parent, dependsOn: agentAccess ? [agentAccess] : [] });

    // The API links a repository only on a complete connection (token and app installation).
    const repository = tokenVersion && args.installationId !== undefined
        ? new gcp.cloudbuildv2.Repository(childName(name, "repository"), {
            project: platform.project,
            location: region,
            parentConnection: connection.name,
            name: args.repository.split("/")[1],
            remoteUri: `https://github.com/${args.repository}.git`,
        }, opts)
        : undefined;
    return {
        connection,
        tokenSecret,
        agentAccess,
        repository,
        nextSteps: connectionNextSteps(args.repository, !!args.token, args.installationId),
    };
}
