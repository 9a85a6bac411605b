import * as monitor from "@pulumi/azure-native/monitor";
import type * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../core/contracts";
import { childName } from "../core/naming";

export interface DiagnosticsArgs {
    /** The resource whose logs and metrics are sent. */
    resourceUri: pulumi.Input<string>;
    /** Log Analytics workspace (resource id) receiving them. */
    workspaceId: pulumi.Input<string>;
    /**
     * Log categories, or category groups (`allLogs`, `audit`); default `allLogs`. An empty list for
     * resources that only emit metrics (NAT gateway, storage account level).
     */
    logs?: { category?: string; categoryGroup?: string }[];
    /** Send the resource's platform metrics (`AllMetrics`); false for resources without metrics. */
    metrics?: boolean;
    /** `Dedicated` writes to resource-specific tables where the resource supports it (AKS). */
    destinationType?: "Dedicated" | "AzureDiagnostics";
}

/**
 * A diagnostic setting sending a resource's logs and metrics to the central Log Analytics
 * workspace. Every platform resource that supports diagnostic settings gets one.
 */
export function diagnosticSetting(name: string, parent: pulumi.Resource, ctx: StackContext, args: DiagnosticsArgs): monitor.DiagnosticSetting {
    const logs = args.logs ?? [{ categoryGroup: "allLogs" }];
    return new monitor.DiagnosticSetting(childName(name, "diagnostics"), {
        name: ctx.naming.physical("azure.generic", "central", "logs"),
        resourceUri: args.resourceUri,
        workspaceId: args.workspaceId,
        logAnalyticsDestinationType: args.destinationType,
        logs: logs.map((log) => ({ ...log, enabled: true })),
        metrics: args.metrics === false ? [] : [{ category: "AllMetrics", enabled: true }],
    }, { parent });
}
