import * as monitor from "@pulumi/azure-native/monitor";
import type * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../core/contracts";
import { childName } from "../core/naming";

/** The Container Insights stream group (inventory, perf, events, ContainerLogV2, ...). */
export const CONTAINER_INSIGHTS_STREAM = "Microsoft-ContainerInsights-Group-Default";

export interface ContainerInsightsArgs {
    ctx: StackContext;
    resourceGroupName: pulumi.Input<string>;
    clusterId: pulumi.Input<string>;
    workspaceId: pulumi.Input<string>;
}

/**
 * What Container Insights collects and where it goes. With the monitoring add-on on managed
 * identity (`useAADAuth`, the workspace accepts no shared keys) AKS does not create the data
 * collection rule or its association itself, so without these the agent runs and collects nothing.
 */
export function createContainerInsights(name: string, parent: pulumi.Resource, args: ContainerInsightsArgs) {
    const { ctx } = args;
    const destination = "workspace";
    const rule = new monitor.DataCollectionRule(childName(name, "insights-dcr"), {
        resourceGroupName: args.resourceGroupName,
        dataCollectionRuleName: ctx.naming.physical("azure.generic", "aks", "insights", "dcr"),
        location: ctx.config.region,
        kind: "Linux",
        description: "Container Insights of the platform cluster",
        dataSources: {
            extensions: [{
                name: "ContainerInsightsExtension",
                extensionName: "ContainerInsights",
                streams: [CONTAINER_INSIGHTS_STREAM],
                extensionSettings: {
                    dataCollectionSettings: { interval: "1m", namespaceFilteringMode: "Off", enableContainerLogV2: true },
                },
            }],
        },
        destinations: { logAnalytics: [{ name: destination, workspaceResourceId: args.workspaceId }] },
        dataFlows: [{ streams: [CONTAINER_INSIGHTS_STREAM], destinations: [destination] }],
        tags: ctx.tags,
    }, { parent });
    const association = new monitor.DataCollectionRuleAssociation(childName(name, "insights-dcra"), {
        resourceUri: args.clusterId,
        associationName: "ContainerInsightsExtension",
        dataCollectionRuleId: rule.id,
        description: "Container Insights of the platform cluster",
    }, { parent });
    return { rule, association };
}
