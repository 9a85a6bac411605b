import { stackPolicy } from "../lib/define";

const VNET = "azure-native:network:VirtualNetwork";
const FLOW_LOG = "azure-native:network:FlowLog";

/** Every virtual network records its flows (VNet flow logs replace NSG flow logs). */
export const policy = stackPolicy({
    name: "enable-vnet-flow-logs",
    description: "Every virtual network must have a Network Watcher flow log in the same stack, enabled.",
    metadata: {
        cloud: "azure", service: "network", severity: "medium", topic: "security", principle: "audit-logging",
        remediation: "add an azure-native network.FlowLog targeting the virtual network (storage account + traffic analytics to the workspace)",
        checkov: ["CKV_AZURE_12"],
        resourceTypes: [VNET, FLOW_LOG],
    },
    validate: (resources, _args, report) => {
        for (const vnet of resources.filter((r) => r.type === VNET)) {
            const logs = resources.filter((r) => r.type === FLOW_LOG && r.dependencies.some((d) => d.urn === vnet.urn));
            if (!logs.length) report(`virtual network ${vnet.name} has no flow log.`, vnet.urn);
            else if (logs.every((l) => l.props.enabled === false)) report(`virtual network ${vnet.name} has its flow log disabled.`, vnet.urn);
        }
    },
});
