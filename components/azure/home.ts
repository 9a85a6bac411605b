import * as managedidentity from "@pulumi/azure-native/managedidentity";
import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { ResolvedDomainRegistration } from "../core/config/presets";
import { type DomainHomeOutputs, type StackContext, WORKLOAD_SERVICE_ACCOUNT } from "../core/contracts";
import { childName, stableHash } from "../core/naming";
import { type EgressRule, NamespaceBaseline, NAMESPACE_QUOTAS } from "../kubernetes/namespace-baseline";
import { REDIS_TLS_PORT } from "./cache";
import { POSTGRES_PORT } from "./database";
import { serviceBusTier } from "./queue";
import { type BuiltinRole, roleAssignment } from "./rbac";

/** The token audience AKS workload identity federation uses. */
export const WORKLOAD_IDENTITY_AUDIENCE = "api://AzureADTokenExchange";

/** What an Azure platform vends a domain, as exported under `homes.<domain>`. */
export interface AzureDomainHome extends DomainHomeOutputs {
    /** Client id of the workload identity (the ServiceAccount's annotation; Redis Entra auth). */
    workloadClientId: pulumi.Input<string>;
    /** Name of the workload identity: its display name in Entra ID (PostgreSQL login, Redis alias). */
    workloadIdentityName: string;
}

/** Service Bus AMQP over TLS. */
export const AMQPS_PORT = 5671;

/** Every address except the instance metadata endpoint and the Azure host IP (168.63.129.16). */
const INTERNET = { cidr: "0.0.0.0/0", except: ["169.254.169.254/32", "168.63.129.16/32"] };

/**
 * Egress a domain's pods need: the VNet (private endpoints: PostgreSQL 5432, Azure Managed Redis
 * 10000, Service Bus AMQP 5671 + HTTPS 443, blob HTTPS) and HTTPS to Microsoft Entra ID for the
 * workload identity token exchange; never the instance metadata endpoint or the platform's wire
 * server. A Standard Service Bus namespace (dev) has no private endpoint: AMQP then goes to its
 * public address.
 */
export function domainEgress(vnetCidr: pulumi.Input<string>, publicServiceBus = false): EgressRule[] {
    return [
        { cidr: vnetCidr, ports: [POSTGRES_PORT, REDIS_TLS_PORT, AMQPS_PORT, 443] },
        { ...INTERNET, ports: publicServiceBus ? [443, AMQPS_PORT] : [443] },
    ];
}

/** The Azure RBAC scope of one namespace of an AKS cluster. */
export function namespaceScope(clusterId: pulumi.Input<string>, namespace: string): pulumi.Output<string> {
    return pulumi.interpolate`${clusterId}/namespaces/${namespace}`;
}

export interface AzureDomainHomeArgs {
    ctx: StackContext;
    domain: string;
    registration: ResolvedDomainRegistration;
    /** The domain's resource group (its identities live beside its resources). */
    resourceGroupName: pulumi.Input<string>;
    clusterId: pulumi.Input<string>;
    oidcIssuer: pulumi.Input<string>;
    vnetCidr: pulumi.Input<string>;
    k8sProvider: k8s.Provider;
}

export interface AzureDomainHomeResult {
    baseline: NamespaceBaseline;
    workloadIdentity: managedidentity.UserAssignedIdentity;
    deployIdentity: managedidentity.UserAssignedIdentity;
    outputs: AzureDomainHome;
}

/**
 * One domain's home on AKS: the namespace baseline; the workload's user-assigned identity federated
 * to exactly the namespace's workload ServiceAccount, which is annotated with its client id; a deploy
 * identity with Azure RBAC Writer on the namespace only; and the domain's personas (admins: RBAC
 * Admin, readers: RBAC Reader) at the namespace's scope. The domain stack only reads the workload
 * identity's principal id and grants data-plane roles on its own resources.
 */
