/**
 * A landing zone at scale for the benchmark: per cloud, the prod platform sample with `domains`
 * business domains registered, and one domain stack per domain (a copy of the orders sample).
 * 50 domains x 3 clouds = 153 stacks. Written into a folder of its own, never into config/.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { isSeq, parseDocument } from "yaml";
import { copiedFile } from "../new-domain/domain-file";
import { registerDomain } from "../new-domain/register";
import { CONFIG_DIR, stackFile } from "../plan/stack-files";

export const CLOUDS = ["aws", "azure", "gcp"] as const;

export function domainNames(count: number): string[] {
    return Array.from({ length: count }, (_, i) => `d${String(i + 1).padStart(2, "0")}`);
}

/** Registers the domains on a platform file's text (and in `hierarchy.domains` while the components read it). */
function platformWith(text: string, domains: string[]): string {
    let out = domains.reduce((t, d) => registerDomain(t, d), text);
    const doc = parseDocument(out);
    const listed = doc.getIn(["config", "landing-zone:hierarchy", "domains"], true);
    if (isSeq(listed)) {
        for (const d of domains) listed.add(d);
        out = doc.toString();
    }
    return out;
}

/** Writes the stack files into `dir`; returns the stack names, platforms first. */
export function writeScaleStacks(dir: string, count = 50): string[] {
    const domains = domainNames(count);
    const stacks: string[] = [];
    for (const cloud of CLOUDS) {
        const platform = `platform-${cloud}-prod`;
        writeFileSync(stackFile(platform, dir), platformWith(readFileSync(stackFile(platform, CONFIG_DIR), "utf8"), domains));
        stacks.push(platform);
        const sample = readFileSync(stackFile(`orders-${cloud}-prod`, CONFIG_DIR), "utf8");
        for (const domain of domains) {
            writeFileSync(stackFile(`${domain}-${cloud}-prod`, dir), copiedFile(sample, "orders", domain));
            stacks.push(`${domain}-${cloud}-prod`);
        }
    }
    return stacks;
}

if (require.main === module) {
    const dir = process.argv[2];
    if (!dir) {
        console.error("usage: tsx tools/bench/scale-stacks.ts <dir> [domains]");
        process.exit(2);
    }
    console.log(`${writeScaleStacks(dir, Number(process.argv[3] ?? 50)).length} stack files written to ${dir}`);
}
