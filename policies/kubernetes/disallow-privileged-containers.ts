import { resourcePolicy } from "../lib/define";
import { WORKLOAD_TYPES, containers, podSpec } from "../lib/workloads";

/** Containers never run privileged, escalate privileges or add capabilities beyond NET_BIND_SERVICE. */
export const policy = resourcePolicy({
    name: "disallow-privileged-containers",
    description: "Containers must not be privileged, allow privilege escalation or add Linux capabilities (other than NET_BIND_SERVICE).",
    metadata: {
        cloud: "kubernetes", service: "workloads", severity: "critical", topic: "security", principle: "pod-hardening",
        remediation: "set securityContext { privileged: false, allowPrivilegeEscalation: false, capabilities: { drop: [\"ALL\"] } } (the namespace enforces Pod Security restricted)",
        checkov: ["CKV_K8S_16", "CKV_K8S_20", "CKV_K8S_39", "CKV_K8S_37"],
        resourceTypes: Object.keys(WORKLOAD_TYPES),
    },
    validate: (props, args, report) => {
        for (const c of containers(podSpec(args.type, props))) {
            const sc = c.securityContext ?? {};
            if (sc.privileged === true) report(`container ${c.name} is privileged.`);
            if (sc.allowPrivilegeEscalation === true) report(`container ${c.name} allows privilege escalation.`);
            const added = ((sc.capabilities?.add ?? []) as string[]).filter((cap) => cap !== "NET_BIND_SERVICE");
            if (added.length) report(`container ${c.name} adds capabilities ${added.join(", ")}.`);
        }
    },
});
