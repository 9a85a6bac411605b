import { resourcePolicy } from "../lib/define";
import { WORKLOAD_TYPES, containers, podSpec } from "../lib/workloads";

const KEYS = ["requests.cpu", "requests.memory", "limits.cpu", "limits.memory"];

/** Every container states what it needs and may use, so the scheduler and the namespace quota can plan. */
export const policy = resourcePolicy({
    name: "require-container-resources",
    description: "Containers must set CPU and memory requests and limits.",
    metadata: {
        cloud: "kubernetes", service: "workloads", severity: "medium", topic: "availability", principle: "workload-availability",
        remediation: "set resources { requests: { cpu, memory }, limits: { cpu, memory } } on each container (the LimitRange default is a floor, not a sizing)",
        checkov: ["CKV_K8S_10", "CKV_K8S_11", "CKV_K8S_12", "CKV_K8S_13"],
        resourceTypes: Object.keys(WORKLOAD_TYPES),
    },
    validate: (props, args, report) => {
        for (const c of containers(podSpec(args.type, props))) {
            const missing = KEYS.filter((k) => {
                const [group, key] = k.split(".");
                return c.resources?.[group]?.[key] === undefined;
            });
            if (missing.length) report(`container ${c.name} does not set resources ${missing.join(", ")}.`);
        }
    },
});
