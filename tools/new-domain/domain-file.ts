/** The text of a new domain stack file: a commented template, or a copy of another domain's file. */
import { isMap, isScalar, parseDocument, visit } from "yaml";
import { stackNameOf } from "../../components/core/config/registration";
import type { Cloud, Environment } from "../../components/core/config/types";
import { PROVIDER_REGION_KEYS } from "../../components/core/config/rules/outside";

export interface DomainFileInputs {
    domain: string;
    cloud: Cloud;
    env: Environment;
    /** The platform stack file's config (YAML data), for the values a domain shares with it. */
    platform: Record<string, unknown>;
}

const yamlValue = (value: unknown) => (typeof value === "string" && /^[\w./-]+$/.test(value) && !/^\d+$/.test(value) ? value : JSON.stringify(value));

/** Per cloud, the keys of the platform's cloud block a domain stack of that cloud needs too. */
const SHARED_CLOUD_KEYS: Record<Cloud, string[]> = { aws: [], azure: ["tenantId", "subscriptionId"], gcp: [] };

/**
 * An aws domain whose platform reads an organization stack runs in its own member account, which that
 * organization records: the domain reads the same organization stack (as the orders sample does).
 */
function organizationLines(domain: string, cloud: Cloud, env: Environment, organizationStack: unknown): string[] {
    if (cloud !== "aws" || typeof organizationStack !== "string") return [];
    const name = stackNameOf(organizationStack);
    return [
        `  # Runs in the ${domain} account ${name} records for this environment (environments.${env}.domainScopes.${domain}),`,
        "  # with that account's credentials; its platform shares the VPC's data and private subnets with it.",
        `  landing-zone:organizationStack: ${yamlValue(organizationStack)}`,
    ];
}

/** A commented template: the keys every domain stack has, the optional blocks commented out with their choices. */
export function templateFile({ domain, cloud, env, platform }: DomainFileInputs): string {
    const get = (key: string) => platform[`landing-zone:${key}`];
    const providerKey = PROVIDER_REGION_KEYS[cloud];
    const prefix = String(get("prefix") ?? "lz");
    const cloudBlock = (get(cloud) ?? {}) as Record<string, unknown>;
    const shared = SHARED_CLOUD_KEYS[cloud].filter((k) => cloudBlock[k] !== undefined);
    const lines = [
        "# yaml-language-server: $schema=./stack-config.schema.json",
        `# Domain stack of "${domain}" on ${cloud} (${env}), written by npm run new-domain. The platform stack`,
        `# platform-${cloud}-${env} vends the domain's home; this stack creates the domain's data services and`,
        "# pipeline through cloud APIs. Uncomment what the domain needs; the schema above completes every key.",
        "config:",
        `  ${providerKey}: ${yamlValue(platform[providerKey] ?? get("region"))}`,
        "  landing-zone:layer: domain",
        `  landing-zone:cloud: ${cloud}`,
        `  landing-zone:environment: ${env}`,
        `  landing-zone:prefix: ${yamlValue(prefix)}`,
        `  landing-zone:region: ${yamlValue(get("region"))}`,
        `  landing-zone:owner: ${domain}-team   # the owning team's contact (a tag value)`,
        `  landing-zone:domain: ${domain}`,
        ...organizationLines(domain, cloud, env, get("organizationStack")),
        "  # Data layout: single | read-replicas (with replicas) | per-domain | sharded (with shards and replicas).",
        "  landing-zone:database:",
        "    layout: single",
        "  # landing-zone:queue:",
        "  #   maxReceiveCount: 5",
        "  #   visibilityTimeoutSeconds: 60",
        "  # landing-zone:cache:",
        "  #   enabled: false",
        "  # The application and deploy (GitOps) repositories on your Git host, as owner/name.",
        "  landing-zone:pipeline:",
        "    source: external",
        `    repository: ${prefix}/${domain}-service`,
        `    deployRepository: ${prefix}/${domain}-deploy`,
    ];
    // Azure: the Entra group that administers the domain's PostgreSQL servers (required in prod; the
    // application never does). A placeholder the team replaces before the first `pulumi up`.
    const own = cloud === "azure"
        ? ["    # REPLACE: the Entra group administering this domain's PostgreSQL servers (object id and display name).",
            `    databaseAdminGroup: { objectId: 00000000-0000-0000-0000-000000000000, name: ${domain}-db-admins }`]
        : [];
    if (shared.length || own.length) {
        lines.push(`  landing-zone:${cloud}:`, ...shared.map((k) => `    ${k}: ${yamlValue(cloudBlock[k])}`), ...own);
    }
    return `${lines.join("\n")}\n`;
}

/**
 * A copy of the `from` domain's stack file for `domain`: every string value and comment naming the
 * old domain as a word (`orders`, `orders-team`, `acme/orders-service`, `domainScopes.orders`) now
 * names the new one; keys, other comments and the layout kept.
 */
export function copiedFile(text: string, from: string, domain: string): string {
    const doc = parseDocument(text);
    const word = new RegExp(`(?<![a-z0-9])${from}(?![a-z0-9])`, "g");
    const rename = (comment: string) => comment.replace(word, domain);
    visit(doc, {
        Node(key, node) {
            if (node.commentBefore) node.commentBefore = rename(node.commentBefore);
            if (node.comment) node.comment = rename(node.comment);
            if (isScalar(node) && key !== "key" && typeof node.value === "string") node.value = node.value.replace(word, domain);
        },
    });
    if (doc.commentBefore) doc.commentBefore = rename(doc.commentBefore);
    if (doc.comment) doc.comment = rename(doc.comment);
    if (!isMap(doc.get("config", true))) throw new Error("config: is not a map");
    const domainNode = doc.getIn(["config", "landing-zone:domain"], true);
    if (!isScalar(domainNode) || domainNode.value !== domain) doc.setIn(["config", "landing-zone:domain"], domain);
    return doc.toString();
}
