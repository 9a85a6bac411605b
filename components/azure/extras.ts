import type * as pulumi from "@pulumi/pulumi";
import type { KeyPurpose } from "../core/contracts";

/** Private DNS zones the platform creates for private endpoints, by service. */
export type PrivateDnsService = "postgres" | "keyVault" | "registry" | "blob" | "serviceBus" | "redis";

/**
 * What the Azure platform stack exports besides the cloud-neutral contracts, for Azure domain
 * stacks (`PlatformOutputs.extras`). The platform components fill it; the domain components read it.
 */
export interface AzurePlatformExtras {
    location: string;
    subscriptionId: pulumi.Output<string>;
    tenantId: pulumi.Output<string>;
    /** Resource group names per concern. */
    resourceGroups: { network: pulumi.Output<string>; cluster: pulumi.Output<string>; shared: pulumi.Output<string> };
    /** Resource group for each domain's resources, by domain name. */
    domainResourceGroups: Record<string, pulumi.Output<string>>;
    vnetId: pulumi.Output<string>;
    subnets: {
        aksNodes: pulumi.Output<string>; privateEndpoints: pulumi.Output<string>; postgres: pulumi.Output<string>;
        /** Delegated to Container Instances, egress through the NAT gateway (one-shot jobs inside the network); absent on older platforms. */
        jobs?: pulumi.Output<string>;
        /** VNet integration subnet of the domains' workers (delegated to Microsoft.App/environments); absent on older platforms. */
        functions?: pulumi.Output<string>;
    };
    privateDnsZoneIds: Record<PrivateDnsService, pulumi.Output<string>>;
    logAnalyticsWorkspaceId: pulumi.Output<string>;
    aksClusterId: pulumi.Output<string>;
    aksClusterName: pulumi.Output<string>;
    acrId: pulumi.Output<string>;
    acrName: pulumi.Output<string>;
    keyVaultId: pulumi.Output<string>;
    /** The vault's URI (`https://<name>.vault.azure.net/`), for customer-managed key settings. */
    keyVaultUri?: pulumi.Output<string>;
    /** Key names in the vault by purpose; reference them without a version so rotations apply. */
    keyNames?: Record<KeyPurpose, pulumi.Output<string>>;
}
