/**
 * The cross-cloud parity view: for each set of stacks that differ only in their cloud
 * (platform-*-prod, orders-*-prod, ...), one row per capability and setting with each cloud's value
 * side by side. Rows come from two places: the shapes the parity tests compare (./parity-shapes,
 * read from the stacks' outputs) and the key settings of each capability's cloud resources (zones,
 * replicas, encryption key, HA, deletion protection, public access). A row differs when the clouds'
 * values differ; a known gap (the parity tests' KNOWN_GAPS / SCOPE_GAPS) is named on its row.
 */
import type { PlanDocument, PlanResource, StackInput } from "./model";
import { CLOUDS, domainShape, gapApplies, homeShape, KNOWN_GAPS, platformShape, SCOPE_GAPS, workerShape, type Cloud } from "./parity-shapes";
import { zoneOf } from "./topology";

export const CAPABILITIES: { capability: string; components: RegExp }[] = [
    { capability: "network", components: /:Network$/ },
    { capability: "cluster", components: /:Cluster$/ },
    { capability: "database", components: /:Database$/ },
    { capability: "storage", components: /:ObjectStore$/ },
    { capability: "queue", components: /:(WorkQueue|Queue)$/ },
    { capability: "cache", components: /:(SessionCache|Cache)$/ },
    { capability: "pipeline", components: /:(DomainPipeline|Pipeline)$/ },
    { capability: "worker", components: /:Worker$/ },
    { capability: "registry", components: /:Registry$/ },
    { capability: "keys", components: /:(Keys|DomainKey)$/ },
    { capability: "logging", components: /:Logging$/ },
];

export interface ParityRow {
    capability: string;
    setting: string;
    /** Where the values come from: the parity tests' shapes, or the capability's resources. */
    source: "parity test" | "resources";
    values: Partial<Record<Cloud, string>>;
    differs: boolean;
    /** A known gap on this row: the cloud and the reason. */
    gap?: { cloud: Cloud; reason: string };
}

export interface ParityTable {
    /** The stacks' common name, the cloud as `*` (orders-*-prod). */
    name: string;
    stacks: Partial<Record<Cloud, string>>;
    rows: ParityRow[];
}

/** What to read per setting: the input paths that say it on some cloud, and the neutral verdict of a value. */
type Probe = { path: string; verdict: (value: unknown, r: PlanResource) => string | undefined };

const known = (v: unknown) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0);
const yesNo = (yes: boolean) => (yes ? "yes" : "no");

const PROBES: Record<string, Probe[]> = {
    "encryption key": [
        "kmsKeyId", "kmsMasterKeyId", "kmsKeyName", "kmsKeyArn", "encryptionKeyName", "encryption.defaultKmsKeyName",
        "encryptionConfig.provider.keyArn", "databaseEncryption.keyName", "encryptionConfigurations.0.kmsKey",
        "encryption.keyVaultProperties.keyName", "dataEncryption.primaryKeyURI", "encryption.keyVaultProperties.keyIdentifier",
        "rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId",
    ].map((path) => ({ path, verdict: (v) => (known(v) ? "customer-managed" : undefined) })),
    HA: [
        { path: "multiAz", verdict: (v) => yesNo(v === true) },
        { path: "multiAzEnabled", verdict: (v) => yesNo(v === true) },
        { path: "automaticFailoverEnabled", verdict: (v) => yesNo(v === true) },
        { path: "highAvailability.mode", verdict: (v) => yesNo(v !== "Disabled") },
        { path: "settings.availabilityType", verdict: (v) => yesNo(v === "REGIONAL") },
        { path: "tier", verdict: (v) => (typeof v === "string" && /^(STANDARD_HA|BASIC)$/.test(v) ? yesNo(v === "STANDARD_HA") : undefined) },
        { path: "zoneRedundant", verdict: (v) => yesNo(v === true) },
        { path: "zoneRedundancy", verdict: (v) => yesNo(v === "Enabled") },
        { path: "sku.name", verdict: (v) => (typeof v === "string" && /^Standard_(ZRS|GZRS|RAGZRS|LRS|GRS)$/.test(v) ? yesNo(/ZRS/.test(v)) : undefined) },
    ],
    replicas: [
        "numCacheClusters", "replicasPerPrimary", "replicaCount", "scalingConfig.minSize", "count", "autoscaling.totalMinNodeCount", "autoscaling.minNodeCount",
    ].map((path) => ({ path, verdict: (v) => (typeof v === "number" ? String(v) : undefined) })),
    "deletion protection": [
        { path: "deletionProtection", verdict: (v) => (v === true ? "on" : "off") },
        { path: "deletionProtectionEnabled", verdict: (v) => (v === true ? "on" : "off") },
        { path: "forceDestroy", verdict: (v) => (v === false ? "on" : "off") },
        { path: "forceDelete", verdict: (v) => (v === false ? "on" : "off") },
        { path: "locked", verdict: (v) => (v === true ? "on" : undefined) },
        { path: "properties.enablePurgeProtection", verdict: (v) => (v === true ? "on" : "off") },
    ],
    "public access": [
        { path: "publiclyAccessible", verdict: (v) => (v === true ? "open" : "blocked") },
        { path: "publicNetworkAccess", verdict: (v) => (v === "Enabled" ? "open" : "blocked") },
        { path: "network.publicNetworkAccess", verdict: (v) => (v === "Enabled" ? "open" : "blocked") },
        { path: "vpcConfig.endpointPublicAccess", verdict: (v) => (v === true ? "open" : "blocked") },
        { path: "publicAccessPrevention", verdict: (v) => (v === "enforced" ? "blocked" : "open") },
        { path: "allowBlobPublicAccess", verdict: (v) => (v === true ? "open" : "blocked") },
        { path: "restrictPublicBuckets", verdict: (v) => (v === true ? "blocked" : "open") },
        { path: "anonymousPullEnabled", verdict: (v) => (v === true ? "open" : "blocked") },
        { path: "ingress", verdict: (v) => (v === "INGRESS_TRAFFIC_ALL" ? "open" : "blocked") },
        { path: "settings.ipConfiguration.ipv4Enabled", verdict: (v) => (v === true ? "open" : "blocked") },
        { path: "privateClusterConfig.enablePrivateEndpoint", verdict: (v) => (v === true ? "blocked" : "open") },
        { path: "connectMode", verdict: (v) => (v === "PRIVATE_SERVICE_ACCESS" ? "blocked" : undefined) },
    ],
};

