/**
 * The policy list of the landing-zone pack, apart from the PolicyPack construction (index.ts) so
 * tests and the offline plan load it without starting the analyzer server. One policy per file.
 */
import type { LandingZonePolicy } from "./lib/metadata";
import { policy as configureRdsInstances } from "./aws/configure-rds-instances";
import { policy as disallowPublicResourcePolicies } from "./aws/disallow-public-resource-policies";
import { policy as configureCloudwatchLogGroups } from "./aws/configure-cloudwatch-log-groups";
import { policy as configureKmsKeyPolicies } from "./aws/configure-kms-key-policies";
import { policy as configureEc2LaunchTemplates } from "./aws/configure-ec2-launch-templates";
import { policy as disallowPublicIpOnLaunch } from "./aws/disallow-public-ip-on-launch";
import { policy as requireSecurityGroupDescriptions } from "./aws/require-security-group-descriptions";
import { policy as disallowUnrestrictedEgress } from "./aws/disallow-unrestricted-egress";
import { policy as enableCodebuildLogging } from "./aws/enable-codebuild-logging";
import { policy as requireCodepipelineKmsEncryption } from "./aws/require-codepipeline-kms-encryption";
import { policy as configureS3Lifecycle } from "./aws/configure-s3-lifecycle";
import { policy as configureEksNodeGroups } from "./aws/configure-eks-node-groups";
import { policy as configureRdsBackupRetention } from "./aws/configure-rds-backup-retention";
import { policy as disallowAdminIngressFromInternet } from "./aws/disallow-admin-ingress-from-internet";
import { policy as disallowAdminManagedPolicies } from "./aws/disallow-admin-managed-policies";
import { policy as disallowDefaultSecurityGroupRules } from "./aws/disallow-default-security-group-rules";
import { policy as disallowIamStaticCredentials } from "./aws/disallow-iam-static-credentials";
import { policy as disallowPublicEksEndpoint } from "./aws/disallow-public-eks-endpoint";
import { policy as disallowPublicRds } from "./aws/disallow-public-rds";
import { policy as disallowPublicS3Buckets } from "./aws/disallow-public-s3-buckets";
import { policy as disallowStaticDatabasePasswords } from "./aws/disallow-static-database-passwords";
import { policy as disallowWildcardIamPolicies } from "./aws/disallow-wildcard-iam-policies";
import { policy as enableCloudtrailIntegrity } from "./aws/enable-cloudtrail-integrity";
import { policy as enableEksControlPlaneLogging } from "./aws/enable-eks-control-plane-logging";
import { policy as enableElasticacheFailover } from "./aws/enable-elasticache-failover";
import { policy as enableKmsKeyRotation } from "./aws/enable-kms-key-rotation";
import { policy as enableRdsDeletionProtection } from "./aws/enable-rds-deletion-protection";
import { policy as enableS3Versioning } from "./aws/enable-s3-versioning";
import { policy as enforceScpDenies } from "./aws/enforce-scp-denies";
import { policy as enableVpcFlowLogs } from "./aws/enable-vpc-flow-logs";
import { policy as requireAwsNamingConvention } from "./aws/require-aws-naming-convention";
import { policy as requireAwsStandardTags } from "./aws/require-aws-standard-tags";
import { policy as requireCodebuildKmsEncryption } from "./aws/require-codebuild-kms-encryption";
import { policy as requireEcrKmsEncryption } from "./aws/require-ecr-kms-encryption";
import { policy as requireEcrScanningImmutableTags } from "./aws/require-ecr-scanning-immutable-tags";
import { policy as requireEksAccessEntries } from "./aws/require-eks-access-entries";
import { policy as requireEksSecretsEncryption } from "./aws/require-eks-secrets-encryption";
import { policy as requireEksAddonVersions } from "./aws/require-eks-addon-versions";
import { policy as requireEksVersion } from "./aws/require-eks-version";
import { policy as requireElasticacheEncryptionAtRest } from "./aws/require-elasticache-encryption-at-rest";
import { policy as requireElasticacheTls } from "./aws/require-elasticache-tls";
import { policy as requireRdsEncryption } from "./aws/require-rds-encryption";
import { policy as requireS3KmsEncryption } from "./aws/require-s3-kms-encryption";
import { policy as requireSqsDeadLetterQueue } from "./aws/require-sqs-dead-letter-queue";
import { policy as requireSqsKmsEncryption } from "./aws/require-sqs-kms-encryption";
import { policy as configureAksClusterSecurity } from "./azure/configure-aks-cluster-security";
import { policy as configureAcrRegistry } from "./azure/configure-acr-registry";
import { policy as requireAzureServiceBusIdentity } from "./azure/require-azure-service-bus-identity";
import { policy as configureVnetDns } from "./azure/configure-vnet-dns";
import { policy as configureAksNodePools } from "./azure/configure-aks-node-pools";
import { policy as configureAzurePostgresBackups } from "./azure/configure-azure-postgres-backups";
import { policy as disallowAcrAdminUser } from "./azure/disallow-acr-admin-user";
import { policy as disallowAzureAdminIngressFromInternet } from "./azure/disallow-azure-admin-ingress-from-internet";
import { policy as disallowAzureManagedRedisAccessKeys } from "./azure/disallow-azure-managed-redis-access-keys";
import { policy as disallowAzurePrivilegedRoleAssignments } from "./azure/disallow-azure-privileged-role-assignments";
import { policy as disallowAzureServiceBusLocalAuth } from "./azure/disallow-azure-service-bus-local-auth";
import { policy as disallowAzureStorageSharedKeys } from "./azure/disallow-azure-storage-shared-keys";
import { policy as disallowPublicAcr } from "./azure/disallow-public-acr";
import { policy as disallowPublicAksApi } from "./azure/disallow-public-aks-api";
import { policy as disallowPublicAzureManagedRedis } from "./azure/disallow-public-azure-managed-redis";
import { policy as disallowPublicAzurePostgres } from "./azure/disallow-public-azure-postgres";
import { policy as disallowPublicAzureServiceBus } from "./azure/disallow-public-azure-service-bus";
import { policy as disallowPublicAzureStorage } from "./azure/disallow-public-azure-storage";
import { policy as disallowPublicKeyVault } from "./azure/disallow-public-key-vault";
import { policy as enableAksAuditLogs } from "./azure/enable-aks-audit-logs";
import { policy as enableAksWorkloadIdentity } from "./azure/enable-aks-workload-identity";
import { policy as enableAzureManagedRedisHa } from "./azure/enable-azure-managed-redis-ha";
import { policy as enableKeyVaultPurgeProtection } from "./azure/enable-key-vault-purge-protection";
import { policy as enableVnetFlowLogs } from "./azure/enable-vnet-flow-logs";
import { policy as enforceAzurePolicyAssignments } from "./azure/enforce-azure-policy-assignments";
import { policy as requireAksEntraRbac } from "./azure/require-aks-entra-rbac";
import { policy as requireAksStandardTier } from "./azure/require-aks-standard-tier";
import { policy as requireAksUpgradeChannel } from "./azure/require-aks-upgrade-channel";
import { policy as requireAzureManagedRedisTls } from "./azure/require-azure-managed-redis-tls";
import { policy as requireAzureNamingConvention } from "./azure/require-azure-naming-convention";
import { policy as requireAzurePostgresEntraAuth } from "./azure/require-azure-postgres-entra-auth";
import { policy as requireAzureServiceBusDeadLettering } from "./azure/require-azure-service-bus-dead-lettering";
import { policy as requireAzureServiceBusTls } from "./azure/require-azure-service-bus-tls";
import { policy as requireAzureStandardTags } from "./azure/require-azure-standard-tags";
import { policy as requireAzureStorageCmk } from "./azure/require-azure-storage-cmk";
import { policy as requireAzureStorageRedundancy } from "./azure/require-azure-storage-redundancy";
import { policy as requireAzureStorageTls } from "./azure/require-azure-storage-tls";
import { policy as requireKeyVaultKeyRotation } from "./azure/require-key-vault-key-rotation";
import { policy as requireKeyVaultRbac } from "./azure/require-key-vault-rbac";
import { policy as configureCloudSqlLoggingFlags } from "./gcp/configure-cloud-sql-logging-flags";
import { policy as configureGkeClusterSecurity } from "./gcp/configure-gke-cluster-security";
import { policy as configureGkeNodeSecurity } from "./gcp/configure-gke-node-security";
import { policy as disallowGcpProjectImpersonationRoles } from "./gcp/disallow-gcp-project-impersonation-roles";
import { policy as requireArtifactRegistryCmek } from "./gcp/require-artifact-registry-cmek";
import { policy as configureCloudSqlBackups } from "./gcp/configure-cloud-sql-backups";
import { policy as configureGkeNodePools } from "./gcp/configure-gke-node-pools";
import { policy as disallowCloudSqlPasswords } from "./gcp/disallow-cloud-sql-passwords";
import { policy as disallowGcpAdminIngressFromInternet } from "./gcp/disallow-gcp-admin-ingress-from-internet";
import { policy as disallowGcpBasicRoles } from "./gcp/disallow-gcp-basic-roles";
import { policy as disallowGcpPublicIamMembers } from "./gcp/disallow-gcp-public-iam-members";
import { policy as disallowGcpServiceAccountKeys } from "./gcp/disallow-gcp-service-account-keys";
import { policy as disallowPublicCloudSql } from "./gcp/disallow-public-cloud-sql";
import { policy as disallowPublicGcsBuckets } from "./gcp/disallow-public-gcs-buckets";
import { policy as disallowPublicGkeEndpoint } from "./gcp/disallow-public-gke-endpoint";
import { policy as enableCloudSqlDeletionProtection } from "./gcp/enable-cloud-sql-deletion-protection";
import { policy as enableGcpKmsRotation } from "./gcp/enable-gcp-kms-rotation";
import { policy as enableGcpSubnetFlowLogs } from "./gcp/enable-gcp-subnet-flow-logs";
import { policy as enableGcsVersioning } from "./gcp/enable-gcs-versioning";
import { policy as enableGkeControlPlaneLogging } from "./gcp/enable-gke-control-plane-logging";
import { policy as enableGkeWorkloadIdentity } from "./gcp/enable-gke-workload-identity";
import { policy as enforceGcpOrgPolicies } from "./gcp/enforce-gcp-org-policies";
import { policy as enableMemorystoreHa } from "./gcp/enable-memorystore-ha";
import { policy as requireArtifactRegistryScanningImmutableTags } from "./gcp/require-artifact-registry-scanning-immutable-tags";
import { policy as requireCloudSqlTls } from "./gcp/require-cloud-sql-tls";
import { policy as requireGcpNamingConvention } from "./gcp/require-gcp-naming-convention";
import { policy as requireGcpStandardLabels } from "./gcp/require-gcp-standard-labels";
import { policy as requireGcsCmek } from "./gcp/require-gcs-cmek";
import { policy as requireGkeRbacOnly } from "./gcp/require-gke-rbac-only";
import { policy as requireGkeRegionalCluster } from "./gcp/require-gke-regional-cluster";
import { policy as requireGkeReleaseChannel } from "./gcp/require-gke-release-channel";
import { policy as requireMemorystoreAuth } from "./gcp/require-memorystore-auth";
import { policy as requireMemorystoreTls } from "./gcp/require-memorystore-tls";
import { policy as requirePubsubCmek } from "./gcp/require-pubsub-cmek";
import { policy as requirePubsubDeadLetterPolicy } from "./gcp/require-pubsub-dead-letter-policy";
import { policy as disallowClusterComponentsInNamespaces } from "./kubernetes/disallow-cluster-components-in-namespaces";
import { policy as requireRestrictedSecurityContext } from "./kubernetes/require-restricted-security-context";
import { policy as requireContainerResources } from "./kubernetes/require-container-resources";
import { policy as requireContainerProbes } from "./kubernetes/require-container-probes";
import { policy as disallowSecretsInEnv } from "./kubernetes/disallow-secrets-in-env";
import { policy as disallowDefaultServiceAccountTokens } from "./kubernetes/disallow-default-service-account-tokens";
import { policy as disallowKubernetesRbacEscalation } from "./kubernetes/disallow-kubernetes-rbac-escalation";
import { policy as disallowIngressSnippets } from "./kubernetes/disallow-ingress-snippets";
import { policy as disallowDefaultNamespace } from "./kubernetes/disallow-default-namespace";
import { policy as disallowHostNamespaces } from "./kubernetes/disallow-host-namespaces";
import { policy as disallowHostPathVolumes } from "./kubernetes/disallow-host-path-volumes";
import { policy as disallowKubernetesWildcardRbac } from "./kubernetes/disallow-kubernetes-wildcard-rbac";
import { policy as disallowPrivilegedContainers } from "./kubernetes/disallow-privileged-containers";
import { policy as requireNamespaceBaseline } from "./kubernetes/require-namespace-baseline";
import { policy as requireTrustedImages } from "./kubernetes/require-trusted-images";
import { policy as disallowDeprecatedWorkerRuntimes } from "./stack/disallow-deprecated-worker-runtimes";
import { policy as disallowPlaintextWorkerSecrets } from "./stack/disallow-plaintext-worker-secrets";
import { policy as disallowPublicWorkerInvocation } from "./stack/disallow-public-worker-invocation";
import { policy as enableWorkerTracingLogging } from "./stack/enable-worker-tracing-logging";
import { policy as requireWorkerConcurrencyCap } from "./stack/require-worker-concurrency-cap";
import { policy as requireWorkerDeadLettering } from "./stack/require-worker-dead-lettering";
import { policy as requireWorkerTimeoutBelowVisibility } from "./stack/require-worker-timeout-below-visibility";
import { policy as requireWorkersInsideNetwork } from "./stack/require-workers-inside-network";
import { policy as requireDeadLetterQueuesInStack } from "./stack/require-dead-letter-queues-in-stack";
import { policy as requireMultiZoneDatabases } from "./stack/require-multi-zone-databases";
import { policy as requireNetworkPolicyPerNamespace } from "./stack/require-network-policy-per-namespace";
import { policy as requireProtectOnStatefulResources } from "./stack/require-protect-on-stateful-resources";
import { policy as requireReadReplicas } from "./stack/require-read-replicas";
import { policy as requireStandardTagsInProd } from "./stack/require-standard-tags-in-prod";

