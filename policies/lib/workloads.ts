import type { Props } from "./define";
import { list } from "./props";

/** Kubernetes workload types and where each keeps its pod template's spec. */
export const WORKLOAD_TYPES: Record<string, string[]> = {
    "kubernetes:core/v1:Pod": ["spec"],
    "kubernetes:apps/v1:Deployment": ["spec", "template", "spec"],
    "kubernetes:apps/v1:StatefulSet": ["spec", "template", "spec"],
    "kubernetes:apps/v1:DaemonSet": ["spec", "template", "spec"],
    "kubernetes:apps/v1:ReplicaSet": ["spec", "template", "spec"],
    "kubernetes:batch/v1:Job": ["spec", "template", "spec"],
    "kubernetes:batch/v1:CronJob": ["spec", "jobTemplate", "spec", "template", "spec"],
};

export function podSpec(type: string, props: Props): Props | undefined {
    let value: Props | undefined = props;
    for (const key of WORKLOAD_TYPES[type] ?? []) value = value?.[key];
    return value;
}

/** Every container of a pod spec: init, ephemeral and regular. */
export function containers(spec: Props | undefined): Props[] {
    if (!spec) return [];
    return [...list(spec.initContainers), ...list(spec.containers), ...list(spec.ephemeralContainers)];
}