function at(value: unknown, path: string): unknown {
    let v = value;
    for (const key of path.split(".")) {
        if (typeof v !== "object" || v === null) return undefined;
        v = (v as Record<string, unknown>)[key];
    }
    return v;
}

function short(value: unknown): string {
    const text = typeof value === "string" ? value : JSON.stringify(value);
    return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** The cloud resources of each capability in a plan: the custom resources under its components, at any depth. */
export function capabilityResources(document: PlanDocument): Map<string, PlanResource[]> {
    const byUrn = new Map(document.resources.map((r) => [r.urn, r]));
    const result = new Map<string, PlanResource[]>();
    for (const r of document.resources.filter((x) => x.custom)) {
        for (let p = r.parent ? byUrn.get(r.parent) : undefined; p; p = p.parent ? byUrn.get(p.parent) : undefined) {
            const match = CAPABILITIES.find((c) => c.components.test(p!.type));
            if (match) {
                result.set(match.capability, [...(result.get(match.capability) ?? []), r]);
                break;
            }
        }
    }
    return result;
}

/** One setting of a capability on one cloud: the matched paths with values, and the neutral verdict(s). */
export function probe(resources: PlanResource[], setting: string): { shown: string; verdict: string } {
    const seen: string[] = [];
    const verdicts = new Set<string>();
    for (const r of resources) {
        for (const p of PROBES[setting] ?? []) {
            const value = at(r.inputs, p.path);
            if (value === undefined) continue;
            const verdict = p.verdict(value, r);
            if (verdict === undefined) continue;
            verdicts.add(verdict);
            const text = `${p.path}: ${short(value)}`;
            if (!seen.includes(text)) seen.push(text);
        }
    }
    if (setting === "deletion protection") {
        const stateful = resources.filter((r) => r.protect).length;
        if (stateful) {
            verdicts.add("on");
            seen.unshift(`protect: ${stateful} of ${resources.length}`);
        }
    }
    return { shown: seen.length ? seen.slice(0, 3).join("; ") + (seen.length > 3 ? ` (+${seen.length - 3})` : "") : "—", verdict: [...verdicts].sort().join("/") || "not set" };
}

function zones(resources: PlanResource[]): { shown: string; verdict: string } {
    const all = new Set(resources.flatMap((r) => (zoneOf(r.inputs) ?? "").split(",").filter(Boolean)));
    if (all.size) return { shown: [...all].sort().join(", "), verdict: String(all.size) };
    const regional = resources.some((r) => at(r.inputs, "settings.availabilityType") === "REGIONAL" || typeof r.inputs.region === "string" || typeof r.inputs.location === "string");
    return { shown: regional ? "regional (zones chosen by the service)" : "—", verdict: regional ? "regional" : "not set" };
}

function resourceList(resources: PlanResource[]): string {
    const counts = new Map<string, number>();
    for (const r of resources) {
        const type = r.type.split(":").pop()!;
        counts.set(type, (counts.get(type) ?? 0) + 1);
    }
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t, n]) => (n > 1 ? `${t} ×${n}` : t)).join(", ");
}

const SHAPE_CAPABILITY: Record<string, string> = {
    zones: "network", subnetTiers: "network", clusterVersion: "cluster", nodeZones: "cluster", keyPurposes: "keys", logRetention: "logging",
    namespace: "domain", layout: "database", primaries: "database", readersPerPrimary: "database", readerEndpoints: "database",
    databaseZones: "database", engineVersion: "database", dlq: "queue", maxReceiveCount: "queue", cacheReplicas: "cache",
    versioning: "storage", pipelineNamespace: "pipeline",
};

