import { resourcePolicy } from "../lib/define";
import { list } from "../lib/props";
import { WORKLOAD_TYPES, containers, podSpec } from "../lib/workloads";

/** Secrets in environment variables leak into crash dumps, child processes and `kubectl describe`. */
export const policy = resourcePolicy({
    name: "disallow-secrets-in-env",
    description: "Containers must read Kubernetes Secrets from mounted files, not environment variables.",
    metadata: {
        cloud: "kubernetes", service: "workloads", severity: "medium", topic: "security", principle: "no-plaintext-secrets",
        remediation: "mount the Secret as a volume (or use workload identity to read the cloud secret store) instead of env valueFrom.secretKeyRef / envFrom.secretRef",
        checkov: ["CKV_K8S_35"],
        resourceTypes: Object.keys(WORKLOAD_TYPES),
    },
    validate: (props, args, report) => {
        for (const c of containers(podSpec(args.type, props))) {
            for (const e of list(c.env)) if (e?.valueFrom?.secretKeyRef) report(`container ${c.name} reads secret ${e.valueFrom.secretKeyRef.name} into env ${e.name}.`);
            for (const e of list(c.envFrom)) if (e?.secretRef) report(`container ${c.name} loads secret ${e.secretRef.name} into its environment.`);
        }
    },
});