export const PACK_NAME = "landing-zone";

export const policies: LandingZonePolicy[] = [
    // aws
    configureRdsInstances,
    disallowPublicResourcePolicies,
    configureCloudwatchLogGroups,
    configureKmsKeyPolicies,
    configureEc2LaunchTemplates,
    disallowPublicIpOnLaunch,
    requireSecurityGroupDescriptions,
    disallowUnrestrictedEgress,
    enableCodebuildLogging,
    requireCodepipelineKmsEncryption,
    configureS3Lifecycle,
    configureEksNodeGroups,
    configureRdsBackupRetention,
    disallowAdminIngressFromInternet,
    disallowAdminManagedPolicies,
    disallowDefaultSecurityGroupRules,
    disallowIamStaticCredentials,
    disallowPublicEksEndpoint,
    disallowPublicRds,
    disallowPublicS3Buckets,
    disallowStaticDatabasePasswords,
    disallowWildcardIamPolicies,
    enableCloudtrailIntegrity,
    enableEksControlPlaneLogging,
    enableElasticacheFailover,
    enableKmsKeyRotation,
    enableRdsDeletionProtection,
    enableS3Versioning,
    enforceScpDenies,
    enableVpcFlowLogs,
    requireAwsNamingConvention,
    requireAwsStandardTags,
    requireCodebuildKmsEncryption,
    requireEcrKmsEncryption,
    requireEcrScanningImmutableTags,
    requireEksAccessEntries,
    requireEksSecretsEncryption,
    requireEksAddonVersions,
    requireEksVersion,
    requireElasticacheEncryptionAtRest,
    requireElasticacheTls,
    requireRdsEncryption,
    requireS3KmsEncryption,
    requireSqsDeadLetterQueue,
    requireSqsKmsEncryption,
    // azure
    configureAksClusterSecurity,
    configureAcrRegistry,
    requireAzureServiceBusIdentity,
    configureVnetDns,
    configureAksNodePools,
    configureAzurePostgresBackups,
    disallowAcrAdminUser,
    disallowAzureAdminIngressFromInternet,
    disallowAzureManagedRedisAccessKeys,
    disallowAzurePrivilegedRoleAssignments,
    disallowAzureServiceBusLocalAuth,
    disallowAzureStorageSharedKeys,
    disallowPublicAcr,
    disallowPublicAksApi,
    disallowPublicAzureManagedRedis,
    disallowPublicAzurePostgres,
    disallowPublicAzureServiceBus,
    disallowPublicAzureStorage,
    disallowPublicKeyVault,
    enableAksAuditLogs,
    enableAksWorkloadIdentity,
    enableAzureManagedRedisHa,
    enableKeyVaultPurgeProtection,
    enableVnetFlowLogs,
    enforceAzurePolicyAssignments,
    requireAksEntraRbac,
    requireAksStandardTier,
    requireAksUpgradeChannel,
    requireAzureManagedRedisTls,
    requireAzureNamingConvention,
    requireAzurePostgresEntraAuth,
    requireAzureServiceBusDeadLettering,
    requireAzureServiceBusTls,
    requireAzureStandardTags,
    requireAzureStorageCmk,
    requireAzureStorageRedundancy,
    requireAzureStorageTls,
    requireKeyVaultKeyRotation,
    requireKeyVaultRbac,
    // gcp
    configureCloudSqlLoggingFlags,
    configureGkeClusterSecurity,
    configureGkeNodeSecurity,
    disallowGcpProjectImpersonationRoles,
    requireArtifactRegistryCmek,
    configureCloudSqlBackups,
    configureGkeNodePools,
    disallowCloudSqlPasswords,
    disallowGcpAdminIngressFromInternet,
    disallowGcpBasicRoles,
    disallowGcpPublicIamMembers,
    disallowGcpServiceAccountKeys,
    disallowPublicCloudSql,
    disallowPublicGcsBuckets,
    disallowPublicGkeEndpoint,
    enableCloudSqlDeletionProtection,
    enableGcpKmsRotation,
    enableGcpSubnetFlowLogs,
    enableGcsVersioning,
    enableGkeControlPlaneLogging,
    enableGkeWorkloadIdentity,
    enforceGcpOrgPolicies,
    enableMemorystoreHa,
    requireArtifactRegistryScanningImmutableTags,
    requireCloudSqlTls,
    requireGcpNamingConvention,
    requireGcpStandardLabels,
    requireGcsCmek,
    requireGkeRbacOnly,
    requireGkeRegionalCluster,
    requireGkeReleaseChannel,
    requireMemorystoreAuth,
    requireMemorystoreTls,
    requirePubsubCmek,
    requirePubsubDeadLetterPolicy,
    // kubernetes
    disallowClusterComponentsInNamespaces,
    requireRestrictedSecurityContext,
    requireContainerResources,
    requireContainerProbes,
    disallowSecretsInEnv,
    disallowDefaultServiceAccountTokens,
    disallowKubernetesRbacEscalation,
    disallowIngressSnippets,
    disallowDefaultNamespace,
    disallowHostNamespaces,
    disallowHostPathVolumes,
    disallowKubernetesWildcardRbac,
    disallowPrivilegedContainers,
    requireNamespaceBaseline,
    requireTrustedImages,
    // stack
    requireDeadLetterQueuesInStack,
    requireMultiZoneDatabases,
    requireNetworkPolicyPerNamespace,
    requireProtectOnStatefulResources,
    requireReadReplicas,
    requireStandardTagsInProd,
    // stack: serverless workers on every cloud
    disallowPublicWorkerInvocation,
    requireWorkerTimeoutBelowVisibility,
    requireWorkerConcurrencyCap,
    requireWorkerDeadLettering,
    disallowPlaintextWorkerSecrets,
    disallowDeprecatedWorkerRuntimes,
    requireWorkersInsideNetwork,
    enableWorkerTracingLogging,
];
