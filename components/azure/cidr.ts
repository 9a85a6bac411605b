/** IPv4 address arithmetic for carving subnets out of the landing zone's address space. */

function toNumber(address: string): number {
    return address.split(".").map(Number).reduce((acc, octet) => acc * 256 + octet, 0);
}

function toAddress(value: number): string {
    return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

/**
 * The `index`-th block of `cidr` split into blocks `newBits` longer (Terraform's `cidrsubnet`):
 * `subnetCidr("10.0.0.0/16", 1, 1)` is `10.0.128.0/17`.
 */
export function subnetCidr(cidr: string, newBits: number, index: number): string {
    const [address, bitsText] = cidr.split("/");
    const bits = Number(bitsText) + newBits;
    if (bits > 32 || index < 0 || index >= 2 ** newBits) {
        throw new Error(`cidr: ${cidr} has no block ${index} of /${bits}`);
    }
    const base = toNumber(address) - (toNumber(address) % 2 ** (32 - Number(bitsText)));
    return `${toAddress(base + index * 2 ** (32 - bits))}/${bits}`;
}
