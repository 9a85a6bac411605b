import { UNKNOWN, res } from "../helpers";
import type { ResourceCase, StackCase } from "./types";

const tags = { "landing-zone": "acme", environment: "prod", domain: "orders", owner: "orders-team", "managed-by": "pulumi" };

export const azureResourceCases: ResourceCase[] = [
    {
        policy: "configure-aks-cluster-security", type: "azure-native:containerservice:ManagedCluster",
        inputs: {
            networkProfile: { networkPlugin: "azure", networkPolicy: "cilium" },
            addonProfiles: { azurepolicy: { enabled: true }, azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: "true" } } },
            agentPoolProfiles: [{ name: "system", mode: "System", type: "VirtualMachineScaleSets", enableNodePublicIP: false, nodeTaints: ["CriticalAddonsOnly=true:NoSchedule"] }],
        },
        violations: [
            { set: { "networkProfile.networkPolicy": undefined }, expect: /NetworkPolicy is not enforced/ },
            { set: { "networkProfile.networkPolicy": "none" }, expect: /NetworkPolicy is not enforced/ },
            { set: { "addonProfiles.azurepolicy": undefined }, expect: /Azure Policy add-on is off/ },
            { set: { "addonProfiles.azurepolicy.enabled": false }, expect: /Azure Policy add-on is off/ },
            { set: { "addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation": "false" }, expect: /does not rotate mounted secrets/ },
            { set: { "addonProfiles.azureKeyvaultSecretsProvider": undefined }, expect: /does not rotate mounted secrets/ },
            { set: { "addonProfiles.kubeDashboard": { enabled: true } }, expect: /dashboard add-on is on/ },
            { set: { "addonProfiles.httpApplicationRouting": { enabled: true } }, expect: /HTTP application routing is on/ },
            { set: { "agentPoolProfiles.0.enableNodePublicIP": true }, expect: /node pool system gives nodes public IPs/ },
            { set: { "agentPoolProfiles.0.type": "AvailabilitySet" }, expect: /uses availability sets/ },
            { set: { "agentPoolProfiles.0.maxPods": 30 }, expect: /allows 30 pods per node, needs >= 50/ },
            { set: { "agentPoolProfiles.0.nodeTaints": undefined }, expect: /system pool that also runs workloads/ },
            { type: "azure-native:containerservice:AgentPool", set: { agentPoolName: "apps", mode: "User", enableNodePublicIP: true }, expect: /node pool apps gives nodes public IPs/ },
        ],
        unknown: [{ path: "addonProfiles", expect: "deferred" }],
    },
    {
        policy: "configure-acr-registry", type: "azure-native:containerregistry:Registry",
        inputs: { sku: { name: "Premium" }, policies: { retentionPolicy: { status: "enabled", days: 7 } }, zoneRedundancy: "Enabled", dataEndpointEnabled: true },
        violations: [
            { set: { "sku.name": "Basic" }, expect: /sku Basic is below Standard/ },
            { set: { "policies.retentionPolicy.status": "disabled" }, expect: /untagged manifests are kept forever/ },
            { set: { policies: undefined }, expect: /untagged manifests are kept forever/ },
            { set: { zoneRedundancy: "Disabled" }, expect: /zoneRedundancy is Disabled/ },
            { set: { zoneRedundancy: undefined }, expect: /zoneRedundancy is unset/ },
            { set: { dataEndpointEnabled: false }, expect: /dedicated data endpoints are off/ },
        ],
        unknown: [{ path: "sku", expect: "deferred" }],
    },
    {
        policy: "require-azure-service-bus-identity", type: "azure-native:servicebus:Namespace", inputs: { identity: { type: "SystemAssigned" } },
        violations: [{ set: { identity: undefined }, expect: /no managed identity/ }, { set: { "identity.type": "None" }, expect: /no managed identity/ }],
        unknown: [{ path: "identity", expect: "deferred" }],
    },
    {
        policy: "configure-vnet-dns", type: "azure-native:network:VirtualNetwork",
        inputs: { addressSpace: { addressPrefixes: ["10.40.0.0/16"] }, dhcpOptions: { dnsServers: ["10.40.0.4", "10.40.0.5"] } },
        violations: [
            { set: { "dhcpOptions.dnsServers": ["10.40.0.4"] }, expect: /one DNS server \(10\.40\.0\.4\) is a single point of failure/ },
            { set: { "dhcpOptions.dnsServers": ["10.40.0.4", "8.8.8.8"] }, expect: /DNS servers 8\.8\.8\.8 are outside/ },
        ],
        unknown: [{ path: "dhcpOptions.dnsServers", expect: "deferred" }],
    },
    {
        policy: "disallow-public-azure-storage", type: "azure-native:storage:StorageAccount", inputs: { allowBlobPublicAccess: false, publicNetworkAccess: "Disabled" },
        violations: [
            { set: { allowBlobPublicAccess: true }, expect: /allowBlobPublicAccess is not false/ },
            { set: { publicNetworkAccess: "Enabled" }, expect: /publicNetworkAccess is Enabled/ },
            { type: "azure-native:storage:BlobContainer", set: { publicAccess: "Blob" }, expect: /container publicAccess is Blob/ },
        ],
        unknown: [{ path: "allowBlobPublicAccess", expect: "deferred" }],
    },
    {
        policy: "require-azure-storage-tls", type: "azure-native:storage:StorageAccount", inputs: { enableHttpsTrafficOnly: true, minimumTlsVersion: "TLS1_2" },
        violations: [{ set: { enableHttpsTrafficOnly: false }, expect: /enableHttpsTrafficOnly is false/ }, { set: { minimumTlsVersion: "TLS1_0" }, expect: /TLS1_0/ }],
        unknown: [{ path: "minimumTlsVersion", expect: "deferred" }],
    },
    {
        policy: "require-azure-storage-cmk", type: "azure-native:storage:StorageAccount",
        inputs: { encryption: { keySource: "Microsoft.Keyvault", keyVaultProperties: { keyName: "storage", keyVaultUri: UNKNOWN } } },
        violations: [{ set: { encryption: undefined }, expect: /Microsoft.Storage/ }, { set: { "encryption.keyVaultProperties": {} }, expect: /keyName is not set/ }],
        unknown: [{ path: "encryption.keySource", expect: "deferred" }, { path: "encryption.keyVaultProperties.keyName", expect: "pass" }],
    },
    {
        policy: "disallow-azure-storage-shared-keys", type: "azure-native:storage:StorageAccount", inputs: { allowSharedKeyAccess: false },
        violations: [
            { set: { allowSharedKeyAccess: true }, expect: /allowSharedKeyAccess is not false/ },
            { set: { allowSharedKeyAccess: undefined }, expect: /not false/ },
            { set: { isLocalUserEnabled: true }, expect: /local users .* are enabled/ },
        ],
        unknown: [{ path: "allowSharedKeyAccess", expect: "deferred" }],
    },
    {
        policy: "require-azure-storage-redundancy", type: "azure-native:storage:StorageAccount", inputs: { sku: { name: "Standard_GZRS" } },
        violations: [{ set: { "sku.name": "Standard_LRS" }, expect: /Standard_LRS/ }],
        unknown: [{ path: "sku", expect: "deferred" }],
    },
    {
        policy: "disallow-public-azure-postgres", type: "azure-native:dbforpostgresql:Server", inputs: { network: { delegatedSubnetResourceId: UNKNOWN, privateDnsZoneArmResourceId: UNKNOWN } },
        violations: [{ set: { network: { publicNetworkAccess: "Enabled" } }, expect: /publicNetworkAccess is Enabled/ }, { set: { network: undefined }, expect: /unset \(Enabled\)/ }],
        unknown: [{ path: "network", expect: "deferred" }],
    },
    {
        policy: "configure-azure-postgres-backups", type: "azure-native:dbforpostgresql:Server", inputs: { backup: { backupRetentionDays: 14, geoRedundantBackup: "Enabled" } }, config: { minDays: 14 },
        violations: [
            { set: { "backup.backupRetentionDays": 7 }, expect: /is 7, needs >= 14/ },
            { set: { "backup.backupRetentionDays": undefined }, expect: /unset \(7\), needs >= 14/ },
            { set: { "backup.geoRedundantBackup": "Disabled" }, expect: /geoRedundantBackup is Disabled/ },
            { set: { "backup.geoRedundantBackup": undefined }, expect: /geoRedundantBackup is unset/ },
        ],
        unknown: [{ path: "backup.backupRetentionDays", expect: "deferred" }],
    },
    {
        policy: "require-azure-postgres-entra-auth", type: "azure-native:dbforpostgresql:Server", inputs: { authConfig: { activeDirectoryAuth: "Enabled", passwordAuth: "Disabled" } },
        violations: [
            { set: { administratorLoginPassword: "hunter2" }, expect: /administratorLoginPassword is set/ },
            { set: { "authConfig.passwordAuth": "Enabled" }, expect: /passwordAuth is not Disabled/ },
            { set: { "authConfig.activeDirectoryAuth": "Disabled" }, expect: /activeDirectoryAuth is not Enabled/ },
        ],
        unknown: [{ path: "authConfig", expect: "deferred" }, { path: "administratorLoginPassword", expect: "fires" }],
    },
    {
        policy: "disallow-public-azure-service-bus", type: "azure-native:servicebus:Namespace", inputs: { publicNetworkAccess: "Disabled" },
        violations: [{ set: { publicNetworkAccess: "Enabled" }, expect: /Enabled/ }], unknown: [{ path: "publicNetworkAccess", expect: "deferred" }],
    },
    {
        policy: "disallow-azure-service-bus-local-auth", type: "azure-native:servicebus:Namespace", inputs: { disableLocalAuth: true },
        violations: [{ set: { disableLocalAuth: false }, expect: /disableLocalAuth/ }], unknown: [{ path: "disableLocalAuth", expect: "deferred" }],
    },
    {
        policy: "require-azure-service-bus-tls", type: "azure-native:servicebus:Namespace", inputs: { minimumTlsVersion: "1.2" },
        violations: [{ set: { minimumTlsVersion: "1.0" }, expect: /1\.0/ }], unknown: [{ path: "minimumTlsVersion", expect: "deferred" }],
    },
    {
        policy: "require-azure-service-bus-dead-lettering", type: "azure-native:servicebus:Queue", inputs: { deadLetteringOnMessageExpiration: true, maxDeliveryCount: 5 },
        violations: [{ set: { deadLetteringOnMessageExpiration: false }, expect: /deadLetteringOnMessageExpiration/ }, { set: { maxDeliveryCount: undefined }, expect: /maxDeliveryCount/ }],
        unknown: [{ path: "maxDeliveryCount", expect: "deferred" }],
    },
    {
        policy: "require-azure-managed-redis-tls", type: "azure-native:redisenterprise:RedisEnterprise", inputs: { minimumTlsVersion: "1.2", clientProtocol: "Encrypted" },
        violations: [
            { set: { minimumTlsVersion: "1.1" }, expect: /minimumTlsVersion is 1\.1/ },
            { set: { minimumTlsVersion: undefined }, expect: /minimumTlsVersion is unset/ },
            { type: "azure-native:redisenterprise:Database", set: { clientProtocol: "Plaintext" }, expect: /clientProtocol is Plaintext/ },
        ],
        unknown: [{ path: "minimumTlsVersion", expect: "deferred" }],
    },
    {
        policy: "disallow-public-azure-managed-redis", type: "azure-native:redisenterprise:RedisEnterprise", inputs: { publicNetworkAccess: "Disabled" },
        violations: [{ set: { publicNetworkAccess: "Enabled" }, expect: /publicNetworkAccess is Enabled/ }, { set: { publicNetworkAccess: undefined }, expect: /unset/ }],
        unknown: [{ path: "publicNetworkAccess", expect: "deferred" }],
    },
    {
        policy: "disallow-azure-managed-redis-access-keys", type: "azure-native:redisenterprise:Database", inputs: { accessKeysAuthentication: "Disabled" },
        violations: [
            { set: { accessKeysAuthentication: "Enabled" }, expect: /accessKeysAuthentication is Enabled/ },
            { set: { accessKeysAuthentication: undefined }, expect: /accessKeysAuthentication is unset/ },
        ],
        unknown: [{ path: "accessKeysAuthentication", expect: "deferred" }],
    },
    {
        policy: "enable-azure-managed-redis-ha", type: "azure-native:redisenterprise:RedisEnterprise", inputs: { highAvailability: "Enabled", zones: ["1", "2", "3"] },
        violations: [{ set: { highAvailability: "Disabled" }, expect: /highAvailability is Disabled/ }, { set: { zones: ["1"] }, expect: /does not span >= 2 zones/ }],
        unknown: [{ path: "highAvailability", expect: "deferred" }],
    },
    {
        policy: "disallow-public-aks-api", type: "azure-native:containerservice:ManagedCluster", inputs: { apiServerAccessProfile: { enablePrivateCluster: true } },
        violations: [
            { set: { apiServerAccessProfile: { enablePrivateCluster: false } }, expect: /public to 0\.0\.0\.0\/0/ },
            { set: { apiServerAccessProfile: { authorizedIPRanges: ["0.0.0.0/0"] } }, expect: /public/ },
        ],
        unknown: [{ path: "apiServerAccessProfile.enablePrivateCluster", expect: "deferred" }],
    },
    {
        policy: "require-aks-entra-rbac", type: "azure-native:containerservice:ManagedCluster",
        inputs: { enableRBAC: true, aadProfile: { managed: true, enableAzureRBAC: true }, disableLocalAccounts: true },
        violations: [
            { set: { enableRBAC: false }, expect: /RBAC is off/ },
            { set: { "aadProfile.enableAzureRBAC": false }, expect: /Entra ID integration/ },
            { set: { disableLocalAccounts: false }, expect: /local accounts are enabled/ },
        ],
        unknown: [{ path: "disableLocalAccounts", expect: "deferred" }],
    },
    {
        policy: "enable-aks-workload-identity", type: "azure-native:containerservice:ManagedCluster",
        inputs: { oidcIssuerProfile: { enabled: true }, securityProfile: { workloadIdentity: { enabled: true } } },
        violations: [{ set: { oidcIssuerProfile: undefined }, expect: /OIDC issuer is off/ }, { set: { securityProfile: {} }, expect: /workload identity is off/ }],
        unknown: [{ path: "securityProfile", expect: "deferred" }],
    },
    {
        policy: "configure-aks-node-pools", type: "azure-native:containerservice:ManagedCluster",
        inputs: { agentPoolProfiles: [{ name: "system", availabilityZones: ["1", "2", "3"], enableAutoScaling: true, minCount: 3, maxCount: 5 }] },
        violations: [
            { set: { "agentPoolProfiles.0.availabilityZones": ["1"] }, expect: /node pool system spans 1 zone/ },
            { set: { "agentPoolProfiles.0.minCount": 1 }, expect: /keeps 1 node/ },
            { type: "azure-native:containerservice:AgentPool", set: { agentPoolProfiles: undefined, agentPoolName: "user", availabilityZones: ["1", "2"], count: 1 }, expect: /node pool user keeps 1/ },
        ],
        unknown: [{ path: "agentPoolProfiles.0.minCount", expect: "deferred" }],
    },
    {
        policy: "require-aks-upgrade-channel", type: "azure-native:containerservice:ManagedCluster", inputs: { kubernetesVersion: "1.34", autoUpgradeProfile: { upgradeChannel: "patch" } },
        violations: [{ set: { kubernetesVersion: undefined }, expect: /not pinned/ }, { set: { "autoUpgradeProfile.upgradeChannel": "none" }, expect: /upgradeChannel is none/ }],
        unknown: [{ path: "autoUpgradeProfile", expect: "deferred" }],
    },
    {
        policy: "require-aks-standard-tier", type: "azure-native:containerservice:ManagedCluster", inputs: { sku: { name: "Base", tier: "Standard" } },
        violations: [{ set: { "sku.tier": "Free" }, expect: /Free/ }], unknown: [{ path: "sku.tier", expect: "deferred" }],
    },
    {
        policy: "enforce-azure-policy-assignments", type: "azure-native:authorization:PolicyAssignment",
        inputs: { enforcementMode: "Default", policyDefinitionId: "/providers/Microsoft.Authorization/policyDefinitions/e56962a6-4747-49cd-b67b-bf8b01975c4c" },
        violations: [{ set: { enforcementMode: "DoNotEnforce" }, expect: /DoNotEnforce: it reports but does not deny/ }],
        unknown: [{ path: "enforcementMode", expect: "deferred" }],
    },
    {
        policy: "disallow-acr-admin-user", type: "azure-native:containerregistry:Registry", inputs: { adminUserEnabled: false },
        violations: [{ set: { adminUserEnabled: true }, expect: /admin user is enabled/ }], unknown: [{ path: "adminUserEnabled", expect: "deferred" }],
    },
    {
        policy: "disallow-public-acr", type: "azure-native:containerregistry:Registry", inputs: { publicNetworkAccess: "Disabled", anonymousPullEnabled: false },
        violations: [{ set: { publicNetworkAccess: "Enabled" }, expect: /Enabled/ }, { set: { anonymousPullEnabled: true }, expect: /anonymous pull/ }],
        unknown: [{ path: "publicNetworkAccess", expect: "deferred" }],
    },
    {
        policy: "enable-key-vault-purge-protection", type: "azure-native:keyvault:Vault", protect: true,
        inputs: { properties: { enablePurgeProtection: true, softDeleteRetentionInDays: 90 } },
        violations: [
            { set: { "properties.enablePurgeProtection": false }, expect: /purge protection is off/ },
            { set: { "properties.softDeleteRetentionInDays": 3 }, expect: /softDeleteRetentionInDays is 3/ },
            { set: { "properties.enableSoftDelete": false }, expect: /soft delete is off/ },
            { protect: false, expect: /not protected/ },
        ],
        unknown: [{ path: "properties.enablePurgeProtection", expect: "deferred" }],
    },
    {
        policy: "disallow-public-key-vault", type: "azure-native:keyvault:Vault", inputs: { properties: { publicNetworkAccess: "Disabled" } },
        violations: [{ set: { properties: { publicNetworkAccess: "Enabled", networkAcls: { defaultAction: "Allow" } } }, expect: /any network/ }],
        unknown: [{ path: "properties.publicNetworkAccess", expect: "deferred" }],
    },
    {
        policy: "require-key-vault-rbac", type: "azure-native:keyvault:Vault", inputs: { properties: { enableRbacAuthorization: true } },
        violations: [{ set: { "properties.enableRbacAuthorization": false }, expect: /enableRbacAuthorization/ }], unknown: [{ path: "properties", expect: "deferred" }],
    },
    {
        policy: "require-key-vault-key-rotation", type: "azure-native:keyvault:Key",
        inputs: { properties: { rotationPolicy: { lifetimeActions: [{ action: { type: "rotate" }, trigger: { timeAfterCreate: "P365D" } }] } } },
        violations: [
            { set: { "properties.rotationPolicy": undefined }, expect: /no rotation policy/ },
            { set: { "properties.rotationPolicy.lifetimeActions": [{ action: { type: "rotate" }, trigger: { timeAfterCreate: "P2Y" } }] }, expect: /730 days/ },
        ],
        unknown: [{ path: "properties.rotationPolicy", expect: "deferred" }],
    },
    {
        policy: "disallow-azure-privileged-role-assignments", type: "azure-native:authorization:RoleAssignment",
        inputs: { roleDefinitionId: "/providers/Microsoft.Authorization/roleDefinitions/7f951dda-4ed3-4680-a7ca-43fe172d538d", principalId: UNKNOWN, scope: UNKNOWN },
        violations: [
            { set: { roleDefinitionId: "/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635" }, expect: /grants Owner/ },
            { set: { roleDefinitionId: "/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c" }, expect: /grants Contributor/ },
            { type: "azure-native:authorization:RoleDefinition", set: { permissions: [{ actions: ["*"] }] }, expect: /allows "\*" actions/ },
        ],
        unknown: [{ path: "roleDefinitionId", expect: "deferred" }],
    },
    {
        policy: "disallow-azure-admin-ingress-from-internet", type: "azure-native:network:NetworkSecurityGroup",
        inputs: { securityRules: [{ name: "https", direction: "Inbound", access: "Allow", protocol: "Tcp", priority: 100, sourceAddressPrefix: "Internet", destinationPortRange: "443" }] },
        violations: [
            { set: { "securityRules.0.destinationPortRange": "22" }, expect: /rule https admits the internet to port 22/ },
            { set: { "securityRules.0.destinationPortRange": "*" }, expect: /port \*/ },
            { type: "azure-native:network:SecurityRule", set: { securityRules: undefined, name: "rdp", direction: "Inbound", access: "Allow", sourceAddressPrefix: "0.0.0.0/0", destinationPortRanges: ["3380-3390"] }, expect: /3380-3390/ },
            { set: { "securityRules.0.destinationPortRange": "80" }, expect: /admits the internet to port 80/ },
            { set: { "securityRules.0.protocol": "Udp" }, expect: /rule https admits the internet over UDP/ },
            { set: { "securityRules.0.protocol": "*" }, expect: /over any protocol/ },
        ],
        unknown: [{ path: "securityRules.0.sourceAddressPrefix", expect: "deferred" }],
    },
    {
        policy: "require-azure-standard-tags", type: "azure-native:storage:StorageAccount", inputs: { tags },
        violations: [{ set: { tags: { owner: "x" } }, expect: /landing-zone, environment, domain, managed-by are missing/ }, { set: { tags: undefined }, expect: /owner/ }],
        unknown: [{ path: "tags", expect: "deferred" }],
    },
    {
        policy: "require-azure-naming-convention", type: "azure-native:storage:StorageAccount", inputs: { accountName: "acmeprodordersdata1x2" },
        config: { prefix: "acme", environment: "prod" },
        violations: [{ set: { accountName: "acme-prod-data" }, expect: /breaks the azure.storageAccount rule/ }, { set: { accountName: "ordersdata" }, expect: /<prefix><environment>/ }],
        unknown: [{ path: "accountName", expect: "deferred" }],
    },
];

