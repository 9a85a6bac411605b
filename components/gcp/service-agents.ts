import * as pulumi from "@pulumi/pulumi";

/**
 * The e-mail domain of each Google service agent the landing zone grants something to, as
 * `service-<project number>@<domain>` (the table cloud-foundation-fabric keeps in
 * `modules/project/service-agents.yaml`).
 *
 * `gcp.projects.ServiceIdentity` creates an agent, but its `email` / `member` are only set when the
 * API's answer carries one, which it need not do ("This API may not return the service identity's
 * details", provider source); an empty member in an IAM grant fails at create time. So the member
 * is built from the project number, and the ServiceIdentity, when there is one, stays a dependency.
 */
export const SERVICE_AGENT_DOMAINS = {
    sql: "gcp-sa-cloud-sql.iam.gserviceaccount.com",
    pubsub: "gcp-sa-pubsub.iam.gserviceaccount.com",
    artifactregistry: "gcp-sa-artifactregistry.iam.gserviceaccount.com",
    container: "container-engine-robot.iam.gserviceaccount.com",
    cloudbuild: "gcp-sa-cloudbuild.iam.gserviceaccount.com",
} as const;

export type KnownServiceAgent = keyof typeof SERVICE_AGENT_DOMAINS;

/** `service-<number>@<agent domain>`. */
export function serviceAgentEmail(agent: KnownServiceAgent, projectNumber: string): string {
    return `service-${projectNumber}@${SERVICE_AGENT_DOMAINS[agent]}`;
}

/**
 * The IAM member of a project's service agent, from the project number; it waits for `after`
 * (the ServiceIdentity or enabled API that makes the agent exist), so a grant to it comes later.
 */
export function serviceAgentMember(
    agent: KnownServiceAgent,
    projectNumber: pulumi.Input<string>,
    after: pulumi.Resource[] = [],
): pulumi.Output<string> {
    return pulumi.all([projectNumber, ...after.map((r) => r.urn)])
        .apply(([n]) => `serviceAccount:${serviceAgentEmail(agent, n)}`);
}
