import { stackPolicy } from "../lib/define";
import { list } from "../lib/props";

const CLUSTER = "azure-native:containerservice:ManagedCluster";
const DIAGNOSTICS = "azure-native:monitor:DiagnosticSetting";
const AUDIT = ["kube-audit", "kube-audit-admin"];
const GROUPS = ["audit", "allLogs"];

/** The API server's audit log goes to the landing zone's Log Analytics workspace. */
export const policy = stackPolicy({
    name: "enable-aks-audit-logs",
    description: "Every AKS cluster must have a diagnostic setting sending kube-audit (or kube-audit-admin) logs to Log Analytics.",
    metadata: {
        cloud: "azure", service: "containerservice", severity: "high", topic: "security", principle: "audit-logging",
        remediation: "add an azure-native monitor.DiagnosticSetting on the cluster with logs [{ category: \"kube-audit-admin\", enabled: true }] and workspaceId",
        checkov: ["CKV_AZURE_4"],
        resourceTypes: [CLUSTER, DIAGNOSTICS],
    },
    validate: (resources, _args, report) => {
        for (const cluster of resources.filter((r) => r.type === CLUSTER)) {
            const audited = resources.some((r) => r.type === DIAGNOSTICS && r.dependencies.some((d) => d.urn === cluster.urn) &&
                list(r.props.logs).some((l) => l.enabled === true && (AUDIT.includes(l.category) || GROUPS.includes(l.categoryGroup))));
            if (!audited) report(`cluster ${cluster.name} sends no audit logs to Log Analytics.`, cluster.urn);
        }
    },
});