export function createDomainHome(name: string, parent: pulumi.Resource, args: AzureDomainHomeArgs): AzureDomainHomeResult {
    const { ctx, domain, registration } = args;
    const naming = ctx.naming.forDomain(domain);
    const namespace = domain;
    const opts = { parent };

    const workloadIdentityName = naming.physical("azure.generic", "workload");
    const workloadIdentity = new managedidentity.UserAssignedIdentity(childName(name, "workload-identity"), {
        resourceGroupName: args.resourceGroupName,
        resourceName: workloadIdentityName,
        tags: { ...ctx.tags, domain },
    }, opts);
    new managedidentity.FederatedIdentityCredential(childName(name, "workload-federation"), {
        resourceGroupName: args.resourceGroupName,
        resourceName: workloadIdentity.name,
        federatedIdentityCredentialResourceName: naming.physical("azure.generic", "aks", namespace, WORKLOAD_SERVICE_ACCOUNT),
        issuer: args.oidcIssuer,
        subject: `system:serviceaccount:${namespace}:${WORKLOAD_SERVICE_ACCOUNT}`,
        audiences: [WORKLOAD_IDENTITY_AUDIENCE],
    }, opts);

    const baseline = new NamespaceBaseline(childName(name, "baseline"), {
        namespace,
        labels: { ...ctx.tags, domain },
        quota: NAMESPACE_QUOTAS[registration.quota],
        serviceAccount: {
            name: WORKLOAD_SERVICE_ACCOUNT,
            annotations: {
                "azure.workload.identity/client-id": workloadIdentity.clientId,
                "azure.workload.identity/tenant-id": workloadIdentity.tenantId,
            },
            labels: { "azure.workload.identity/use": "true" },
        },
        // The domain's Service Bus tier follows the environment, which the platform shares with it.
        egress: domainEgress(args.vnetCidr, serviceBusTier(ctx) === "Standard"),
    }, { parent, provider: args.k8sProvider });

    const deployIdentity = new managedidentity.UserAssignedIdentity(childName(name, "deploy-identity"), {
        resourceGroupName: args.resourceGroupName,
        resourceName: naming.physical("azure.generic", "deploy"),
        tags: { ...ctx.tags, domain },
    }, opts);

    const scope = namespaceScope(args.clusterId, namespace);
    const grant = (label: string, role: BuiltinRole, principalId: pulumi.Input<string>, principalType: "ServicePrincipal" | "Group", at = scope) =>
        roleAssignment(childName(name, label), parent, ctx, { scope: at, role, principalId, principalType }, { dependsOn: [baseline] });
    grant("deploy", "aksRbacWriter", deployIdentity.principalId, "ServicePrincipal");
    grant("deploy-credentials", "aksClusterUser", deployIdentity.principalId, "ServicePrincipal", pulumi.output(args.clusterId));
    // Keyed by the group (not its position), so reordering the lists replaces nothing.
    for (const [persona, role, groups] of [["admins", "aksRbacAdmin", registration.admins], ["readers", "aksRbacReader", registration.readers]] as const) {
        for (const group of groups) {
            const key = `${persona}-${stableHash([group], 6)}`;
            grant(key, role, group, "Group");
            grant(`${key}-credentials`, "aksClusterUser", group, "Group", pulumi.output(args.clusterId));
        }
    }

    return {
        baseline, workloadIdentity, deployIdentity,
        outputs: {
            namespace,
            serviceAccountName: WORKLOAD_SERVICE_ACCOUNT,
            quota: registration.quota,
            workloadPrincipal: workloadIdentity.principalId,
            deployPrincipal: deployIdentity.principalId,
            workloadClientId: workloadIdentity.clientId,
            workloadIdentityName,
        },
    };
}

/** A registered domain's home on the platform (`landing-zone:azure:DomainHome`). */
export class DomainHome extends pulumi.ComponentResource {
    readonly result: AzureDomainHomeResult;

    constructor(name: string, args: AzureDomainHomeArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:azure:DomainHome", name, {}, opts);
        this.result = createDomainHome(name, this, args);
        this.registerOutputs({ namespace: this.result.outputs.namespace, workloadPrincipal: this.result.outputs.workloadPrincipal });
    }
}