const cluster = () => res("azure-native:containerservice:ManagedCluster", "cluster-aks", {});
const diagnostics = (c: ReturnType<typeof cluster>, category: unknown) =>
    res("azure-native:monitor:DiagnosticSetting", "cluster-diagnostics", { resourceUri: UNKNOWN, workspaceId: UNKNOWN, logs: [{ category, enabled: true }] }, { dependsOn: [c] });

const vnet = () => res("azure-native:network:VirtualNetwork", "network-vnet", {});
const vnetFlowLog = (v: ReturnType<typeof vnet>, enabled: unknown) => res("azure-native:network:FlowLog", "network-flow-log", { targetResourceId: UNKNOWN, enabled }, { dependsOn: [v] });

export const azureStackCases: StackCase[] = [
    {
        policy: "enable-vnet-flow-logs",
        compliant: () => { const v = vnet(); return [v, vnetFlowLog(v, true)]; },
        violations: [
            { name: "no flow log", resources: () => [vnet()], expect: /virtual network network-vnet has no flow log/ },
            { name: "disabled", resources: () => { const v = vnet(); return [v, vnetFlowLog(v, false)]; }, expect: /flow log disabled/ },
        ],
        unknown: [{ name: "enabled unknown", resources: () => { const v = vnet(); return [v, vnetFlowLog(v, UNKNOWN)]; }, expect: "deferred" }],
    },
    {
        policy: "enable-aks-audit-logs",
        compliant: () => { const c = cluster(); return [c, diagnostics(c, "kube-audit-admin")]; },
        violations: [
            { name: "no diagnostic setting", resources: () => [cluster()], expect: /cluster cluster-aks sends no audit logs/ },
            { name: "no audit category", resources: () => { const c = cluster(); return [c, diagnostics(c, "kube-apiserver")]; }, expect: /sends no audit logs/ },
        ],
        unknown: [{ name: "logs unknown", resources: () => { const c = cluster(); return [c, res("azure-native:monitor:DiagnosticSetting", "d", { logs: UNKNOWN }, { dependsOn: [c] })]; }, expect: "deferred" }],
    },
];
