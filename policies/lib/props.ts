/**
 * Reading resource inputs the way `@pulumi/policy` hands them over. Props sit behind its
 * unknown-checking proxy: reading a value that is unknown during a preview throws
 * `UnknownValueError`, which the analyzer turns into an advisory "can't run policy during preview"
 * (the rule neither crashes nor passes silently). A few checks only ask whether a property is set
 * at all; an unknown value is set (the engine will fill it in), so those look at the raw value
 * without tripping the proxy.
 */
import type { PolicyProviderResource, PolicyResource } from "@pulumi/policy";
import type { Props } from "./define";

const TARGET = "__getSpecialProxyTarget";
const UNKNOWN_SENTINELS = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", "3eeb2bf0-c639-47a8-9e75-3b44932eb421", "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", "030794c1-ac77-496b-92df-f27374a8bd58", "e48ece36-62e2-4504-bad9-02848725956a",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

export function isUnknown(value: unknown): boolean {
    return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}

/** The object behind the proxy (plain values, unknown sentinels included). */
function raw(obj: unknown): Record<string, unknown> | undefined {
    if (typeof obj !== "object" || obj === null) return undefined;
    const target = (obj as Record<string, unknown>)[TARGET];
    return (target ?? obj) as Record<string, unknown>;
}

/** True when `key` has a value: known and non-empty, or unknown (filled in at deploy). Never throws. */
export function isSet(obj: unknown, key: string): boolean {
    const value = raw(obj)?.[key];
    if (value === undefined || value === null || value === "") return false;
    if (Array.isArray(value)) return value.length > 0;
    return true;
}

/** True when `key` is unknown during this preview. Never throws. */
export function isUnknownAt(obj: unknown, key: string): boolean {
    return isUnknown(raw(obj)?.[key]);
}

/** Arrays, single objects (some props take either) and absent values as an array. */
export function list<T = Props>(value: unknown): T[] {
    if (value === undefined || value === null) return [];
    return (Array.isArray(value) ? value : [value]) as T[];
}

/** A JSON document input (IAM policies are JSON text or objects). */
export function jsonDocument(value: unknown): Props | undefined {
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value === "string") {
        try {
            return JSON.parse(value) as Props;
        } catch {
            return undefined;
        }
    }
    return value as Props;
}

/**
 * A provider's input as an object. Provider inputs travel as JSON text for nested values
 * (`defaultTags: '{"tags":{...}}'`), so both forms are accepted.
 */
export function providerInput(provider: PolicyProviderResource | undefined, key: string): Props | undefined {
    if (!provider || !(key in provider.props)) return undefined;
    return jsonDocument(provider.props[key]);
}

/** Ancestors of a stack resource, nearest first. */
export function ancestors(resource: PolicyResource): PolicyResource[] {
    const out: PolicyResource[] = [];
    for (let p = resource.parent; p; p = p.parent) out.push(p);
    return out;
}

/** Days in a duration like `7776000s` (GCP) or `P90D` (ISO 8601), or undefined when unreadable. */
export function durationDays(value: unknown): number | undefined {
    if (typeof value !== "string") return undefined;
    const seconds = /^(\d+(?:\.\d+)?)s$/.exec(value);
    if (seconds) return Number(seconds[1]) / 86400;
    const iso = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/.exec(value);
    if (iso) return Number(iso[1] ?? 0) * 365 + Number(iso[2] ?? 0) * 30 + Number(iso[3] ?? 0);
    return undefined;
}

/** Whether a CIDR list admits the whole internet. */
export function isOpenToInternet(cidrs: unknown): boolean {
    return list<string>(cidrs).some((c) => c === "0.0.0.0/0" || c === "::/0" || c === "*" || c === "Internet" || c === "Any");
}

/** Ports the landing zone never opens to the internet: admin (SSH, RDP, WinRM, Kubernetes API), databases, FTP and plain HTTP. */
export const ADMIN_PORTS = [20, 21, 22, 80, 3389, 5432, 6379, 3306, 1433, 5985, 5986, 6443];

/** Whether a port range (`from`..`to`, `"22"`, `"20-30"`, `"*"`, all-protocol -1) touches an admin port. */
export function rangeHitsAdminPort(from: unknown, to: unknown = from): boolean {
    const lo = Number(from);
    const hi = Number(to);
    if (from === "*" || lo === -1 || (lo === 0 && (hi === 0 || hi === 65535))) return true;
    if (Number.isNaN(lo) || Number.isNaN(hi)) return false;
    return ADMIN_PORTS.some((p) => p >= lo && p <= hi);
}

/** `"22"`, `"20-30"`, `"*"` as a from/to pair. */
export function portSpec(spec: unknown): [unknown, unknown] {
    if (typeof spec === "number") return [spec, spec];
    if (typeof spec !== "string") return [undefined, undefined];
    if (spec === "*") return ["*", "*"];
    const [a, b] = spec.split("-");
    return [a, b ?? a];
}
