import { stackPolicy } from "../lib/define";
import { isSet, isUnknownAt, list } from "../lib/props";
import { FUNCTION_V2, LAMBDA, RUN_SERVICE, WEB_APP, isFunctionApp } from "../lib/workers";

/** Names that carry secrets by convention. */
const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|CONNECTION_?STRING|CREDENTIAL)/i;
/** Values that are secrets whatever their name: access keys, private keys, keyed connection strings. */
const SECRET_VALUE = /(AKIA[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----|AccountKey=|SharedAccessKey=|Password=|:\/\/[^/\s:@]+:[^/\s@]+@)/;
/** Names that look secret but are not: Application Insights' connection string only names the resource (local auth is off). */
const NOT_SECRET = new Set(["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
/** References resolved at run time from a secret store. */
const REFERENCE = /^@Microsoft\.KeyVault\(|^arn:aws[a-z-]*:(secretsmanager|ssm):|^projects\/[^/]+\/secrets\//;

function plaintextSecret(name: string, value: unknown): boolean {
    if (typeof value !== "string" || value === "" || NOT_SECRET.has(name) || REFERENCE.test(value)) return false;
    return SECRET_NAME.test(name) || SECRET_VALUE.test(value);
}

/**
 * No secret as a plain environment variable of a worker (it would sit in state and in the function's
 * configuration, readable by anyone who can read the function): Lambda `environment.variables`,
 * function app settings, Cloud Run / Cloud Functions env. Secrets come from the secret store
 * (Key Vault references, Secret Manager `valueSource`, Secrets Manager read by the role).
 */
export const policy = stackPolicy({
    name: "disallow-plaintext-worker-secrets",
    description: "Worker environment variables must not hold plaintext secrets (secret-like names or values) unless they reference a secret store.",
    metadata: {
        cloud: "stack", service: "workers", severity: "critical", topic: "security", principle: "no-plaintext-secrets",
        remediation: "read the secret at run time with the worker's identity (Secrets Manager, Key Vault reference @Microsoft.KeyVault(...), Secret Manager valueSource) and remove it from worker.environment",
        checkov: ["CKV_AWS_45"],
        resourceTypes: [LAMBDA, WEB_APP, RUN_SERVICE, FUNCTION_V2],
        covers: ["aws", "azure", "gcp"],
    },
    validate: (resources, _args, report) => {
        // A value known only after deploy is another resource's output, not text from config: skip it.
        const known = (obj: Record<string, unknown>, key: string) => (isUnknownAt(obj, key) ? undefined : obj[key]);
        const check = (r: { name: string; urn: string }, entries: [string, unknown][]) => {
            for (const [name, value] of entries) {
                if (plaintextSecret(name, value)) report(`${r.name} sets ${name} in plain text.`, r.urn);
            }
        };
        for (const r of resources) {
            if (r.type === LAMBDA && isSet(r.props.environment, "variables") && !isUnknownAt(r.props.environment, "variables")) {
                const variables = r.props.environment.variables as Record<string, unknown>;
                check(r, Object.keys(variables).map((name) => [name, known(variables, name)]));
            }
            if (isFunctionApp(r) && isSet(r.props.siteConfig, "appSettings")) {
                check(r, list<Record<string, unknown>>(r.props.siteConfig.appSettings).map((s) => [String(s.name), known(s, "value")]));
            }
            if (r.type === RUN_SERVICE) {
                for (const container of list<{ envs?: unknown }>(r.props.template?.containers)) {
                    check(r, list<Record<string, unknown>>(container.envs).map((e) => [String(e.name), known(e, "value")]));
                }
            }
            if (r.type === FUNCTION_V2 && isSet(r.props.serviceConfig, "environmentVariables")) {
                const variables = r.props.serviceConfig.environmentVariables as Record<string, unknown>;
                check(r, Object.keys(variables).map((name) => [name, known(variables, name)]));
            }
        }
    },
});
