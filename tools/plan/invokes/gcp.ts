/**
 * Canned answers for gcp data-source invokes during an offline plan, by invoke token. Invokes run
 * for real during `pulumi preview`; offline there is no cloud, so each answer here is a
 * well-formed stand-in (documented ids, no real account). Keep them few: prefer config over lookups.
 */
export const gcpInvokes: Record<string, (args: Record<string, unknown>) => Record<string, unknown>> = {
    // A project's Cloud Storage service agent (granted use of the CMEK keys).
    "gcp:storage/getProjectServiceAccount:getProjectServiceAccount": (args) => ({
        project: args.project,
        emailAddress: "service-000000000000@gs-project-accounts.iam.gserviceaccount.com",
        member: "serviceAccount:service-000000000000@gs-project-accounts.iam.gserviceaccount.com",
    }),
    // An existing project's number (service agent e-mails are built from it).
    "gcp:organizations/getProject:getProject": (args) => ({
        projectId: args.projectId,
        number: "000000000000",
    }),
};
