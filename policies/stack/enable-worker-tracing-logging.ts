import { stackPolicy } from "../lib/define";
import { isSet } from "../lib/props";
import { LAMBDA, LOG_GROUP, PROJECT_IAM_MEMBER, RUN_SERVICE, SERVICE_ACCOUNT, WEB_APP, appSetting, isFunctionApp, linked } from "../lib/workers";

/**
 * A worker is observable: a Lambda has X-Ray active tracing and logs to a log group of this stack
 * (retention and KMS set there, not the implicit one Lambda creates); a function app sends to
 * Application Insights; a Cloud Run service account may write traces (its logs go to Cloud Logging
 * always).
 */
export const policy = stackPolicy({
    name: "enable-worker-tracing-logging",
    description: "Workers must trace and log: Lambda tracing Active and a log group of the stack, function apps with Application Insights, Cloud Run service accounts with roles/cloudtrace.agent.",
    metadata: {
        cloud: "stack", service: "workers", severity: "medium", topic: "operations", principle: "observable-workers",
        remediation: "keep worker.tracing true (the worker component sets tracing, its own log group and Application Insights)",
        checkov: ["CKV_AWS_50"],
        resourceTypes: [LAMBDA, WEB_APP, RUN_SERVICE],
        covers: ["aws", "azure", "gcp"],
    },
    validate: (resources, _args, report) => {
        for (const fn of resources.filter((r) => r.type === LAMBDA)) {
            if (fn.props.tracingConfig?.mode !== "Active") report(`function ${fn.name} has tracing mode ${fn.props.tracingConfig?.mode ?? "unset (PassThrough)"}.`, fn.urn);
            if (linked(fn, LOG_GROUP, resources).length === 0) report(`function ${fn.name} logs to no log group of this stack.`, fn.urn);
        }
        for (const app of resources.filter(isFunctionApp)) {
            if (appSetting(app, "APPLICATIONINSIGHTS_CONNECTION_STRING") === undefined) report(`function app ${app.name} sends no telemetry to Application Insights.`, app.urn);
        }
        for (const service of resources.filter((r) => r.type === RUN_SERVICE)) {
            const accounts = linked(service, SERVICE_ACCOUNT, resources);
            const tracer = resources.some((m) => m.type === PROJECT_IAM_MEMBER && m.props.role === "roles/cloudtrace.agent" &&
                accounts.some((a) => m.dependencies.some((d) => d.urn === a.urn)));
            if (!isSet(service.props.template, "serviceAccount") || !tracer) report(`Cloud Run service ${service.name} runs as no service account allowed to write traces.`, service.urn);
        }
    },
});
