/**
 * What the worker policies share: the resource types of a serverless worker on each cloud and how
 * to follow the links between a worker, its trigger and its queue through recorded dependencies
 * (ARNs, URIs and names are unknown during a preview; the dependency a reference creates is not).
 */
import type { PolicyResource } from "@pulumi/policy";
import { isSet, isUnknownAt, list } from "./props";

export const LAMBDA = "aws:lambda/function:Function";
export const LAMBDA_ALIAS = "aws:lambda/alias:Alias";
export const LAMBDA_URL = "aws:lambda/functionUrl:FunctionUrl";
export const LAMBDA_PERMISSION = "aws:lambda/permission:Permission";
export const EVENT_SOURCE_MAPPING = "aws:lambda/eventSourceMapping:EventSourceMapping";
export const SQS_QUEUE = "aws:sqs/queue:Queue";
export const SCHEDULE = "aws:scheduler/schedule:Schedule";
export const IAM_ROLE = "aws:iam/role:Role";
export const IAM_ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
export const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
export const WEB_APP = "azure-native:web:WebApp";
export const SB_QUEUE = "azure-native:servicebus:Queue";
export const RUN_SERVICE = "gcp:cloudrunv2/service:Service";
export const RUN_IAM_MEMBER = "gcp:cloudrunv2/serviceIamMember:ServiceIamMember";
export const RUN_IAM_BINDING = "gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding";
export const FUNCTION_V2 = "gcp:cloudfunctionsv2/function:Function";
export const PUBSUB_SUBSCRIPTION = "gcp:pubsub/subscription:Subscription";
export const PROJECT_IAM_MEMBER = "gcp:projects/iAMMember:IAMMember";
export const SERVICE_ACCOUNT = "gcp:serviceaccount/account:Account";

/** Lambda's and SQS's defaults when the input is left out. */
export const LAMBDA_DEFAULT_TIMEOUT = 3;
export const SQS_DEFAULT_VISIBILITY = 30;
/** Pub/Sub's default ack deadline and Cloud Run's default request timeout. */
export const PUBSUB_DEFAULT_ACK_DEADLINE = 10;
export const CLOUD_RUN_DEFAULT_TIMEOUT = 300;

/** An Azure web app that is a function app (`kind` contains functionapp). */
export function isFunctionApp(r: PolicyResource): boolean {
    return r.type === WEB_APP && !isUnknownAt(r.props, "kind") && String(r.props.kind ?? "").includes("functionapp");
}

export function dependsOn(r: PolicyResource, target: PolicyResource): boolean {
    return r.dependencies.some((d) => d.urn === target.urn);
}

/** Resources of `type` among `r`'s own dependencies (a mapping's queue: not the DLQ behind it). */
export function direct(r: PolicyResource, type: string, resources: PolicyResource[]): PolicyResource[] {
    const byUrn = new Map(resources.map((x) => [x.urn, x]));
    return r.dependencies.map((d) => byUrn.get(d.urn) ?? d).filter((d) => d.type === type);
}

/** Resources of `type` among `r`'s dependencies, and among theirs (a mapping -> alias -> function). */
export function linked(r: PolicyResource, type: string, resources: PolicyResource[]): PolicyResource[] {
    const byUrn = new Map(resources.map((x) => [x.urn, x]));
    const direct = r.dependencies.map((d) => byUrn.get(d.urn) ?? d);
    const second = direct.flatMap((d) => d.dependencies.map((x) => byUrn.get(x.urn) ?? x));
    const found = [...direct, ...second].filter((d) => d.type === type);
    return [...new Map(found.map((d) => [d.urn, d])).values()];
}

/** An app setting's value (`siteConfig.appSettings[{name, value}]`), undefined when absent. */
export function appSetting(app: PolicyResource, name: string): unknown {
    const settings = list<{ name: string; value: unknown }>(isSet(app.props, "siteConfig") ? app.props.siteConfig.appSettings : undefined);
    return settings.find((s) => s.name === name)?.value;
}

/** Seconds of an ISO 8601 duration (`PT5M`, `PT30S`) or a `hh:mm:ss` time span; NaN otherwise. */
export function durationSeconds(text: string): number {
    const iso = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
    if (iso) return Number(iso[1] ?? 0) * 86400 + Number(iso[2] ?? 0) * 3600 + Number(iso[3] ?? 0) * 60 + Number(iso[4] ?? 0);
    const span = /^(\d+):(\d{2}):(\d{2})$/.exec(text);
    if (span) return Number(span[1]) * 3600 + Number(span[2]) * 60 + Number(span[3]);
    const seconds = /^(\d+(?:\.\d+)?)s$/.exec(text);
    return seconds ? Number(seconds[1]) : NaN;
}
