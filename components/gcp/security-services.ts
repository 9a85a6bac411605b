import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../core/contracts";
import { childName } from "../core/naming";

/** Categories the security team is notified of (Essential Contacts). */
export const CONTACT_CATEGORIES = ["SECURITY", "TECHNICAL", "LEGAL", "SUSPENSION"] as const;

export interface GcpSecurityServicesArgs {
    ctx: StackContext;
    /** `organizations/123`. */
    organization: string;
    /** The logging project (its `_Default`-independent bucket receives the aggregated sink). */
    loggingProjectId: pulumi.Output<string>;
    /** The logging project's Logging API: the bucket needs it. */
    loggingApi: pulumi.Resource[];
}

/**
 * Detective services at the organization: an aggregated sink (every folder and project below the
 * organization, audit logs) into a log bucket of the logging project, with the sink's writer
 * identity granted on that project; data-access audit logs for all services; and the security
 * team as essential contacts.
 */
export function createGcpSecurityServices(name: string, parent: pulumi.Resource, args: GcpSecurityServicesArgs) {
    const { ctx } = args;
    const orgId = args.organization.replace(/^organizations\//, "");
    const bucketId = ctx.naming.physical("gcp.generic", "organization-audit");
    const bucket = new gcp.logging.ProjectBucketConfig(childName(name, "audit-bucket"), {
        project: args.loggingProjectId,
        location: ctx.config.region,
        bucketId,
        retentionDays: ctx.config.logging.retentionDays,
        // A locked bucket cannot be deleted or have its retention shortened: audit evidence.
        locked: ctx.config.protectStateful,
        description: "Aggregated audit logs of the whole organization",
    }, { parent, protect: true, dependsOn: args.loggingApi });
    const sink = new gcp.logging.OrganizationSink(childName(name, "sink"), {
        orgId,
        name: ctx.naming.physical("gcp.generic", "audit"),
        // Spelled from the bucket's parts (its id output) so the sink waits for the bucket.
        destination: pulumi.interpolate`logging.googleapis.com/projects/${args.loggingProjectId}/locations/${ctx.config.region}/buckets/${bucket.bucketId}`,
        includeChildren: true,
        filter: 'logName:"cloudaudit.googleapis.com" OR logName:"/logs/policy"',
        description: "Audit logs of every folder and project, to the logging project",
    }, { parent });
    const writer = new gcp.projects.IAMMember(childName(name, "sink-writer"), {
        project: args.loggingProjectId,
        role: "roles/logging.bucketWriter",
        member: sink.writerIdentity,
        condition: {
            title: "organization-audit-bucket-only",
            expression: `resource.name.endsWith("locations/${ctx.config.region}/buckets/${bucketId}")`,
        },
    }, { parent });
    const auditConfig = new gcp.organizations.IamAuditConfig(childName(name, "data-access"), {
        orgId,
        service: "allServices",
        auditLogConfigs: [{ logType: "ADMIN_READ" }, { logType: "DATA_READ" }, { logType: "DATA_WRITE" }],
    }, { parent });
    const contacts = ctx.config.organization.securityContacts.map((email, i) => new gcp.essentialcontacts.Contact(childName(name, "contact", String(i)), {
        parent: args.organization,
        email,
        languageTag: "en",
        notificationCategorySubscriptions: [...CONTACT_CATEGORIES],
    }, { parent }));
    return { bucket, sink, writer, auditConfig, contacts };
}
