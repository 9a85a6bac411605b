import { stackPolicy } from "../lib/define";
import { isSet, isUnknownAt, list } from "../lib/props";
import { LAMBDA_PERMISSION, LAMBDA_URL, RUN_IAM_BINDING, RUN_IAM_MEMBER, RUN_SERVICE, WEB_APP, isFunctionApp } from "../lib/workers";

const PUBLIC_MEMBERS = new Set(["allUsers", "allAuthenticatedUsers"]);

/**
 * A queue worker is invoked by its trigger only: no Lambda function URL without IAM auth, no
 * resource policy for any principal; no Cloud Run service reachable from the internet or invokable
 * by allUsers; no function app with public network access (Azure's default is enabled).
 */
export const policy = stackPolicy({
    name: "disallow-public-worker-invocation",
    description: "Serverless workers must not be publicly invocable: Lambda URL auth NONE or principal *, Cloud Run ingress all / allUsers invoker / IAM check off, function apps with public network access.",
    metadata: {
        cloud: "stack", service: "workers", severity: "critical", topic: "security", principle: "private-workers",
        remediation: "invoke workers through their queue trigger: Lambda URL authorizationType AWS_IAM (or none), Cloud Run ingress INGRESS_TRAFFIC_INTERNAL_ONLY with a named invoker, function app publicNetworkAccess Disabled",
        checkov: ["CKV_AWS_258", "CKV_AWS_301"],
        resourceTypes: [LAMBDA_URL, LAMBDA_PERMISSION, RUN_SERVICE, RUN_IAM_MEMBER, RUN_IAM_BINDING, WEB_APP],
        covers: ["aws", "azure", "gcp"],
    },
    validate: (resources, _args, report) => {
        for (const r of resources) {
            if (r.type === LAMBDA_URL && r.props.authorizationType === "NONE") report(`function URL ${r.name} has authorizationType NONE.`, r.urn);
            if (r.type === LAMBDA_PERMISSION && r.props.principal === "*") report(`permission ${r.name} lets any principal invoke the function.`, r.urn);
            if (r.type === RUN_SERVICE) {
                const ingress = isSet(r.props, "ingress") ? r.props.ingress : "INGRESS_TRAFFIC_ALL";
                if (ingress === "INGRESS_TRAFFIC_ALL") report(`Cloud Run service ${r.name} takes traffic from the internet (ingress ${ingress}).`, r.urn);
                if (r.props.invokerIamDisabled === true) report(`Cloud Run service ${r.name} skips the invoker IAM check.`, r.urn);
            }
            if (r.type === RUN_IAM_MEMBER && !isUnknownAt(r.props, "member") && PUBLIC_MEMBERS.has(String(r.props.member))) report(`${r.name} grants ${r.props.role} to ${r.props.member}.`, r.urn);
            if (r.type === RUN_IAM_BINDING && !isUnknownAt(r.props, "members") && list<string>(r.props.members).some((m) => PUBLIC_MEMBERS.has(m))) {
                report(`${r.name} grants ${r.props.role} to the public.`, r.urn);
            }
            if (isFunctionApp(r) && r.props.publicNetworkAccess !== "Disabled") {
                report(`function app ${r.name} has public network access ${r.props.publicNetworkAccess ?? "unset (Enabled)"}.`, r.urn);
            }
        }
    },
});
