import * as containerinstance from "@pulumi/azure-native/containerinstance";
import * as dbforpostgresql from "@pulumi/azure-native/dbforpostgresql";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as pulumi from "@pulumi/pulumi";
import type { AzureEntraGroup } from "../core/config/types";
import type { StackContext } from "../core/contracts";
import { childName } from "../core/naming";

/** The image the bootstrap runs: the PostgreSQL client (psql) and a shell, pinned. */
export const BOOTSTRAP_IMAGE = "docker.io/library/postgres:17.6-alpine3.22";

/** Entra token audience of Azure Database for PostgreSQL. */
export const POSTGRES_TOKEN_RESOURCE = "https://ossrdbms-aad.database.windows.net";

/**
 * What the bootstrap runs on every primary, as the bootstrap identity (an Entra administrator): for
 * each application identity in `APP_ROLES` (`<role name>=<object id>`, space separated: the
 * workload's and the worker's), create its role (once), then let it connect to and create in its own
 * database only. No password anywhere: the token comes from the container group's managed identity.
 */
export const BOOTSTRAP_SCRIPT = [
    "set -eu",
    "TOKEN=$(wget -qO- --header Metadata:true \"http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=${TOKEN_RESOURCE}&client_id=${CLIENT_ID}\" | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')",
    "export PGPASSWORD=\"$TOKEN\" PGSSLMODE=require",
    "for host in $HOSTS; do",
    "  for app in $APP_ROLES; do",
    "    APP_ROLE=${app%%=*} APP_OBJECT_ID=${app#*=}",
    "    psql -h \"$host\" -U \"$ADMIN_ROLE\" -d postgres -v ON_ERROR_STOP=1 -c \"SELECT pgaadauth_create_principal_with_oid('$APP_ROLE', '$APP_OBJECT_ID', 'service', false, false) WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$APP_ROLE');\" -c \"GRANT CONNECT, TEMPORARY ON DATABASE \\\"$DATABASE\\\" TO \\\"$APP_ROLE\\\";\"",
    "    psql -h \"$host\" -U \"$ADMIN_ROLE\" -d \"$DATABASE\" -v ON_ERROR_STOP=1 -c \"GRANT USAGE, CREATE ON SCHEMA public TO \\\"$APP_ROLE\\\";\"",
    "  done",
    "done",
].join("\n");

/** An application identity the bootstrap creates a role for: its Entra display name and object id. */
export interface AppRole {
    name: pulumi.Input<string>;
    objectId: pulumi.Input<string>;
}

/** `APP_ROLES` of the job: `<name>=<object id>` per identity, space separated (names and ids have no spaces or `=`). */
export function appRolesValue(apps: AppRole[]): pulumi.Output<string> {
    return pulumi.all(apps.map((a) => pulumi.all([a.name, a.objectId]))).apply((pairs) => pairs.map(([n, id]) => `${n}=${id}`).join(" "));
}

export interface DatabaseBootstrapArgs {
    ctx: StackContext;
    resourceGroupName: pulumi.Input<string>;
    tenantId: pulumi.Input<string>;
    /** The platform's subnet delegated to Container Instances (inside the VNet, egress through NAT). */
    jobsSubnetId: pulumi.Input<string>;
    /** The primaries: each gets the administrators; replicas inherit them. */
    servers: { serverName: string; server: dbforpostgresql.Server; ready: pulumi.Resource; settled: pulumi.Resource[] }[];
    /** Host names the bootstrap connects to (the primaries' FQDNs). */
    hosts: pulumi.Input<string>[];
    databaseName: string;
    /** The Entra group that administers the servers (config `azure.databaseAdminGroup`). */
    adminGroup?: AzureEntraGroup;
    /**
     * The application identities that get their own database role (the workload's; the worker's when
     * it reaches data): each role is created, none is an administrator.
     */
    apps: AppRole[];
}

/**
 * Who administers the domain's PostgreSQL servers, and the one-shot creation of the applications'
 * roles (the workload's, the worker's). Administrators: the configured Entra group and a bootstrap
 * identity of this domain; no application identity is one. The bootstrap is a container group inside the VNet (the servers have
 * no public endpoint) that runs once as the bootstrap identity and stops (`restartPolicy: Never`);
 * a change of what it creates (hosts, roles, database) runs it again.
 */
export class DatabaseBootstrap extends pulumi.ComponentResource {
    readonly result: ReturnType<typeof createDatabaseBootstrap>;

    constructor(name: string, args: DatabaseBootstrapArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:azure:DatabaseBootstrap", name, {}, opts);
        this.result = createDatabaseBootstrap(name, this, args);
        this.registerOutputs({ job: this.result.job.id });
    }
}

export function createDatabaseBootstrap(name: string, parent: pulumi.Resource, args: DatabaseBootstrapArgs) {
    const { ctx } = args;
    const identityName = ctx.naming.physical("azure.generic", "db", "bootstrap");
    const identity = new managedidentity.UserAssignedIdentity(childName(name, "identity"), {
        resourceGroupName: args.resourceGroupName,
        resourceName: identityName,
        tags: ctx.tags,
    }, { parent });

    // Azure serialises operations on a server: one administrator after another, after its
    // parameters, its database and its replicas' creation.
    const administrators: dbforpostgresql.AdministratorsMicrosoftEntra[] = [];
    args.servers.forEach((s, i) => {
        let previous: pulumi.Resource[] = [s.ready, ...s.settled];
        const admin = (suffix: string, entra: Omit<dbforpostgresql.AdministratorsMicrosoftEntraArgs, "resourceGroupName" | "serverName" | "tenantId">) => {
            const administrator = new dbforpostgresql.AdministratorsMicrosoftEntra(childName(name, `admin-${i}-${suffix}`), {
                resourceGroupName: args.resourceGroupName,
                serverName: s.server.name,
                tenantId: args.tenantId,
                ...entra,
            }, { parent, dependsOn: previous });
            administrators.push(administrator);
            previous = [administrator];
        };
        if (args.adminGroup) admin("group", { objectId: args.adminGroup.objectId, principalName: args.adminGroup.name, principalType: "group" });
        admin("bootstrap", { objectId: identity.principalId, principalName: identityName, principalType: "servicePrincipal" });
    });

    const env = (name: string, value: pulumi.Input<string>) => ({ name, value });
    const job = new containerinstance.ContainerGroup(childName(name, "job"), {
        resourceGroupName: args.resourceGroupName,
        containerGroupName: ctx.naming.physical("azure.generic", "db", "bootstrap", "job"),
        osType: "Linux",
        restartPolicy: "Never",
        sku: "Standard",
        subnetIds: [{ id: args.jobsSubnetId }],
        identity: { type: "UserAssigned", userAssignedIdentities: [identity.id] },
        containers: [{
            name: "bootstrap",
            image: BOOTSTRAP_IMAGE,
            command: ["/bin/sh", "-c", BOOTSTRAP_SCRIPT],
            resources: { requests: { cpu: 1, memoryInGB: 1 } },
            environmentVariables: [
                env("HOSTS", pulumi.all(args.hosts).apply((hosts) => hosts.join(" "))),
                env("DATABASE", args.databaseName),
                env("APP_ROLES", appRolesValue(args.apps)),
                env("ADMIN_ROLE", identityName),
                env("CLIENT_ID", identity.clientId),
                env("TOKEN_RESOURCE", POSTGRES_TOKEN_RESOURCE),
            ],
        }],
        tags: ctx.tags,
    }, { parent, dependsOn: administrators });

    return { identity, identityName, administrators, job };
}
