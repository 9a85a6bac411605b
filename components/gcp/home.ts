import * as gcp from "@pulumi/gcp";
import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { ResolvedDomainRegistration } from "../core/config/presets";
import { type DomainHomeOutputs, type StackContext, WORKLOAD_SERVICE_ACCOUNT } from "../core/contracts";
import { childName, stableHash } from "../core/naming";
import { type EgressRule, NamespaceBaseline, NAMESPACE_QUOTAS } from "../kubernetes/namespace-baseline";

const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

/**
 * Egress of a domain's pods: the GKE metadata server (Workload Identity tokens), Google APIs over
 * HTTPS, and Cloud SQL (5432; 3307 for the Cloud SQL connectors and Auth Proxy) and Memorystore TLS
 * (6378) in the private services ranges.
 */
export const DOMAIN_EGRESS: EgressRule[] = [
    { cidr: "169.254.169.252/32", ports: [988] },
    { cidr: "169.254.169.254/32", ports: [80] },
    { cidr: "0.0.0.0/0", ports: [443], except: ["169.254.0.0/16", ...PRIVATE_RANGES] },
    ...PRIVATE_RANGES.map((cidr) => ({ cidr, ports: [5432, 3307, 6378] })),
];

/** What a GCP platform vends a domain, as exported under `homes.<domain>`. */
export interface GcpDomainHome extends DomainHomeOutputs {
    /** Resource name of the deploy service account (`projects/<p>/serviceAccounts/<email>`): the domain's build may act as it. */
    deployServiceAccountName: pulumi.Input<string>;
}

/**
 * The IAM principal of one Kubernetes ServiceAccount under Workload Identity Federation for GKE:
 * granted roles directly, with no Google service account and no annotation in between.
 */
export function kubernetesPrincipal(projectNumber: pulumi.Input<string>, projectId: pulumi.Input<string>, namespace: string, serviceAccount: string): pulumi.Output<string> {
    return pulumi.interpolate`principal://iam.googleapis.com/projects/${projectNumber}/locations/global/workloadIdentityPools/${projectId}.svc.id.goog/subject/ns/${namespace}/sa/${serviceAccount}`;
}

export interface GcpDomainHomeArgs {
    ctx: StackContext;
    domain: string;
    registration: ResolvedDomainRegistration;
    /** The cluster's (host) project: its Workload Identity pool and number. */
    hostProjectId: pulumi.Input<string>;
    hostProjectNumber: pulumi.Input<string>;
    /** The domain's own project (its deploy service account lives there). */
    domainProjectId: pulumi.Input<string>;
    k8sProvider: k8s.Provider;
    /** What the domain project needs first (its IAM API). */
    dependsOn?: pulumi.Input<pulumi.Resource>[];
}

export interface GcpDomainHomeResult {
    baseline: NamespaceBaseline;
    deployServiceAccount: gcp.serviceaccount.Account;
    outputs: GcpDomainHome;
}

/**
 * One domain's home on GKE: the namespace baseline with the workload KSA (its Workload Identity
 * Federation principal is what the domain grants its resources to), a deploy service account with
 * `edit` in the namespace only (a RoleBinding) and the cluster viewer role it needs to get
 * credentials, and the domain's personas bound to Google groups (admins: `admin`, readers: `view`,
 * both in the namespace only, plus cluster viewer to get credentials).
 */
export function createDomainHome(name: string, parent: pulumi.Resource, args: GcpDomainHomeArgs): GcpDomainHomeResult {
    const { ctx, domain, registration } = args;
    const naming = ctx.naming.forDomain(domain);
    const namespace = domain;

    const deployServiceAccount = new gcp.serviceaccount.Account(childName(name, "deploy-sa"), {
        project: args.domainProjectId,
        accountId: naming.physical("gcp.serviceAccountId", "deploy"),
        displayName: `${namespace} Cloud Deploy execution`,
        description: `Deploys into namespace ${namespace} of the platform cluster, nowhere else`,
    }, { parent, dependsOn: args.dependsOn });
    const deployEmail = pulumi.interpolate`${deployServiceAccount.accountId}@${deployServiceAccount.project}.iam.gserviceaccount.com`;

    const credentialsFor = (label: string, member: pulumi.Input<string>) =>
        new gcp.projects.IAMMember(childName(name, label, "cluster-viewer"), {
            project: args.hostProjectId,
            role: "roles/container.clusterViewer",
            member,
        }, { parent });
    credentialsFor("deploy", pulumi.interpolate`serviceAccount:${deployEmail}`);
    const group = (email: string) => ({ kind: "Group" as const, name: email });
    for (const [persona, emails] of [["admins", registration.admins], ["readers", registration.readers]] as const) {
        for (const email of emails) credentialsFor(`${persona}-${stableHash([email], 6)}`, `group:${email}`);
    }

    const baseline = new NamespaceBaseline(childName(name, "baseline"), {
        namespace,
        labels: { ...ctx.tags, domain },
        quota: NAMESPACE_QUOTAS[registration.quota],
        // Workload Identity Federation: the KSA is an IAM principal itself, no annotation.
        serviceAccount: { name: WORKLOAD_SERVICE_ACCOUNT },
        egress: DOMAIN_EGRESS,
        roleBindings: [
            { name: "deploy", clusterRole: "edit", subjects: [{ kind: "User", name: deployEmail }] },
            { name: "domain-admins", clusterRole: "admin", subjects: registration.admins.map(group) },
            { name: "domain-readers", clusterRole: "view", subjects: registration.readers.map(group) },
        ],
    }, { parent, provider: args.k8sProvider });

    return {
        baseline, deployServiceAccount,
        outputs: {
            namespace,
            serviceAccountName: WORKLOAD_SERVICE_ACCOUNT,
            quota: registration.quota,
            workloadPrincipal: kubernetesPrincipal(args.hostProjectNumber, args.hostProjectId, namespace, WORKLOAD_SERVICE_ACCOUNT),
            deployPrincipal: deployEmail,
            deployServiceAccountName: deployServiceAccount.name,
        },
    };
}

/** A registered domain's home on the platform (`landing-zone:gcp:DomainHome`). */
export class DomainHome extends pulumi.ComponentResource {
    readonly result: GcpDomainHomeResult;

    constructor(name: string, args: GcpDomainHomeArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:gcp:DomainHome", name, {}, opts);
        this.result = createDomainHome(name, this, args);
        this.registerOutputs({ namespace: this.result.outputs.namespace, workloadPrincipal: this.result.outputs.workloadPrincipal });
    }
}
