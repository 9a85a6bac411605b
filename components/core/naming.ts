import { createHash } from "node:crypto";

/**
 * Physical-name rules per cloud resource kind: length, allowed characters, global uniqueness.
 * Names are built here and only here, deterministically: no random suffixes. Where a cloud demands
 * global uniqueness, a short hash of stable inputs (prefix, environment, region and the name's
 * parts) is appended, so two landing zones with different prefixes or regions do not collide and a
 * re-run gives the same name.
 */
export interface NameRule {
    min: number;
    max: number;
    /** The whole name must match this. */
    pattern: RegExp;
    /** Characters outside this class are replaced by the separator (or dropped when it is ""). */
    allowed: RegExp;
    separator: "-" | "" | "_";
    lowercase: boolean;
    /** Globally unique across all customers of the cloud: a stable hash is appended. */
    global: boolean;
}

const rfc1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const lowerHyphen = { allowed: /[a-z0-9-]/, separator: "-" as const, lowercase: true };

export const nameRules = {
    // AWS
    "aws.s3Bucket": { min: 3, max: 63, pattern: /^[a-z0-9][a-z0-9-]*[a-z0-9]$/, ...lowerHyphen, global: true },
    "aws.sqsQueue": { min: 1, max: 80, pattern: /^[A-Za-z0-9_-]+$/, ...lowerHyphen, global: false },
    "aws.rdsIdentifier": { min: 1, max: 63, pattern: /^[a-z](?!.*--)([a-z0-9-]*[a-z0-9])?$/, ...lowerHyphen, global: false },
    "aws.eksCluster": { min: 1, max: 100, pattern: /^[A-Za-z0-9][A-Za-z0-9_-]*$/, ...lowerHyphen, global: false },
    "aws.iamRole": { min: 1, max: 64, pattern: /^[\w+=,.@-]+$/, ...lowerHyphen, global: false },
    "aws.elasticache": { min: 1, max: 40, pattern: /^[a-z](?!.*--)([a-z0-9-]*[a-z0-9])?$/, ...lowerHyphen, global: false },
    "aws.ecrRepository": { min: 2, max: 256, pattern: /^[a-z0-9]+(?:[._/-][a-z0-9]+)*$/, ...lowerHyphen, global: false },
    "aws.generic": { min: 1, max: 128, pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]*$/, ...lowerHyphen, global: false },
    // Azure
    "azure.storageAccount": { min: 3, max: 24, pattern: /^[a-z0-9]+$/, allowed: /[a-z0-9]/, separator: "", lowercase: true, global: true },
    "azure.keyVault": { min: 3, max: 24, pattern: /^[a-z](?!.*--)[a-z0-9-]*[a-z0-9]$/, ...lowerHyphen, global: true },
    "azure.containerRegistry": { min: 5, max: 50, pattern: /^[a-z0-9]+$/, allowed: /[a-z0-9]/, separator: "", lowercase: true, global: true },
    "azure.postgresServer": { min: 3, max: 63, pattern: /^[a-z0-9][a-z0-9-]*[a-z0-9]$/, ...lowerHyphen, global: true },
    "azure.serviceBusNamespace": { min: 6, max: 50, pattern: /^[a-z][a-z0-9-]*[a-z0-9]$/, ...lowerHyphen, global: true },
    "azure.managedRedis": { min: 1, max: 60, pattern: /^[a-z0-9](?!.*--)[a-z0-9-]*[a-z0-9]$/, ...lowerHyphen, global: true },
    "azure.resourceGroup": { min: 1, max: 90, pattern: /^[a-z0-9._()-]*[a-z0-9_()-]$/, ...lowerHyphen, global: false },
    "azure.managementGroup": { min: 1, max: 90, pattern: /^[a-z0-9._()-]+$/, ...lowerHyphen, global: false },
    "azure.aksCluster": { min: 1, max: 63, pattern: /^[a-z0-9]([a-z0-9_-]*[a-z0-9])?$/, ...lowerHyphen, global: false },
    "azure.generic": { min: 1, max: 80, pattern: /^[a-z0-9]([a-z0-9._-]*[a-z0-9_])?$/, ...lowerHyphen, global: false },
    // GCP
    "gcp.projectId": { min: 6, max: 30, pattern: /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, ...lowerHyphen, global: true },
    "gcp.bucket": { min: 3, max: 63, pattern: /^[a-z0-9][a-z0-9_-]*[a-z0-9]$/, ...lowerHyphen, global: true },
    "gcp.serviceAccountId": { min: 6, max: 30, pattern: rfc1035, ...lowerHyphen, global: false },
    "gcp.sqlInstance": { min: 1, max: 84, pattern: rfc1035, ...lowerHyphen, global: false },
    "gcp.gkeCluster": { min: 1, max: 40, pattern: rfc1035, ...lowerHyphen, global: false },
    "gcp.redisInstance": { min: 1, max: 40, pattern: rfc1035, ...lowerHyphen, global: false },
    "gcp.folder": { min: 3, max: 30, pattern: /^[A-Za-z0-9][A-Za-z0-9 _-]*[A-Za-z0-9]$/, ...lowerHyphen, global: false },
    "gcp.generic": { min: 1, max: 63, pattern: rfc1035, ...lowerHyphen, global: false },
    "gcp.perimeter": { min: 1, max: 50, pattern: /^[a-z][a-z0-9_]*$/, allowed: /[a-z0-9_]/, separator: "_", lowercase: true, global: false },
} satisfies Record<string, NameRule>;

