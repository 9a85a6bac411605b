/**
 * Address plan and zone names of the GCP landing zone network, derived from config only (no
 * lookups), so a preview knows every range.
 *
 * The landing zone CIDR (`/20` or larger) is cut into: the nodes subnet, the services and pods
 * secondary ranges, the private services access range (Cloud SQL, Memorystore) and the GKE control
 * plane's `/28`.
 */
export interface AddressPlan {
    /** Primary range of the regional subnet (GKE nodes, VMs, internal load balancers). */
    nodes: string;
    /** Secondary range for Kubernetes services. */
    services: string;
    /** Secondary range for pods (the largest block). */
    pods: string;
    /** Private services access range, peered to Google's service producers. */
    privateServices: string;
    /** GKE control plane range (private endpoint). */
    master: string;
}

function toInt(ip: string): number {
    return ip.split(".").reduce((acc, o) => acc * 256 + Number(o), 0);
}

function toIp(n: number): string {
    return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

/** The `index`-th block of prefix length `bits` inside `cidr`. */
export function subBlock(cidr: string, bits: number, index: number): string {
    const [ip, prefix] = cidr.split("/");
    const base = toInt(ip);
    const size = 2 ** (32 - bits);
    if (bits < Number(prefix) || (index + 1) * size > 2 ** (32 - Number(prefix))) {
        throw new Error(`addressing: block ${index} of /${bits} does not fit in ${cidr}`);
    }
    return `${toIp(base + index * size)}/${bits}`;
}

/**
 * Splits the landing zone CIDR (prefix p <= 20): the first quarter holds four /(p+4) blocks (nodes,
 * services, private services access, and the block the /28 control plane range comes from); the
 * second quarter is the pods range /(p+2).
 */
export function addressPlan(cidr: string): AddressPlan {
    const p = Number(cidr.split("/")[1]);
    const master = subBlock(subBlock(cidr, p + 4, 3), 28, 0);
    return {
        nodes: subBlock(cidr, p + 4, 0),
        services: subBlock(cidr, p + 4, 1),
        privateServices: subBlock(cidr, p + 4, 2),
        master,
        pods: subBlock(cidr, p + 2, 1),
    };
}

/** Regions whose zones are not lettered a, b, c (the exceptions of the public zone list). */
const ZONE_LETTERS: Record<string, string[]> = {
    "europe-west1": ["b", "c", "d"],
    "us-east1": ["b", "c", "d"],
    "us-central1": ["a", "b", "c", "f"],
};

/** The first `count` zones of `region` (`europe-west1-b`, ...), from the public zone list. */
export function zonesOf(region: string, count: number): string[] {
    const letters = ZONE_LETTERS[region] ?? ["a", "b", "c"];
    return letters.slice(0, Math.max(1, Math.min(count, letters.length))).map((l) => `${region}-${l}`);
}
