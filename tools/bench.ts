/**
 * `npm run bench`: what planning and type-checking cost on this machine, against the floor of
 * merely loading the SDKs the program uses. Prints median wall time and peak memory over a few runs
 * each, and for the plans the resources planned and the time per 1000 resources (the scale case,
 * 50 domains x 3 clouds = 153 stacks generated into a temporary folder, should cost about what the
 * samples cost per resource, within 1 GB). Figures, not a test: nothing here passes or fails.
 * BENCH_RUNS sets the runs per case (default 3); BENCH_DOMAINS the scale case's domains (default 50).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { writeScaleStacks } from "./bench/scale-stacks";

const root = path.join(__dirname, "..");
const preload = path.join(__dirname, "bench", "peak-memory.cjs");
const runs = Number(process.env.BENCH_RUNS ?? 3);

interface Sample { seconds: number; maxRssMb?: number; resources?: number }

function node(args: string[]): Sample {
    const started = performance.now();
    const run = spawnSync(process.execPath, ["--require", preload, ...args], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const wall = (performance.now() - started) / 1000;
    const line = run.stderr.split("\n").reverse().find((l) => l.startsWith("BENCH "));
    if (run.status !== 0 && run.status !== null) {
        process.stderr.write(run.stdout.slice(-2000) + run.stderr.slice(-2000));
        throw new Error(`bench: ${args.join(" ")} exited ${run.status}`);
    }
    return { seconds: wall, maxRssMb: line ? JSON.parse(line.slice(6)).maxRssMb : undefined };
}

function median(samples: Sample[]): Sample {
    const by = <K extends keyof Sample>(k: K) => samples.map((s) => s[k] ?? 0).sort((a, b) => a - b)[Math.floor(samples.length / 2)];
    return { seconds: by("seconds"), maxRssMb: by("maxRssMb"), resources: by("resources") || undefined };
}

/** Resources in the plan files a plan wrote. */
function plannedResources(outDir: string): number {
    return readdirSync(outDir).filter((f) => f.endsWith(".json"))
        .reduce((n, f) => n + (JSON.parse(readFileSync(path.join(outDir, f), "utf8")) as { resourceCount: number }).resourceCount, 0);
}

function measure(label: string, args: string[]): Sample & { label: string } {
    return { label, ...median(Array.from({ length: runs }, () => node(args))) };
}

/** A plan into a scratch output folder, counting what it planned. */
function measurePlan(label: string, args: string[]): Sample & { label: string } {
    const samples = Array.from({ length: runs }, () => {
        const out = mkdtempSync(path.join(tmpdir(), "bench-plan-"));
        try {
            return { ...node(["--require", "tsx/cjs", "tools/plan.ts", "--quiet", "--out", out, ...args]), resources: plannedResources(out) };
        } finally {
            rmSync(out, { recursive: true, force: true });
        }
    });
    return { label, ...median(samples) };
}

/** The azure-native modules the components import (read from the source, so the floor stays true). */
function azureModules(): string[] {
    const dir = path.join(root, "components", "azure");
    const found = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
        for (const match of readFileSync(path.join(dir, file), "utf8").matchAll(/@pulumi\/azure-native\/([a-z0-9]+)/g)) found.add(match[1]);
    }
    return [...found].sort();
}

/** Loading the SDKs and touching the namespaces the stacks use, nothing else: the floor. */
const floorScript = [
    "const pulumi = require('@pulumi/pulumi');",
    "const aws = require('@pulumi/aws'); const gcp = require('@pulumi/gcp'); const k8s = require('@pulumi/kubernetes');",
    `for (const m of ${JSON.stringify(azureModules())}) require('@pulumi/azure-native/' + m);`,
    "void [pulumi.Config, aws.ec2.Vpc, aws.eks.Cluster, aws.rds.Instance, aws.s3.Bucket, gcp.compute.Network, gcp.container.Cluster, gcp.sql.DatabaseInstance, k8s.core.v1.Namespace];",
].join(" ");

function main(): void {
    console.log(`bench: node ${process.version}, ${runs} runs each, median shown\n`);
    const floor = measure("floor: load the SDK modules the stacks use", ["-e", floorScript]);
    const scaleDir = mkdtempSync(path.join(tmpdir(), "bench-scale-"));
    const domains = Number(process.env.BENCH_DOMAINS ?? 50);
    const scaleStacks = writeScaleStacks(scaleDir, domains).length;
    const results = [
        floor,
        measurePlan("plan all sample stacks (policies on)", []),
        measurePlan("plan all sample stacks (policies off)", ["--no-policies"]),
        measurePlan("plan one stack (platform-aws-prod)", ["platform-aws-prod"]),
        measurePlan(`plan ${scaleStacks} stacks: ${domains} domains x 3 clouds (policies on)`, ["--config-dir", scaleDir]),
        measure("plan one stack, loaded as Pulumi loads it (ts-node)", [path.join("tools", "bench", "pulumi-loader.cjs"), "tools/plan.ts", "--quiet", "platform-aws-prod"]),
        measure("type-check (TypeScript 7, tsc --noEmit)", ["node_modules/tsgo/bin/tsc", "-p", "tsconfig.json", "--noEmit", "--noCheck", "false"]),
    ];
    rmSync(scaleDir, { recursive: true, force: true });
    const width = Math.max(...results.map((r) => r.label.length));
    console.log(`${"what".padEnd(width)}  ${"wall s".padStart(7)}  ${"x floor".padStart(7)}  ${"peak MB".padStart(8)}  ${"resources".padStart(9)}  ${"s/1000 res".padStart(10)}`);
    for (const r of results) {
        const memory = r.maxRssMb ? r.maxRssMb.toFixed(0) : "-";
        const perThousand = r.resources ? ((r.seconds - floor.seconds) / r.resources * 1000).toFixed(2) : "-";
        console.log(`${r.label.padEnd(width)}  ${r.seconds.toFixed(2).padStart(7)}  ${(r.seconds / floor.seconds).toFixed(1).padStart(7)}  ${memory.padStart(8)}` +
            `  ${String(r.resources ?? "-").padStart(9)}  ${perThousand.padStart(10)}`);
    }
    console.log("\n(s/1000 res: wall time above the floor per 1000 planned resources; linear scaling keeps it flat from the samples to the scale case)");
    console.log("\n(peak MB of the type-check is the Node launcher's only: the TypeScript 7 compiler runs as a native child process)");
}

main();
