import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import type { WorkloadIdentityOutputs } from "../core/contracts";
import { childName } from "../core/naming";
import { NamespaceBaseline, type EgressRule, NAMESPACE_QUOTAS } from "../kubernetes/namespace-baseline";
import type { GcpDomainArgs } from "./domain-platform";

/** The Kubernetes ServiceAccount the domain's workloads run as. */
export const WORKLOAD_KSA = "workload";

const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

/**
 * Egress of the domain's pods: the GKE metadata server (Workload Identity tokens), Google APIs over
 * HTTPS, and Cloud SQL (5432; 3307 for the Cloud SQL connectors and Auth Proxy) and Memorystore TLS
 * (6378) in the private services ranges.
 */
export const DOMAIN_EGRESS: EgressRule[] = [
    { cidr: "169.254.169.252/32", ports: [988] },
    { cidr: "169.254.169.254/32", ports: [80] },
    { cidr: "0.0.0.0/0", ports: [443], except: ["169.254.0.0/16", ...PRIVATE_RANGES] },
    ...PRIVATE_RANGES.map((cidr) => ({ cidr, ports: [5432, 3307, 6378] })),
];

export interface GcpWorkloadIdentityResult {
    outputs: WorkloadIdentityOutputs;
    serviceAccount: gcp.serviceaccount.Account;
    /** The Google service account's e-mail, known at plan time (account id and project are inputs). */
    email: pulumi.Output<string>;
    baseline: NamespaceBaseline;
}

/**
 * The domain's identity: a Google service account (no keys), the namespace baseline on the shared
 * GKE cluster with the workload KSA annotated for it, and the Workload Identity binding.
 */
export class GcpWorkloadIdentity extends pulumi.ComponentResource {
    readonly outputs: WorkloadIdentityOutputs;
    readonly email: pulumi.Output<string>;
    readonly member: pulumi.Output<string>;
    /** The namespace baseline (resources in the namespace wait for it). */
    readonly namespace: pulumi.Resource;

    constructor(name: string, args: GcpDomainArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:gcp:WorkloadIdentity", name, {}, opts);
        const result = createWorkloadIdentity(name, this, args);
        this.outputs = result.outputs;
        this.email = result.email;
        this.namespace = result.baseline;
        this.member = pulumi.interpolate`serviceAccount:${result.email}`;
        this.registerOutputs({ principal: result.outputs.principal });
    }
}

export function createWorkloadIdentity(name: string, parent: pulumi.Resource, args: GcpDomainArgs): GcpWorkloadIdentityResult {
    const { ctx, platform } = args;
    const namespace = ctx.config.domain ?? "default";
    const serviceAccount = new gcp.serviceaccount.Account(childName(name, "gsa"), {
        project: platform.project,
        accountId: ctx.naming.physical("gcp.serviceAccountId", "app"),
        displayName: `${namespace} workload (${ctx.config.environment})`,
        description: `Workload Identity of the ${namespace} namespace's ${WORKLOAD_KSA} ServiceAccount`,
    }, { parent });
    const email = pulumi.interpolate`${serviceAccount.accountId}@${serviceAccount.project}.iam.gserviceaccount.com`;

    const baseline = new NamespaceBaseline(childName(name, "baseline"), {
        namespace,
        labels: ctx.tags,
        quota: NAMESPACE_QUOTAS[ctx.config.environment],
        serviceAccount: { name: WORKLOAD_KSA, annotations: { "iam.gke.io/gcp-service-account": email } },
        egress: DOMAIN_EGRESS,
    }, { parent });

    // Only the namespace's workload KSA may act as the Google service account.
    new gcp.serviceaccount.IAMMember(childName(name, "workload-identity"), {
        serviceAccountId: serviceAccount.name,
        role: "roles/iam.workloadIdentityUser",
        member: pulumi.interpolate`serviceAccount:${platform.workloadPool}[${namespace}/${WORKLOAD_KSA}]`,
    }, { parent });

    return {
        serviceAccount,
        email,
        baseline,
        outputs: { namespace, serviceAccountName: WORKLOAD_KSA, principal: email },
    };
}

export interface GcpWorkloadAccessArgs extends GcpDomainArgs {
    /** `serviceAccount:<email>` of the workload. */
    member: pulumi.Input<string>;
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
 * secret, and Cloud SQL client + IAM login on its instances only. No primitive roles.
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
            member,
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
