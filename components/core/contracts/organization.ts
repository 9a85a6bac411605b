import type * as pulumi from "@pulumi/pulumi";

/** Where one environment lives in the organization: what its platform stack runs in and under. */
export interface OrganizationEnvironment {
    /** The environment's container: AWS OU id, Azure management group id, GCP `folders/123`. */
    containerId: pulumi.Output<string>;
    /**
     * Where the environment's platform stack runs: AWS shared-services account id, Azure platform
     * subscription id (when one is placed for the environment), GCP the folder's numeric id.
     */
    platformScope?: pulumi.Output<string>;
    /** AWS: the role a platform stack assumes in its shared-services account. */
    platformRoleArn?: pulumi.Output<string>;
    /** AWS: each domain's member account id in this environment. */
    domainScopes: Record<string, pulumi.Output<string>>;
    /**
     * GCP: the environment's KMS key ring in the security project
     * (`projects/<security project>/locations/<region>/keyRings/<name>`): the environment's platform
     * creates its customer-managed keys there and grants them to its projects' service agents.
     */
    keyRingId?: pulumi.Output<string>;
    /**
     * GCP: the environment's multi-region KMS key ring in the security project
     * (`projects/<security project>/locations/<multi-region>/keyRings/<name>`), for environments that
     * keep geo-redundant data: the platform creates its geo `data` key there.
     */
    geoKeyRingId?: pulumi.Output<string>;
}

/** A guardrail the organization enforces, as the README's table lists it. */
export interface GuardrailSummary {
    name: string;
    kind: "preventive" | "detective";
}

/**
 * The organization layer: one stack per cloud, run once by the cloud foundation team. Platform
 * stacks read it through a StackReference (`landing-zone:organizationStack`).
 */
export interface OrganizationOutputs {
    /** The landing zone's top container: AWS Organizations root, Azure landing-zone management group, GCP folder. */
    rootId: pulumi.Output<string>;
    environments: Record<string, OrganizationEnvironment>;
    /** Where security tooling is administered: AWS audit account, Azure management subscription, GCP security project. */
    securityScope: pulumi.Output<string>;
    /** Where audit logs are archived: AWS log-archive account, Azure management subscription, GCP logging project. */
    logArchiveScope: pulumi.Output<string>;
    guardrails: GuardrailSummary[];
    /** Human steps the program cannot take, each with the exact command or console action. */
    nextSteps: string[];
    /** By GitHub environment (`platform-<env>`, `domain-<domain>-<env>`): the identity its CI jobs assume (AWS: a role ARN). */
    ciIdentities?: Record<string, pulumi.Output<string>>;
}

/** What an organization stack exports (and a platform stack reads through a StackReference). */
export type OrganizationExports = OrganizationOutputs;

/** A platform stack's typed view of its organization stack's outputs. */
export interface OrganizationReference {
    readonly name: string;
    get<K extends keyof OrganizationExports>(key: K): pulumi.Output<pulumi.Unwrap<OrganizationExports[K]>>;
}
