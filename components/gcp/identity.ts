import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { type WorkloadIdentityOutputs, WORKLOAD_SERVICE_ACCOUNT } from "../core/contracts";
import { childName } from "../core/naming";
import type { GcpDomainArgs } from "./domain-platform";

export interface GcpWorkloadIdentityResult {
    outputs: WorkloadIdentityOutputs;
    /** The Google service account the workload logs in to Cloud SQL as (IAM database authentication). */
    serviceAccount: gcp.serviceaccount.Account;
    /** The Google service account's e-mail, known at plan time (account id and project are inputs). */
    email: pulumi.Output<string>;
}

/**
 * The domain workload's identity: the Workload Identity Federation principal of the namespace's
 * workload KSA, which the platform vended (`principal://...`; no annotation, no binding in the
 * cluster). Cloud SQL IAM database users are Google accounts, so a keyless Google service account
 * serves as the database login; only that principal may mint its tokens.
 */
export class GcpWorkloadIdentity extends pulumi.ComponentResource {
    readonly outputs: WorkloadIdentityOutputs;
    readonly email: pulumi.Output<string>;
    /** IAM member of the workload: the KSA's federated principal. */
    readonly member: pulumi.Output<string>;
    /** IAM member of the database login service account. */
    readonly databaseMember: pulumi.Output<string>;

    constructor(name: string, args: GcpDomainArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:gcp:WorkloadIdentity", name, {}, opts);
        const result = createWorkloadIdentity(name, this, args);
        this.outputs = result.outputs;
        this.email = result.email;
        this.member = args.platform.workloadPrincipal;
        this.databaseMember = pulumi.interpolate`serviceAccount:${result.email}`;
        this.registerOutputs({ principal: result.outputs.principal });
    }
}

export function createWorkloadIdentity(name: string, parent: pulumi.Resource, args: GcpDomainArgs): GcpWorkloadIdentityResult {
    const { ctx, platform } = args;
    const namespace = ctx.config.domain ?? "default";
    const serviceAccount = new gcp.serviceaccount.Account(childName(name, "gsa"), {
        project: platform.project,
        accountId: ctx.naming.physical("gcp.serviceAccountId", "app"),
        displayName: `${namespace} workload database login (${ctx.config.environment})`,
        description: `Cloud SQL IAM login of the ${namespace} namespace's ${WORKLOAD_SERVICE_ACCOUNT} ServiceAccount`,
    }, { parent });
    const email = pulumi.interpolate`${serviceAccount.accountId}@${serviceAccount.project}.iam.gserviceaccount.com`;

    // Only the namespace's workload KSA may mint this account's tokens (for the database login).
    new gcp.serviceaccount.IAMMember(childName(name, "token-creator"), {
        serviceAccountId: serviceAccount.name,
        role: "roles/iam.serviceAccountTokenCreator",
        member: platform.workloadPrincipal,
    }, { parent });

    return {
        serviceAccount,
        email,
        outputs: { namespace, serviceAccountName: WORKLOAD_SERVICE_ACCOUNT, principal: platform.workloadPrincipal },
    };
}

export interface GcpWorkloadAccessArgs extends GcpDomainArgs {
    /** The workload's IAM member: its KSA's federated `principal://...`. */
    member: pulumi.Input<string>;
    /** `serviceAccount:<email>` of the database login service account (Cloud SQL roles). */
    databaseMember: pulumi.Input<string>;
    bucketName: pulumi.Input<string>;
    topicName: pulumi.Input<string>;
    subscriptionName: pulumi.Input<string>;
    /** Every Cloud SQL instance of the domain (primaries and replicas). */
    sqlInstanceNames: pulumi.Input<string>[];
    /** Secret holding the cache's AUTH string, when there is a cache. */
    cacheAuthSecretId?: pulumi.Input<string>;
    /** Secret holding the cache's server CA certificates, when there is a cache. */
    cacheCaSecretId?: pulumi.Input<string>;
}

/** Cloud SQL roles granted at project level, scoped by an IAM condition to the domain's instances. */
export const SQL_ROLES = ["roles/cloudsql.client", "roles/cloudsql.instanceUser"];

/** The IAM condition that limits the Cloud SQL roles to the named instances of `project`. */
export function sqlInstanceCondition(project: pulumi.Input<string>, names: pulumi.Input<string>[]): pulumi.Output<string> {
    return pulumi.all([project, ...names]).apply(([p, ...ns]) =>
        `resource.type == "sqladmin.googleapis.com/Instance" && (${ns.map((n) => `resource.name == "projects/${p}/instances/${n}"`).join(" || ")})`);
}

/**
 * Least-privilege grants of the workload identity, each on one resource of this domain: object
 * user on its bucket, publisher on its topic, subscriber on its subscription, the cache's AUTH
 * secret (to the KSA's principal), and Cloud SQL client + IAM login on its instances only (to the
 * database login service account). No primitive roles.
 */
export class GcpWorkloadAccess extends pulumi.ComponentResource {
    constructor(name: string, args: GcpWorkloadAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:gcp:WorkloadAccess", name, {}, opts);
        createWorkloadAccess(name, this, args);
        this.registerOutputs({});
    }
}

export function createWorkloadAccess(name: string, parent: pulumi.Resource, args: GcpWorkloadAccessArgs): pulumi.Resource[] {
    const { platform, member } = args;
    const opts = { parent };
    const grants: pulumi.Resource[] = [
        new gcp.storage.BucketIAMMember(childName(name, "bucket-objects"), {
            bucket: args.bucketName,
            role: "roles/storage.objectUser",
            member,
        }, opts),
        new gcp.pubsub.TopicIAMMember(childName(name, "topic-publisher"), {
            project: platform.project,
            topic: args.topicName,
            role: "roles/pubsub.publisher",
            member,
        }, opts),
        new gcp.pubsub.SubscriptionIAMMember(childName(name, "subscription-subscriber"), {
            project: platform.project,
            subscription: args.subscriptionName,
            role: "roles/pubsub.subscriber",
            member,
        }, opts),
    ];
    const condition = sqlInstanceCondition(platform.project, args.sqlInstanceNames);
    for (const role of SQL_ROLES) {
        const short = role.split(".").pop()!.toLowerCase();
        grants.push(new gcp.projects.IAMMember(childName(name, `sql-${short}`), {
            project: platform.project,
            role,
            member: args.databaseMember,
            condition: { title: `domain-instances-${short}`, description: "Only this domain's Cloud SQL instances", expression: condition },
        }, opts));
    }
    if (args.cacheAuthSecretId) {
        grants.push(new gcp.secretmanager.SecretIamMember(childName(name, "cache-auth"), {
            project: platform.project,
            secretId: args.cacheAuthSecretId,
            role: "roles/secretmanager.secretAccessor",
            member,
        }, opts));
    }
    if (args.cacheCaSecretId) {
        grants.push(new gcp.secretmanager.SecretIamMember(childName(name, "cache-ca"), {
            project: platform.project,
            secretId: args.cacheCaSecretId,
            role: "roles/secretmanager.secretAccessor",
            member,
        }, opts));
    }
    return grants;
}
