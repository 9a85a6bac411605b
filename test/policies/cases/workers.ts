/**
 * Fixtures of the worker policies: one compliant worker per cloud (the shape the worker components
 * register), and per policy one mutation per flag or condition it checks, including the "absent"
 * case where leaving a property out is the insecure default.
 */
import type { RecordedResource } from "../../../tools/mock-engine";
import { UNKNOWN, res, withValue } from "../helpers";
import type { StackCase } from "./types";

type Inputs = Record<string, unknown>;

interface Spec { type: string; inputs: Inputs; deps?: string[]; protect?: boolean }

const aiSetting = { name: "APPLICATIONINSIGHTS_CONNECTION_STRING", value: "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/" };

/** The compliant worker of each cloud, by fixture name. */
function specs(): Record<string, Spec> {
    return {
        // AWS: Lambda + alias + SQS mapping + schedule, role with a database grant, own log group.
        queue: { type: "aws:sqs/queue:Queue", inputs: { visibilityTimeoutSeconds: 180, redrivePolicy: JSON.stringify({ deadLetterTargetArn: "arn:aws:sqs:eu-west-1:1:dlq", maxReceiveCount: 5 }) }, protect: true },
        logs: { type: "aws:cloudwatch/logGroup:LogGroup", inputs: { name: "/aws/lambda/fn", retentionInDays: 365 } },
        role: { type: "aws:iam/role:Role", inputs: {} },
        policy: { type: "aws:iam/rolePolicy:RolePolicy", inputs: { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: ["rds-db:connect"], Resource: ["arn:aws:rds-db:eu-west-1:1:dbuser:db-A/app"] }] }) }, deps: ["role"] },
        fn: {
            type: "aws:lambda/function:Function",
            inputs: {
                packageType: "Zip", runtime: "python3.13", timeout: 30, reservedConcurrentExecutions: 20, tracingConfig: { mode: "Active" },
                vpcConfig: { subnetIds: ["subnet-a"], securityGroupIds: ["sg-w"] }, environment: { variables: { LOG_LEVEL: "info", QUEUE_ARN: "arn:aws:sqs:eu-west-1:1:q" } },
            },
            deps: ["role", "policy", "logs"],
        },
        alias: { type: "aws:lambda/alias:Alias", inputs: { name: "live" }, deps: ["fn"] },
        trigger: { type: "aws:lambda/eventSourceMapping:EventSourceMapping", inputs: { batchSize: 10, scalingConfig: { maximumConcurrency: 20 } }, deps: ["queue", "alias"] },
        schedule: { type: "aws:scheduler/schedule:Schedule", inputs: { target: { arn: "arn:aws:lambda:eu-west-1:1:function:fn:live", deadLetterConfig: { arn: "arn:aws:sqs:eu-west-1:1:dlq" } } }, deps: ["alias"] },
        url: { type: "aws:lambda/functionUrl:FunctionUrl", inputs: { authorizationType: "AWS_IAM" }, deps: ["fn"] },
        permission: { type: "aws:lambda/permission:Permission", inputs: { principal: "scheduler.amazonaws.com", action: "lambda:InvokeFunction" }, deps: ["fn"] },
        // Azure: Flex Consumption function app on the domain's Service Bus queue.
        sbq: { type: "azure-native:servicebus:Queue", inputs: { lockDuration: "PT180S", deadLetteringOnMessageExpiration: true, maxDeliveryCount: 5 }, protect: true },
        app: {
            type: "azure-native:web:WebApp",
            inputs: {
                kind: "functionapp,linux", publicNetworkAccess: "Disabled", virtualNetworkSubnetId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/functions",
                functionAppConfig: { runtime: { name: "node", version: "24" }, scaleAndConcurrency: { maximumInstanceCount: 20 } },
                siteConfig: { appSettings: [{ name: "AzureFunctionsJobHost__functionTimeout", value: "00:00:30" }, aiSetting, { name: "DB_PASSWORD", value: "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/db)" }] },
            },
            deps: ["sbq"],
        },
        // GCP: Cloud Run service behind an OIDC push subscription.
        sa: { type: "gcp:serviceaccount/account:Account", inputs: { accountId: "acme-prod-orders-wrk" } },
        sql: { type: "gcp:projects/iAMMember:IAMMember", inputs: { role: "roles/cloudsql.client", member: "serviceAccount:wrk@p.iam.gserviceaccount.com" }, deps: ["sa"] },
        trace: { type: "gcp:projects/iAMMember:IAMMember", inputs: { role: "roles/cloudtrace.agent", member: "serviceAccount:wrk@p.iam.gserviceaccount.com" }, deps: ["sa"] },
        svc: {
            type: "gcp:cloudrunv2/service:Service",
            inputs: {
                ingress: "INGRESS_TRAFFIC_INTERNAL_ONLY", invokerIamDisabled: false,
                template: {
                    serviceAccount: "wrk@p.iam.gserviceaccount.com", timeout: "30s", scaling: { maxInstanceCount: 20 },
                    vpcAccess: { networkInterfaces: [{ network: "n", subnetwork: "s" }], egress: "PRIVATE_RANGES_ONLY" },
                    containers: [{ image: "europe-west1-docker.pkg.dev/p/r/orders-worker:1.0.0", envs: [{ name: "LOG_LEVEL", value: "info" }, { name: "API_KEY", valueSource: { secretKeyRef: { secret: "api-key", version: "latest" } } }] }],
                },
            },
            deps: ["sa", "sql", "trace"],
        },
        invoker: { type: "gcp:cloudrunv2/serviceIamMember:ServiceIamMember", inputs: { role: "roles/run.invoker", member: "serviceAccount:push@p.iam.gserviceaccount.com" }, deps: ["svc"] },
        push: {
            type: "gcp:pubsub/subscription:Subscription",
            inputs: { ackDeadlineSeconds: 180, pushConfig: { pushEndpoint: "https://w.run.app", oidcToken: { serviceAccountEmail: "push@p" } }, deadLetterPolicy: { deadLetterTopic: "projects/p/topics/dlq", maxDeliveryAttempts: 5 } },
            deps: ["svc", "invoker"],
            protect: true,
        },
    };
}

