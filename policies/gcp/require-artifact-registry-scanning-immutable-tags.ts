import { resourcePolicy } from "../lib/define";

/** Docker images are scanned and a tag always names the same image. */
export const policy = resourcePolicy({
    name: "require-artifact-registry-scanning-immutable-tags",
    description: "Docker repositories in Artifact Registry must have immutable tags and vulnerability scanning on.",
    metadata: {
        cloud: "gcp", service: "artifactregistry", severity: "high", topic: "security", principle: "registry-scanning-immutable-tags",
        remediation: "set dockerConfig.immutableTags true and leave vulnerabilityScanningConfig.enablementConfig INHERITED (Container Scanning API on) or set it",
        checkov: [],
        resourceTypes: ["gcp:artifactregistry/repository:Repository"],
    },
    validate: (props, _args, report) => {
        if (props.format !== "DOCKER" && props.format !== "docker") return;
        if (props.dockerConfig?.immutableTags !== true) report("tags are mutable (dockerConfig.immutableTags is not true).");
        if (props.vulnerabilityScanningConfig?.enablementConfig === "DISABLED") report("vulnerability scanning is disabled.");
    },
});
