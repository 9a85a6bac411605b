import * as servicebus from "@pulumi/azure-native/servicebus";
import * as pulumi from "@pulumi/pulumi";
import type { QueueOutputs, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { deletionLock } from "./locks";
import { createPrivateEndpoint } from "./private-access";

/** Service Bus peek-lock duration bounds (ISO 8601 on the wire): 5 seconds to 5 minutes. */
export const LOCK_SECONDS = { min: 5, max: 300 };

export interface QueueArgs {
    ctx: StackContext;
    resourceGroupName: pulumi.Input<string>;
    privateEndpointSubnetId: pulumi.Input<string>;
    /** The platform's `privatelink.servicebus.windows.net` zone. */
    serviceBusDnsZoneId: pulumi.Input<string>;
}

/** Premium (zone redundant, private endpoint) in prod and wherever HA is asked for; Standard in dev. */
export function serviceBusTier(ctx: StackContext): "Premium" | "Standard" {
    return ctx.config.environment === "prod" ? "Premium" : "Standard";
}

/**
 * The domain's work queue: a Service Bus namespace (Premium and zone redundant in prod, Standard in
 * dev), local (SAS key) auth off, TLS 1.2 minimum; the queue dead-letters expired messages and
 * messages delivered `queue.maxReceiveCount` times (its built-in `$DeadLetterQueue`). Premium gets
 * public network access off and a private endpoint; Standard has no private endpoints, so there
 * Entra-only auth is the control.
 */
export class WorkQueue extends pulumi.ComponentResource {
    readonly result: ReturnType<typeof createWorkQueue>;

    constructor(name: string, args: QueueArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:azure:WorkQueue", name, {}, opts);
        this.result = createWorkQueue(name, this, args);
        this.registerOutputs({ queueId: this.result.queue.id });
    }
}

export function createWorkQueue(name: string, parent: pulumi.Resource, args: QueueArgs) {
    const { ctx } = args;
    const cfg = ctx.config.queue;
    const tier = serviceBusTier(ctx);
    const premium = tier === "Premium";
    const protect = ctx.config.protectStateful;
    const namespaceName = ctx.naming.physical("azure.serviceBusNamespace", "bus");
    const queueName = ctx.naming.physical("azure.generic", "work");
    const lockSeconds = Math.min(Math.max(cfg.visibilityTimeoutSeconds, LOCK_SECONDS.min), LOCK_SECONDS.max);

    const namespace = new servicebus.Namespace(childName(name, "namespace"), {
        resourceGroupName: args.resourceGroupName,
        namespaceName,
        sku: premium ? { name: "Premium", tier: "Premium", capacity: 1 } : { name: "Standard", tier: "Standard" },
        premiumMessagingPartitions: premium ? 1 : undefined,
        zoneRedundant: premium,
        disableLocalAuth: true,
        // Its own identity (for a customer-managed key or forwarding), never a connection string.
        identity: { type: "SystemAssigned" },
        minimumTlsVersion: "1.2",
        publicNetworkAccess: premium ? "Disabled" : "Enabled",
        tags: ctx.tags,
    }, { parent, protect });

    const queue = new servicebus.Queue(childName(name, "queue"), {
        resourceGroupName: args.resourceGroupName,
        namespaceName,
        queueName,
        deadLetteringOnMessageExpiration: true,
        maxDeliveryCount: cfg.maxReceiveCount,
        lockDuration: `PT${lockSeconds}S`,
        defaultMessageTimeToLive: `P${cfg.retentionDays}D`,
        enableBatchedOperations: true,
    }, { parent, protect, dependsOn: [namespace] });

    const privateEndpoint = premium
        ? createPrivateEndpoint(childName(name, "bus"), parent, {
            resourceGroupName: args.resourceGroupName,
            endpointName: ctx.naming.physical("azure.generic", "bus", "pe"),
            subnetId: args.privateEndpointSubnetId,
            targetId: namespace.id,
            groupId: "namespace",
            dnsZoneId: args.serviceBusDnsZoneId,
            tags: ctx.tags,
        })
        : undefined;

    if (protect) deletionLock(name, parent, namespace.id, `Service Bus namespace ${namespaceName}`);

    const outputs: QueueOutputs = {
        queueId: queue.id,
        deadLetterQueueId: pulumi.output(`${namespaceName}.servicebus.windows.net/${queueName}/$DeadLetterQueue`),
        maxReceiveCount: cfg.maxReceiveCount,
        subscriptionId: pulumi.output(`${namespaceName}.servicebus.windows.net/${queueName}`),
    };
    return { namespace, queue, privateEndpoint, outputs };
}