/** The parity tests' shapes of one stack, flattened to capability / setting / value. */
function shapeValues(document: PlanDocument): { capability: string; setting: string; value: unknown }[] {
    const o = document.outputs;
    const network = o.network as { egressZoneRedundant?: unknown } | undefined;
    const worker = o.worker as { identityScope?: string[] } | undefined;
    const rows: { capability: string; setting: string; value: unknown }[] = [];
    const tryShape = (shape: () => Record<string, unknown> | undefined, capability?: string) => {
        try {
            for (const [setting, value] of Object.entries(shape() ?? {})) rows.push({ capability: capability ?? SHAPE_CAPABILITY[setting] ?? "other", setting, value });
        } catch {
            // not this layer's outputs
        }
    };
    if (o.layer === "platform") {
        tryShape(() => platformShape(o));
        tryShape(() => homeShape(o), "domain homes");
        rows.push({ capability: "network", setting: "egressZoneRedundant", value: network?.egressZoneRedundant });
    }
    if (o.layer === "domain") {
        tryShape(() => domainShape(o));
        tryShape(() => workerShape(o), "worker");
        if (worker) rows.push({ capability: "worker", setting: "identityScope", value: [...(worker.identityScope ?? [])].sort() });
    }
    return rows;
}

function gapOf(capability: string, setting: string, env: string | undefined, cloud: Cloud, layout: unknown): string | undefined {
    const known = KNOWN_GAPS.find((g) => g.cloud === cloud && g.capability === capability && g.property === setting && gapApplies(g, env || undefined, layout));
    if (known) return known.reason;
    if (capability === "worker" && setting === "identityScope" && SCOPE_GAPS[cloud]) return `${SCOPE_GAPS[cloud]!.missing.join(", ")} missing: ${SCOPE_GAPS[cloud]!.reason}`;
    return undefined;
}

function table(name: string, members: Partial<Record<Cloud, StackInput>>): ParityTable {
    const clouds = CLOUDS.filter((c) => members[c]);
    const rows: ParityRow[] = [];
    const env = Object.values(members)[0]?.environment;
    const push = (capability: string, setting: string, source: ParityRow["source"], values: Partial<Record<Cloud, { shown: string; verdict: string }>>) => {
        const verdicts = new Set(clouds.map((c) => values[c]?.verdict ?? "not set"));
        const row: ParityRow = { capability, setting, source, values: Object.fromEntries(clouds.map((c) => [c, values[c]?.shown ?? "—"])), differs: verdicts.size > 1 };
        for (const cloud of clouds) {
            const reason = gapOf(capability, setting, env, cloud, (members[cloud]!.document.outputs.database as { layout?: unknown } | undefined)?.layout);
            if (reason) row.gap = { cloud, reason };
        }
        rows.push(row);
    };
    // The parity tests' data first.
    const shapes = new Map(clouds.map((c) => [c, shapeValues(members[c]!.document)]));
    const keys = [...new Map(clouds.flatMap((c) => shapes.get(c)!.map((s) => [`${s.capability}\n${s.setting}`, s] as const))).values()];
    for (const { capability, setting } of keys) {
        const values: Partial<Record<Cloud, { shown: string; verdict: string }>> = {};
        for (const c of clouds) {
            const found = shapes.get(c)!.find((s) => s.capability === capability && s.setting === setting);
            if (found) values[c] = { shown: found.value === undefined ? "—" : short(found.value), verdict: JSON.stringify(found.value ?? null) };
        }
        push(capability, setting, "parity test", values);
    }
    // Then what each capability's resources say.
    const resources = new Map(clouds.map((c) => [c, capabilityResources(members[c]!.document)]));
    for (const { capability } of CAPABILITIES) {
        if (!clouds.some((c) => resources.get(c)!.has(capability))) continue;
        const of = (c: Cloud) => resources.get(c)!.get(capability) ?? [];
        push(capability, "resources", "resources", Object.fromEntries(clouds.map((c) => [c, { shown: resourceList(of(c)) || "—", verdict: "same" }])));
        push(capability, "zones", "resources", Object.fromEntries(clouds.map((c) => [c, zones(of(c))])));
        for (const setting of Object.keys(PROBES)) {
            const values = Object.fromEntries(clouds.map((c) => [c, probe(of(c), setting)]));
            if (clouds.every((c) => values[c].shown === "—")) continue;
            push(capability, setting, "resources", values);
        }
    }
    return { name, stacks: Object.fromEntries(clouds.map((c) => [c, members[c]!.document.stack])), rows };
}

/** One table per set of planned stacks that differ only in their cloud (two clouds at least). */
export function parityTables(inputs: StackInput[]): ParityTable[] {
    const groups = new Map<string, Partial<Record<Cloud, StackInput>>>();
    for (const input of inputs) {
        const cloud = input.cloud as Cloud;
        if (!CLOUDS.includes(cloud) || !input.document.stack.includes(cloud)) continue;
        const name = input.document.stack.replace(cloud, "*");
        groups.set(name, { ...groups.get(name), [cloud]: input });
    }
    return [...groups.entries()].filter(([, m]) => Object.keys(m).length >= 2).map(([name, m]) => table(name, m));
}
