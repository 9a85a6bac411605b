import { resourcePolicy } from "../lib/define";
import { list } from "../lib/props";

/** System and API server logs go to Cloud Logging (audit logs are on by default and cannot be turned off). */
export const policy = resourcePolicy({
    name: "enable-gke-control-plane-logging",
    description: "GKE clusters must send system components and API server logs to Cloud Logging.",
    metadata: {
        cloud: "gcp", service: "container", severity: "high", topic: "security", principle: "audit-logging",
        remediation: "set loggingConfig.enableComponents to include SYSTEM_COMPONENTS and APISERVER (and keep loggingService logging.googleapis.com/kubernetes)",
        checkov: ["CKV_GCP_1"],
        resourceTypes: ["gcp:container/cluster:Cluster"],
    },
    validate: (props, _args, report) => {
        if (props.loggingService === "none") report("loggingService is none.");
        const components = list<string>(props.loggingConfig?.enableComponents);
        const missing = ["SYSTEM_COMPONENTS", "APISERVER"].filter((c) => !components.includes(c));
        if (missing.length) report(`logging components ${missing.join(", ")} are off.`);
    },
});
