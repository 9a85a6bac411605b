import { resourcePolicy } from "../lib/define";
import { WORKLOAD_TYPES, containers, podSpec } from "../lib/workloads";

/** Registry hosts of the landing zone's registries on each cloud (ECR, ACR, Artifact Registry). */
export const DEFAULT_REGISTRY_PATTERNS = [
    "^[0-9]{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com/",
    "^[a-z0-9]+\\.azurecr\\.io/",
    "^[a-z0-9-]+-docker\\.pkg\\.dev/",
];

/** What is wrong with an image reference, if anything. */
export function imageProblem(image: string, patterns: string[]): string | undefined {
    if (!patterns.some((p) => new RegExp(p).test(image))) return `image ${image} is not from the landing zone's registry`;
    const tag = /:([^/:@]+)$/.exec(image.split("@")[0])?.[1];
    if (tag === "latest") return `image ${image} uses :latest`;
    if (!/@sha256:[0-9a-f]{64}$/.test(image)) return `image ${image} is not pinned by @sha256 digest${tag ? "" : " (no tag means latest)"}`;
    return undefined;
}

/** Images come from the landing zone's scanned, immutable registry, by version tag and digest. */
export const policy = resourcePolicy({
    name: "require-trusted-images",
    description: "Container images must come from the landing zone's registry and be pinned by @sha256 digest (a tag other than latest may name it) (so every pull gets the scanned bytes, whatever imagePullPolicy).",
    metadata: {
        cloud: "kubernetes", service: "workloads", severity: "high", topic: "security", principle: "trusted-images",
        remediation: "push the image to the landing zone's registry (ECR/ACR/Artifact Registry) and reference it as repository:version@sha256:digest",
        checkov: ["CKV_K8S_14", "CKV_K8S_15", "CKV_K8S_43"],
        resourceTypes: Object.keys(WORKLOAD_TYPES),
    },
    configSchema: {
        properties: { allowedRegistries: { type: "array", items: { type: "string" }, description: "regular expressions an image reference must match" } },
    },
    validate: (props, args, report) => {
        const patterns = args.getConfig<{ allowedRegistries?: string[] }>().allowedRegistries ?? DEFAULT_REGISTRY_PATTERNS;
        for (const c of containers(podSpec(args.type, props))) {
            const problem = imageProblem(String(c.image ?? ""), patterns);
            if (problem) report(`${problem} (container ${c.name}).`);
        }
    },
});