export type NameKind = keyof typeof nameRules;

/** A short, stable hash of the given parts (base36, lowercase alphanumerics). */
export function stableHash(parts: readonly string[], length = 6): string {
    const digest = createHash("sha256").update(parts.join("/")).digest();
    return BigInt(`0x${digest.subarray(0, 12).toString("hex")}`).toString(36).padStart(length, "0").slice(0, length);
}

/**
 * Builds a physical name of `kind` from `parts`. Disallowed characters become the separator;
 * a name longer than the limit is cut and ends in a hash of the full name; a globally unique kind
 * always ends in a hash of `uniqueSeed` + parts. The result is checked against the rule.
 */
export function physicalName(kind: NameKind, parts: readonly string[], uniqueSeed: readonly string[] = []): string {
    const rule: NameRule = nameRules[kind];
    const sep = rule.separator;
    const clean = (s: string) => {
        const text = rule.lowercase ? s.toLowerCase() : s;
        return [...text].map((c) => (rule.allowed.test(c) ? c : sep)).join("");
    };
    let base = parts.filter((p) => p.length > 0).map(clean).join(sep);
    if (sep) base = base.split(sep).filter((s) => s.length > 0).join(sep);
    const suffixes: string[] = [];
    if (rule.global) suffixes.push(stableHash([...uniqueSeed, ...parts]));
    const room = () => rule.max - suffixes.reduce((n, s) => n + s.length + sep.length, 0);
    if (base.length > room()) {
        suffixes.unshift(stableHash(["long", ...parts], 4));
        base = base.slice(0, room());
    }
    let name = [base, ...suffixes].join(sep);
    if (sep) name = name.split(sep).filter((s) => s.length > 0).join(sep);
    if (!/^[a-z]/i.test(name) && rule.pattern.source.startsWith("^[a-z]")) name = `x${name}`.slice(0, rule.max);
    while (name.length < rule.min) name = `${name}${sep}${stableHash(["pad", ...parts], rule.min)}`.slice(0, rule.max);
    if (name.length > rule.max || !rule.pattern.test(name)) {
        throw new Error(`naming: cannot build a valid ${kind} name from ${JSON.stringify(parts)} (got "${name}")`);
    }
    return name;
}

/** Logical names of children always start with their parent's name, so two instances never collide. */
export function childName(parent: string, ...suffix: string[]): string {
    return [parent, ...suffix].join("-");
}

/**
 * The naming of one stack: every physical name starts with the landing zone prefix and the
 * environment, then the domain (domain stacks) and the purpose.
 */
export class Naming {
    constructor(
        readonly prefix: string,
        readonly environment: string,
        readonly region: string,
        readonly domain?: string,
    ) {}

    /** The scope words at the start of every name: prefix, environment and domain. */
    get scope(): string[] {
        return [this.prefix, this.environment, ...(this.domain ? [this.domain] : [])];
    }

    /**
     * A wildcard matching every physical name of `kind` this scope (prefix and environment, plus the
     * domain in a domain stack) builds, e.g. `acme-prod-*`: for policy conditions on names other
     * stacks add later.
     */
    wildcard(kind: NameKind): string {
        const sep = nameRules[kind].separator;
        return `${this.scope.join(sep)}${sep}*`;
    }

    /** A physical name of `kind` for `purpose` (e.g. `naming.physical("aws.s3Bucket", "data")`). */
    physical(kind: NameKind, ...purpose: string[]): string {
        return physicalName(kind, [...this.scope, ...purpose], [this.region]);
    }

    /**
     * The naming of `domain`'s resources: what the platform vends a domain (its workload and deploy
     * identities) is named exactly as the domain stack would name it.
     */
    forDomain(domain: string): Naming {
        return new Naming(this.prefix, this.environment, this.region, domain);
    }
}