interface Mutation {
    /** Dotted paths to set per fixture (undefined deletes). */
    set?: Record<string, Record<string, unknown>>;
    /** Fixtures left out (and the dependencies on them). */
    drop?: string[];
    /** Further resources. */
    extra?: Record<string, Spec>;
}

/** The compliant workers with one mutation applied, as the mock engine would record them. */
export function workers(m: Mutation = {}): RecordedResource[] {
    const all = { ...specs(), ...m.extra };
    const built = new Map<string, RecordedResource>();
    const build = (name: string): RecordedResource | undefined => {
        if (m.drop?.includes(name) || !all[name]) return undefined;
        if (!built.has(name)) {
            const spec = all[name];
            let inputs = spec.inputs;
            for (const [path, value] of Object.entries(m.set?.[name] ?? {})) inputs = withValue(inputs, path, value);
            const deps = (spec.deps ?? []).map(build).filter((d): d is RecordedResource => d !== undefined);
            built.set(name, res(spec.type, name, inputs, { dependsOn: deps, protect: spec.protect }));
        }
        return built.get(name);
    };
    Object.keys(all).forEach(build);
    return [...built.values()];
}

const fires = (name: string, m: Mutation, expect: RegExp) => ({ name, resources: () => workers(m), expect });

export const workerStackCases: StackCase[] = [
    {
        policy: "disallow-public-worker-invocation",
        compliant: () => workers(),
        violations: [
            fires("Lambda URL without auth", { set: { url: { authorizationType: "NONE" } } }, /function URL url has authorizationType NONE/),
            fires("Lambda permission for any principal", { set: { permission: { principal: "*" } } }, /permission permission lets any principal/),
            fires("Cloud Run ingress from the internet", { set: { svc: { ingress: "INGRESS_TRAFFIC_ALL" } } }, /svc takes traffic from the internet/),
            fires("Cloud Run ingress absent (default all)", { set: { svc: { ingress: undefined } } }, /svc takes traffic from the internet/),
            fires("Cloud Run invoker IAM check off", { set: { svc: { invokerIamDisabled: true } } }, /svc skips the invoker IAM check/),
            fires("allUsers invoker", { set: { invoker: { member: "allUsers" } } }, /invoker grants roles\/run.invoker to allUsers/),
            fires("allAuthenticatedUsers binding", { extra: { binding: { type: "gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding", inputs: { role: "roles/run.invoker", members: ["allAuthenticatedUsers"] } } } }, /binding grants roles\/run.invoker to the public/),
            fires("function app public network access on", { set: { app: { publicNetworkAccess: "Enabled" } } }, /function app app has public network access Enabled/),
            fires("function app public network access absent (default on)", { set: { app: { publicNetworkAccess: undefined } } }, /app has public network access unset/),
        ],
        unknown: [
            { name: "invoker member unknown", resources: () => workers({ set: { invoker: { member: UNKNOWN } } }), expect: "pass" },
            { name: "publicNetworkAccess unknown", resources: () => workers({ set: { app: { publicNetworkAccess: UNKNOWN } } }), expect: "deferred" },
        ],
    },
    {
        policy: "require-worker-timeout-below-visibility",
        compliant: () => workers(),
        violations: [
            fires("SQS visibility below 6 x timeout", { set: { queue: { visibilityTimeoutSeconds: 170 } } }, /queue queue has visibility timeout 170s, below 6 x the 30s timeout of fn/),
            fires("SQS visibility absent (30 s default)", { set: { queue: { visibilityTimeoutSeconds: undefined } } }, /visibility timeout 30s, below 6 x the 30s/),
            fires("Lambda timeout raised", { set: { fn: { timeout: 31 } } }, /below 6 x the 31s timeout/),
            fires("Service Bus lock shorter than the function", { set: { sbq: { lockDuration: "PT20S" } } }, /queue sbq locks a message 20s, less than the 30s timeout of app/),
            fires("function timeout absent (30 min default)", { set: { app: { "siteConfig.appSettings": [aiSetting] } } }, /locks a message 180s, less than the 1800s timeout/),
            fires("lock duration absent (60 s default)", { set: { sbq: { lockDuration: undefined }, app: { "siteConfig.appSettings": [{ name: "AzureFunctionsJobHost__functionTimeout", value: "00:02:00" }, aiSetting] } } }, /locks a message 60s, less than the 120s/),
            fires("push ack deadline shorter than Cloud Run", { set: { push: { ackDeadlineSeconds: 20 } } }, /push subscription push waits 20s, less than the 30s timeout of svc/),
            fires("ack deadline absent (10 s default)", { set: { push: { ackDeadlineSeconds: undefined } } }, /waits 10s/),
            fires("Cloud Run timeout absent (300 s default)", { set: { svc: { "template.timeout": undefined } } }, /waits 180s, less than the 300s timeout/),
        ],
        unknown: [{ name: "visibility timeout unknown", resources: () => workers({ set: { queue: { visibilityTimeoutSeconds: UNKNOWN } } }), expect: "deferred" }],
    },
    {
        policy: "require-worker-concurrency-cap",
        compliant: () => workers(),
        violations: [
            fires("no reserved concurrency", { set: { fn: { reservedConcurrentExecutions: undefined } } }, /function fn has no reserved concurrency/),
            fires("unreserved (-1)", { set: { fn: { reservedConcurrentExecutions: -1 } } }, /function fn has no reserved concurrency/),
            fires("SQS mapping without maximum concurrency", { set: { trigger: { scalingConfig: undefined } } }, /SQS trigger trigger has no scalingConfig.maximumConcurrency/),
            fires("function app without a maximum instance count", { set: { app: { "functionAppConfig.scaleAndConcurrency": undefined } } }, /app has no functionAppConfig.scaleAndConcurrency.maximumInstanceCount/),
            fires("Cloud Run without max instances", { set: { svc: { "template.scaling": undefined } } }, /Cloud Run service svc has no max instance count/),
        ],
        unknown: [{ name: "reserved concurrency unknown", resources: () => workers({ set: { fn: { reservedConcurrentExecutions: UNKNOWN } } }), expect: "deferred" }],
    },
    {
        policy: "require-worker-dead-lettering",
        compliant: () => workers(),
        violations: [
            fires("consumed SQS queue without redrive", { set: { queue: { redrivePolicy: undefined } } }, /queue queue, consumed by trigger, has no dead-letter queue/),
            fires("schedule without a dead-letter queue", { set: { schedule: { "target.deadLetterConfig": undefined } } }, /schedule schedule has no target.deadLetterConfig/),
            fires("push subscription without a dead-letter topic", { set: { push: { deadLetterPolicy: undefined } } }, /push subscription push has no dead-letter topic/),
            fires("Service Bus queue keeps expired messages nowhere", { set: { sbq: { deadLetteringOnMessageExpiration: false } } }, /queue sbq, consumed by app, does not dead-letter expired messages/),
            fires("expiry dead-lettering absent (off by default)", { set: { sbq: { deadLetteringOnMessageExpiration: undefined } } }, /does not dead-letter expired messages/),
        ],
        unknown: [{ name: "redrive policy unknown (set at deploy)", resources: () => workers({ set: { queue: { redrivePolicy: UNKNOWN } } }), expect: "pass" }],
    },
    {
        policy: "disallow-plaintext-worker-secrets",
        compliant: () => workers(),
        violations: [
            fires("Lambda env with a secret name", { set: { fn: { "environment.variables.DB_PASSWORD": "hunter2" } } }, /fn sets DB_PASSWORD in plain text/),
            fires("Lambda env with an access key value", { set: { fn: { "environment.variables.UPSTREAM": "AKIAABCDEFGHIJKLMNOP" } } }, /fn sets UPSTREAM in plain text/),
            fires("function app setting with an account key", { set: { app: { "siteConfig.appSettings": [aiSetting, { name: "AzureFunctionsJobHost__functionTimeout", value: "00:00:30" }, { name: "STORAGE", value: "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc==" }] } } }, /app sets STORAGE in plain text/),
            fires("Cloud Run env with a secret name", { set: { svc: { "template.containers": [{ image: "i", envs: [{ name: "API_TOKEN", value: "t0k3n" }] }] } } }, /svc sets API_TOKEN in plain text/),
            fires("Cloud Functions env with a password in a URL", { extra: { gcf: { type: "gcp:cloudfunctionsv2/function:Function", inputs: { serviceConfig: { environmentVariables: { DATABASE_URL: "postgres://app:s3cret@10.0.0.5/db" } } } } } }, /gcf sets DATABASE_URL in plain text/),
        ],
        unknown: [{ name: "a secret-named value known only at deploy (another resource's output)", resources: () => workers({ set: { fn: { "environment.variables.DB_PASSWORD": UNKNOWN } } }), expect: "pass" }],
    },
    {
        policy: "disallow-deprecated-worker-runtimes",
        compliant: () => workers({ extra: { gcf: { type: "gcp:cloudfunctionsv2/function:Function", inputs: { buildConfig: { runtime: "nodejs24" } } } } }),
        violations: [
            fires("Lambda on nodejs16.x", { set: { fn: { runtime: "nodejs16.x" } } }, /fn runs nodejs16.x, deprecated since 2024-06-12/),
            fires("Flex Consumption on Node 18", { set: { app: { "functionAppConfig.runtime": { name: "node", version: "18" } } } }, /app runs node\|18, deprecated since 2025-04-30/),
            fires("function app on a deprecated linuxFxVersion", { set: { app: { functionAppConfig: undefined, "siteConfig.linuxFxVersion": "Python|3.9" } } }, /app runs Python\|3.9, deprecated since 2025-10-31/),
            fires("Cloud Run functions on nodejs18", { extra: { gcf: { type: "gcp:cloudfunctionsv2/function:Function", inputs: { buildConfig: { runtime: "nodejs18" } } } } }, /gcf runs nodejs18, deprecated since 2025-04-30/),
        ],
        unknown: [{ name: "runtime unknown", resources: () => workers({ set: { fn: { runtime: UNKNOWN } } }), expect: "deferred" }],
    },
    {
        policy: "require-workers-inside-network",
        compliant: () => workers({ extra: { lone: { type: "aws:lambda/function:Function", inputs: { timeout: 3 } } } }),
        violations: [
            fires("Lambda with a database grant outside the VPC", { set: { fn: { vpcConfig: undefined } } }, /function fn may connect to the database or cache but runs outside the VPC/),
            fires("Cloud SQL client without VPC egress", { set: { svc: { "template.vpcAccess": undefined } } }, /Cloud Run service svc is a Cloud SQL client but has no VPC egress/),
            fires("function app without VNet integration", { set: { app: { virtualNetworkSubnetId: undefined } } }, /function app app has no VNet integration/),
        ],
        unknown: [{ name: "role policy unknown", resources: () => workers({ set: { policy: { policy: UNKNOWN }, fn: { vpcConfig: undefined } } }), expect: "pass" }],
    },
    {
        policy: "enable-worker-tracing-logging",
        compliant: () => workers(),
        violations: [
            fires("Lambda tracing PassThrough", { set: { fn: { "tracingConfig.mode": "PassThrough" } } }, /function fn has tracing mode PassThrough/),
            fires("Lambda tracing absent", { set: { fn: { tracingConfig: undefined } } }, /function fn has tracing mode unset/),
            fires("Lambda without its own log group", { drop: ["logs"] }, /function fn logs to no log group of this stack/),
            fires("function app without Application Insights", { set: { app: { "siteConfig.appSettings": [{ name: "AzureFunctionsJobHost__functionTimeout", value: "00:00:30" }] } } }, /function app app sends no telemetry/),
            fires("Cloud Run account cannot write traces", { drop: ["trace"] }, /Cloud Run service svc runs as no service account allowed to write traces/),
        ],
        unknown: [{ name: "tracing mode unknown", resources: () => workers({ set: { fn: { "tracingConfig.mode": UNKNOWN } } }), expect: "deferred" }],
    },
];
