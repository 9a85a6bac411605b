import { resourcePolicy } from "../lib/define";
import type { Props } from "../lib/define";
import { list } from "../lib/props";

const CLUSTER = "azure-native:containerservice:ManagedCluster";
const POOL = "azure-native:containerservice:AgentPool";

/** What a node pool (inline profile or AgentPool resource) gets wrong. */
export function poolProblems(pool: Props, label: string): string[] {
    const problems: string[] = [];
    if (pool.enableNodePublicIP === true) problems.push(`${label} gives nodes public IPs`);
    if (pool.type === "AvailabilitySet") problems.push(`${label} uses availability sets, not scale sets`);
    if (typeof pool.maxPods === "number" && pool.maxPods < 50) problems.push(`${label} allows ${pool.maxPods} pods per node, needs >= 50`);
    if (pool.mode === "System" && !list<string>(pool.nodeTaints).some((t) => t.startsWith("CriticalAddonsOnly"))) {
        problems.push(`${label} is a system pool that also runs workloads (no CriticalAddonsOnly taint)`);
    }
    return problems;
}

/** AKS enforces NetworkPolicy and Azure Policy, rotates mounted secrets, keeps nodes private and legacy add-ons off. */
export const policy = resourcePolicy({
    name: "configure-aks-cluster-security",
    description: "AKS clusters must enforce NetworkPolicy, run the Azure Policy and Key Vault secrets provider (with rotation) add-ons, keep the dashboard and HTTP application routing off; node pools must use scale sets without public IPs, >= 50 pods per node, and a system pool reserved for critical add-ons.",
    metadata: {
        cloud: "azure", service: "containerservice", severity: "high", topic: "security", principle: "cluster-hardening",
        remediation: "set networkProfile.networkPolicy (cilium), addonProfiles azurepolicy and azureKeyvaultSecretsProvider (enableSecretRotation true) enabled, no kubeDashboard/httpApplicationRouting; pools: type VirtualMachineScaleSets, enableNodePublicIP false, maxPods >= 50, system pool tainted CriticalAddonsOnly=true:NoSchedule",
        checkov: ["CKV_AZURE_7", "CKV_AZURE_8", "CKV_AZURE_116", "CKV_AZURE_143", "CKV_AZURE_168", "CKV_AZURE_169", "CKV_AZURE_172", "CKV_AZURE_232", "CKV_AZURE_246"],
        resourceTypes: [CLUSTER, POOL],
    },
    validate: (props, args, report) => {
        if (args.type === POOL) {
            for (const problem of poolProblems(props, `node pool ${props.agentPoolName ?? args.name}`)) report(`${problem}.`);
            return;
        }
        if (!props.networkProfile?.networkPolicy || props.networkProfile.networkPolicy === "none") report("NetworkPolicy is not enforced (networkProfile.networkPolicy unset).");
        const addons = (props.addonProfiles ?? {}) as Record<string, Props>;
        if (addons.azurepolicy?.enabled !== true) report("the Azure Policy add-on is off.");
        const secrets = addons.azureKeyvaultSecretsProvider;
        if (secrets?.enabled !== true || String(secrets.config?.enableSecretRotation) !== "true") report("the Key Vault secrets provider does not rotate mounted secrets (enableSecretRotation).");
        if (addons.kubeDashboard?.enabled === true) report("the Kubernetes dashboard add-on is on.");
        if (addons.httpApplicationRouting?.enabled === true) report("HTTP application routing is on.");
        for (const pool of list(props.agentPoolProfiles)) {
            for (const problem of poolProblems(pool, `node pool ${pool.name}`)) report(`${problem}.`);
        }
    },
});
