import { resourcePolicy } from "../lib/define";
import type { Props } from "../lib/define";
import { list } from "../lib/props";
import { WORKLOAD_TYPES, containers, podSpec } from "../lib/workloads";

/** UIDs below this may collide with host users (Checkov CKV_K8S_40). */
export const MIN_UID = 10000;

/** What a container's effective security context (container over pod) lacks. */
export function securityContextProblems(container: Props, pod: Props | undefined): string[] {
    const sc = container.securityContext;
    if (!sc) return ["has no securityContext"];
    const problems: string[] = [];
    const effective = (key: string) => sc[key] ?? pod?.[key];
    if (sc.readOnlyRootFilesystem !== true) problems.push("does not set readOnlyRootFilesystem: true");
    const uid = effective("runAsUser");
    if (effective("runAsNonRoot") !== true) problems.push("does not set runAsNonRoot: true");
    if (typeof uid !== "number" || uid < MIN_UID) problems.push(`runs as UID ${uid ?? "of the image"}, needs runAsUser >= ${MIN_UID}`);
    const seccomp = effective("seccompProfile")?.type;
    if (seccomp !== "RuntimeDefault") problems.push(`has seccomp profile ${seccomp ?? "unset"}, needs RuntimeDefault`);
    const drop = list<string>(sc.capabilities?.drop);
    if (!drop.some((d) => d === "ALL" || d === "all")) problems.push("does not drop ALL capabilities");
    const add = list<string>(sc.capabilities?.add);
    if (add.length) problems.push(`adds capabilities ${add.join(", ")}`);
    return problems;
}

/** Every container runs read-only, as a high non-root UID, with the runtime's seccomp profile and no capabilities. */
export const policy = resourcePolicy({
    name: "require-restricted-security-context",
    description: "Pods and containers must set a restricted security context: read-only root file system, non-root UID >= 10000, RuntimeDefault seccomp, all capabilities dropped and none added.",
    metadata: {
        cloud: "kubernetes", service: "workloads", severity: "high", topic: "security", principle: "pod-hardening",
        remediation: "set the pod's securityContext { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: RuntimeDefault } } and each container's securityContext { readOnlyRootFilesystem: true, capabilities: { drop: [\"ALL\"] } } (mount an emptyDir for scratch space)",
        checkov: ["CKV_K8S_22", "CKV_K8S_23", "CKV_K8S_25", "CKV_K8S_28", "CKV_K8S_29", "CKV_K8S_30", "CKV_K8S_31", "CKV_K8S_40"],
        resourceTypes: Object.keys(WORKLOAD_TYPES),
    },
    validate: (props, args, report) => {
        const spec = podSpec(args.type, props);
        if (!spec) return;
        const pod = spec.securityContext;
        if (!pod) report(`the pod of ${args.name} has no securityContext.`);
        for (const c of containers(spec)) {
            for (const problem of securityContextProblems(c, pod)) report(`container ${c.name} ${problem}.`);
        }
    },
});
