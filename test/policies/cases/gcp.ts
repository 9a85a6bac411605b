import { UNKNOWN, res } from "../helpers";
import type { ResourceCase, StackCase } from "./types";

const labels = { "landing-zone": "acme", environment: "prod", domain: "orders", owner: "orders-team", "managed-by": "pulumi" };

const FLAGS: Record<string, string> = {
    "cloudsql.iam_authentication": "on", "cloudsql.enable_pgaudit": "on", log_checkpoints: "on", log_connections: "on", log_disconnections: "on", log_hostname: "on", log_lock_waits: "on",
    log_min_duration_statement: "-1", log_min_error_statement: "error", log_min_messages: "warning", log_statement: "ddl", log_temp_files: "0",
};

export const gcpResourceCases: ResourceCase[] = [
    {
        policy: "disallow-gcp-project-impersonation-roles", type: "gcp:projects/iAMMember:IAMMember", inputs: { project: "p", role: "roles/logging.logWriter", member: "serviceAccount:build@p.iam.gserviceaccount.com" },
        violations: [
            { set: { role: "roles/iam.serviceAccountUser" }, expect: /roles\/iam\.serviceAccountUser is granted at project level/ },
            { set: { role: "roles/iam.serviceAccountTokenCreator" }, expect: /serviceAccountTokenCreator is granted at project level/ },
            { set: { role: "roles/container.serviceAgent" }, expect: /serviceAgent is granted at project level/ },
            { set: { member: "serviceAccount:123-compute@developer.gserviceaccount.com" }, expect: /granted to the default service account/ },
            { set: { member: "serviceAccount:p@appspot.gserviceaccount.com" }, expect: /default service account/ },
        ],
        unknown: [{ path: "role", expect: "deferred" }, { path: "member", expect: "deferred" }],
    },
    {
        policy: "require-artifact-registry-cmek", type: "gcp:artifactregistry/repository:Repository", inputs: { format: "DOCKER", kmsKeyName: "projects/p/locations/l/keyRings/r/cryptoKeys/k" },
        violations: [{ set: { kmsKeyName: undefined }, expect: /Google-managed keys/ }],
        unknown: [{ path: "kmsKeyName", expect: "pass" }],
    },
    {
        policy: "configure-cloud-sql-logging-flags", type: "gcp:sql/databaseInstance:DatabaseInstance",
        inputs: { databaseVersion: "POSTGRES_17", settings: { databaseFlags: Object.entries(FLAGS).map(([name, value]) => ({ name, value })) } },
        violations: [
            ...Object.keys(FLAGS).filter((n) => n !== "cloudsql.iam_authentication").map((name) => ({ set: { "settings.databaseFlags": Object.entries(FLAGS).filter(([n]) => n !== name).map(([n, value]) => ({ name: n, value })) }, expect: new RegExp(`database flag ${name.replace(".", "\\.")} is unset`) })),
            ...Object.keys(FLAGS).filter((n) => n !== "cloudsql.iam_authentication").map((name) => ({ set: { "settings.databaseFlags": Object.entries(FLAGS).map(([n, value]) => ({ name: n, value: n === name ? "bogus" : value })) }, expect: new RegExp(`database flag ${name.replace(".", "\\.")} is bogus`) })),
            { set: { "settings.databaseFlags": Object.entries({ ...FLAGS, log_min_duration_statement: "1000" }).map(([name, value]) => ({ name, value })) }, expect: /log_min_duration_statement is 1000, needs -1/ },
            { set: { "settings.databaseFlags": Object.entries({ ...FLAGS, log_statement: "none" }).map(([name, value]) => ({ name, value })) }, expect: /log_statement is none/ },
            { set: { "settings.databaseFlags": Object.entries({ ...FLAGS, log_min_error_statement: "fatal" }).map(([name, value]) => ({ name, value })) }, expect: /log_min_error_statement is fatal/ },
        ],
        unknown: [{ path: "settings.databaseFlags", expect: "deferred" }],
    },
    {
        policy: "configure-gke-cluster-security", type: "gcp:container/cluster:Cluster",
        inputs: {
            datapathProvider: "ADVANCED_DATAPATH", ipAllocationPolicy: { clusterSecondaryRangeName: "pods", servicesSecondaryRangeName: "services" }, enableIntranodeVisibility: true,
            enableShieldedNodes: true, resourceLabels: labels, removeDefaultNodePool: true, initialNodeCount: 1,
        },
        violations: [
            { set: { datapathProvider: "LEGACY_DATAPATH" }, expect: /NetworkPolicy is not enforced/ },
            { set: { datapathProvider: undefined, networkPolicy: { enabled: false } }, expect: /NetworkPolicy is not enforced/ },
            { set: { ipAllocationPolicy: undefined }, expect: /not VPC-native/ },
            { set: { enableIntranodeVisibility: undefined }, expect: /intranode visibility is off/ },
            { set: { enableShieldedNodes: false }, expect: /shielded nodes are off/ },
            { set: { monitoringService: "none" }, expect: /monitoring is off/ },
            { set: { resourceLabels: undefined }, expect: /no resourceLabels/ },
            { set: { resourceLabels: {} }, expect: /no resourceLabels/ },
            { set: { removeDefaultNodePool: undefined }, expect: /node pools are defined inline/ },
            { set: { nodePools: [{ name: "default" }] }, expect: /node pools are defined inline/ },
        ],
        unknown: [{ path: "enableIntranodeVisibility", expect: "deferred" }],
    },
    {
        policy: "configure-gke-cluster-security", type: "gcp:container/cluster:Cluster",
        inputs: { networkPolicy: { enabled: true, provider: "CALICO" }, ipAllocationPolicy: {}, enableIntranodeVisibility: true, resourceLabels: labels, removeDefaultNodePool: true },
        violations: [{ set: { "networkPolicy.enabled": false }, expect: /NetworkPolicy is not enforced/ }],
        unknown: [{ path: "networkPolicy.enabled", expect: "deferred" }],
    },
    {
        policy: "configure-gke-node-security", type: "gcp:container/nodePool:NodePool",
        inputs: { nodeConfig: { imageType: "COS_CONTAINERD", shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true } } },
        violations: [
            { set: { "nodeConfig.imageType": "UBUNTU_CONTAINERD" }, expect: /UBUNTU_CONTAINERD, not Container-Optimized OS/ },
            { set: { "nodeConfig.shieldedInstanceConfig.enableSecureBoot": false }, expect: /Secure Boot is off/ },
            { set: { "nodeConfig.shieldedInstanceConfig": undefined }, expect: /Secure Boot is off/ },
            { set: { "nodeConfig.shieldedInstanceConfig.enableIntegrityMonitoring": false }, expect: /integrity monitoring is off/ },
        ],
        unknown: [{ path: "nodeConfig.shieldedInstanceConfig", expect: "deferred" }],
    },
    {
        policy: "disallow-public-gcs-buckets", type: "gcp:storage/bucket:Bucket", inputs: { publicAccessPrevention: "enforced", uniformBucketLevelAccess: true },
        violations: [{ set: { publicAccessPrevention: "inherited" }, expect: /inherited/ }, { set: { uniformBucketLevelAccess: false }, expect: /uniformBucketLevelAccess/ }],
        unknown: [{ path: "publicAccessPrevention", expect: "deferred" }],
    },
    {
        policy: "disallow-gcp-public-iam-members", type: "gcp:storage/bucketIAMMember:BucketIAMMember", inputs: { role: "roles/storage.objectViewer", member: "serviceAccount:app@p.iam.gserviceaccount.com" },
        violations: [
            { set: { member: "allUsers" }, expect: /granted to allUsers/ },
            { type: "gcp:pubsub/topicIAMBinding:TopicIAMBinding", set: { member: undefined, members: ["group:a@b.c", "allAuthenticatedUsers"] }, expect: /allAuthenticatedUsers/ },
            { type: "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", set: { role: "roles/cloudkms.cryptoKeyDecrypter", member: "allUsers" }, expect: /cryptoKeyDecrypter is granted to allUsers/ },
        ],
        unknown: [{ path: "member", expect: "deferred" }],
    },
    {
        policy: "require-gcs-cmek", type: "gcp:storage/bucket:Bucket", inputs: { encryption: { defaultKmsKeyName: UNKNOWN } },
        violations: [{ set: { encryption: undefined }, expect: /Google-managed keys/ }], unknown: [{ path: "encryption.defaultKmsKeyName", expect: "pass" }],
    },
    {
        policy: "enable-gcs-versioning", type: "gcp:storage/bucket:Bucket", inputs: { versioning: { enabled: true } },
        violations: [{ set: { versioning: { enabled: false } }, expect: /versioning is off and no retention policy/ }],
        unknown: [{ path: "versioning.enabled", expect: "deferred" }],
    },
    {
        policy: "disallow-public-cloud-sql", type: "gcp:sql/databaseInstance:DatabaseInstance", inputs: { settings: { ipConfiguration: { ipv4Enabled: false, privateNetwork: UNKNOWN } } },
        violations: [
            { set: { "settings.ipConfiguration.ipv4Enabled": true }, expect: /public IPv4/ },
            { set: { "settings.ipConfiguration.authorizedNetworks": [{ value: "0.0.0.0/0" }] }, expect: /admits 0\.0\.0\.0\/0/ },
        ],
        unknown: [{ path: "settings.ipConfiguration.ipv4Enabled", expect: "deferred" }],
    },
    {
        policy: "require-cloud-sql-tls", type: "gcp:sql/databaseInstance:DatabaseInstance", inputs: { settings: { ipConfiguration: { sslMode: "ENCRYPTED_ONLY" } } },
        violations: [{ set: { "settings.ipConfiguration.sslMode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED" }, expect: /ALLOW_UNENCRYPTED/ }],
        unknown: [{ path: "settings.ipConfiguration.sslMode", expect: "deferred" }],
    },
    {
        policy: "configure-cloud-sql-backups", type: "gcp:sql/databaseInstance:DatabaseInstance", config: { minDays: 14 },
        inputs: { settings: { backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: true, backupRetentionSettings: { retainedBackups: 14 } } } },
        violations: [
            { set: { "settings.backupConfiguration.enabled": false }, expect: /backups are off/ },
            { set: { "settings.backupConfiguration.pointInTimeRecoveryEnabled": false }, expect: /point-in-time recovery is off/ },
            { set: { "settings.backupConfiguration.backupRetentionSettings.retainedBackups": 7 }, expect: /retainedBackups is 7, needs >= 14/ },
        ],
        unknown: [{ path: "settings.backupConfiguration.enabled", expect: "deferred" }],
    },
    {
        policy: "enable-cloud-sql-deletion-protection", type: "gcp:sql/databaseInstance:DatabaseInstance", protect: true,
        inputs: { deletionProtection: true, settings: { deletionProtectionEnabled: true } },
        violations: [
            { set: { deletionProtection: false }, expect: /deletionProtection is false/ },
            { set: { "settings.deletionProtectionEnabled": false }, expect: /deletionProtectionEnabled/ },
            { protect: false, expect: /not protected/ },
        ],
        unknown: [{ path: "settings.deletionProtectionEnabled", expect: "deferred" }],
    },
    {
        policy: "disallow-cloud-sql-passwords", type: "gcp:sql/user:User", inputs: { name: "app@p.iam", type: "CLOUD_IAM_SERVICE_ACCOUNT", instance: UNKNOWN },
        violations: [
            { set: { password: "hunter2" }, expect: /password is set as an input/ },
            { set: { type: "BUILT_IN" }, expect: /BUILT_IN/ },
            { type: "gcp:sql/databaseInstance:DatabaseInstance", set: { rootPassword: "x" }, expect: /rootPassword is set/ },
        ],
        unknown: [{ path: "password", expect: "fires" }, { path: "type", expect: "deferred" }],
    },
    {
        policy: "require-pubsub-dead-letter-policy", type: "gcp:pubsub/subscription:Subscription", inputs: { topic: UNKNOWN, deadLetterPolicy: { deadLetterTopic: UNKNOWN, maxDeliveryAttempts: 5 } },
        violations: [{ set: { deadLetterPolicy: undefined }, expect: /no dead-letter topic/ }, { set: { deadLetterPolicy: undefined, labels: { "queue-role": "worker" } }, expect: /no dead-letter topic/ }],
        unknown: [{ path: "deadLetterPolicy.deadLetterTopic", expect: "pass" }],
    },
    {
        policy: "enforce-gcp-org-policies", type: "gcp:orgpolicy/policy:Policy",
        inputs: { parent: "folders/1", name: "folders/1/policies/compute.requireOsLogin", spec: { rules: [{ enforce: "TRUE" }] } },
        violations: [
            { set: { spec: undefined }, expect: /has no rules/ },
            { set: { "spec.rules": [] }, expect: /has no rules/ },
            { set: { "spec.rules": [{ enforce: "FALSE" }] }, expect: /sets enforce FALSE/ },
            { set: { "spec.rules": [{ allowAll: "TRUE" }] }, expect: /allows all values/ },
            { set: { "spec.rules": [{ values: { allowedValues: [] } }] }, expect: /lists no value/ },
        ],
        unknown: [{ path: "spec", expect: "deferred" }],
    },
    {
        policy: "require-pubsub-cmek", type: "gcp:pubsub/topic:Topic", inputs: { kmsKeyName: UNKNOWN },
        violations: [{ set: { kmsKeyName: undefined }, expect: /no kmsKeyName/ }], unknown: [{ path: "kmsKeyName", expect: "pass" }],
    },
    {
        policy: "require-memorystore-tls", type: "gcp:redis/instance:Instance", inputs: { transitEncryptionMode: "SERVER_AUTHENTICATION" },
        violations: [{ set: { transitEncryptionMode: "DISABLED" }, expect: /DISABLED/ }], unknown: [{ path: "transitEncryptionMode", expect: "deferred" }],
    },
    {
        policy: "require-memorystore-auth", type: "gcp:redis/instance:Instance", inputs: { authEnabled: true, connectMode: "PRIVATE_SERVICE_ACCESS" },
        violations: [{ set: { authEnabled: false }, expect: /AUTH is off/ }, { set: { connectMode: "DIRECT_PEERING" }, expect: /DIRECT_PEERING/ }],
        unknown: [{ path: "authEnabled", expect: "deferred" }],
    },
    {
        policy: "enable-memorystore-ha", type: "gcp:redis/instance:Instance", inputs: { tier: "STANDARD_HA" },
        violations: [{ set: { tier: "BASIC" }, expect: /BASIC/ }], unknown: [{ path: "tier", expect: "deferred" }],
    },
    {
        policy: "disallow-public-gke-endpoint", type: "gcp:container/cluster:Cluster",
        inputs: { privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: false }, masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "10.0.0.0/8" }] } },
        violations: [
            { set: { "privateClusterConfig.enablePrivateNodes": false }, expect: /public IPs/ },
            // absent: GKE's default is public nodes (the check must not read a missing block as private)
            { set: { privateClusterConfig: undefined }, expect: /nodes have public IPs/ },
            { set: { "privateClusterConfig.enablePrivateNodes": undefined }, expect: /nodes have public IPs/ },
            { set: { masterAuthorizedNetworksConfig: undefined }, expect: /open to 0\.0\.0\.0\/0/ },
            { set: { "masterAuthorizedNetworksConfig.cidrBlocks": [{ cidrBlock: "0.0.0.0/0" }] }, expect: /open to 0\.0\.0\.0\/0/ },
        ],
        unknown: [{ path: "privateClusterConfig", expect: "deferred" }],
    },
    {
        policy: "require-gke-rbac-only", type: "gcp:container/cluster:Cluster", inputs: { enableLegacyAbac: false, masterAuth: { clientCertificateConfig: { issueClientCertificate: false } } },
        violations: [{ set: { enableLegacyAbac: true }, expect: /legacy ABAC/ }, { set: { "masterAuth.clientCertificateConfig.issueClientCertificate": true }, expect: /client certificates/ }],
        unknown: [{ path: "enableLegacyAbac", expect: "deferred" }],
    },
    {
        policy: "enable-gke-workload-identity", type: "gcp:container/cluster:Cluster", inputs: { workloadIdentityConfig: { workloadPool: UNKNOWN } },
        violations: [
            { set: { workloadIdentityConfig: undefined }, expect: /Workload Identity is off/ },
            { type: "gcp:container/nodePool:NodePool", set: { nodeConfig: { workloadMetadataConfig: { mode: "GCE_METADATA" } } }, expect: /GKE metadata server/ },
        ],
        unknown: [{ path: "workloadIdentityConfig.workloadPool", expect: "pass" }, { path: "workloadIdentityConfig", expect: "deferred" }],
    },
    {
        policy: "enable-gke-control-plane-logging", type: "gcp:container/cluster:Cluster", inputs: { loggingConfig: { enableComponents: ["SYSTEM_COMPONENTS", "APISERVER", "WORKLOADS"] } },
        violations: [{ set: { "loggingConfig.enableComponents": ["WORKLOADS"] }, expect: /SYSTEM_COMPONENTS, APISERVER are off/ }, { set: { loggingService: "none" }, expect: /loggingService is none/ }],
        unknown: [{ path: "loggingConfig", expect: "deferred" }],
    },
    {
        policy: "configure-gke-node-pools", type: "gcp:container/nodePool:NodePool",
        inputs: { location: "europe-west1", autoscaling: { totalMinNodeCount: 3, totalMaxNodeCount: 9 }, management: { autoRepair: true, autoUpgrade: true } },
        violations: [
            { set: { location: "europe-west1-b" }, expect: /spans 1 zone/ },
            { set: { "autoscaling.totalMinNodeCount": 1 }, expect: /keeps 1 node/ },
            { set: { "management.autoRepair": false }, expect: /auto-repair/ },
        ],
        unknown: [{ path: "autoscaling", expect: "deferred" }],
    },
    {
        policy: "require-gke-regional-cluster", type: "gcp:container/cluster:Cluster", inputs: { location: "europe-west1" },
        provider: { type: "pulumi:providers:gcp", inputs: { region: "europe-west1" } },
        violations: [
            { set: { location: "europe-west1-b" }, expect: /not a region/ },
            { set: { location: "us-central1" }, expect: /location us-central1 is not the provider's region europe-west1/ },
        ],
        unknown: [{ path: "location", expect: "deferred" }],
    },
    {
        policy: "require-gke-release-channel", type: "gcp:container/cluster:Cluster", inputs: { releaseChannel: { channel: "STABLE" } },
        violations: [{ set: { releaseChannel: { channel: "UNSPECIFIED" } }, expect: /UNSPECIFIED/ }, { set: { releaseChannel: undefined }, expect: /unset/ }],
        unknown: [{ path: "releaseChannel", expect: "deferred" }],
    },
    {
        policy: "require-artifact-registry-scanning-immutable-tags", type: "gcp:artifactregistry/repository:Repository",
        inputs: { format: "DOCKER", repositoryId: "images", dockerConfig: { immutableTags: true } },
        violations: [{ set: { "dockerConfig.immutableTags": false }, expect: /tags are mutable/ }, { set: { vulnerabilityScanningConfig: { enablementConfig: "DISABLED" } }, expect: /scanning is disabled/ }],
        unknown: [{ path: "dockerConfig", expect: "deferred" }],
    },
    {
        policy: "enable-gcp-kms-rotation", type: "gcp:kms/cryptoKey:CryptoKey", inputs: { keyRing: UNKNOWN, rotationPeriod: "7776000s" },
        violations: [{ set: { rotationPeriod: undefined }, expect: /no rotationPeriod/ }, { set: { rotationPeriod: "63072000s" }, expect: /730 days/ }],
        unknown: [{ path: "rotationPeriod", expect: "deferred" }],
    },
    {
        policy: "disallow-gcp-basic-roles", type: "gcp:projects/iAMMember:IAMMember", inputs: { role: "roles/cloudsql.client", member: UNKNOWN, project: UNKNOWN },
        violations: [
            { set: { role: "roles/owner" }, expect: /roles\/owner/ },
            { type: "gcp:projects/iAMPolicy:IAMPolicy", set: { role: undefined, policyData: JSON.stringify({ bindings: [{ role: "roles/editor", members: ["user:a@b.c"] }] }) }, expect: /roles\/editor/ },
        ],
        unknown: [{ path: "role", expect: "deferred" }],
    },
    {
        policy: "disallow-gcp-service-account-keys", type: "gcp:serviceaccount/account:Account", inputs: {},
        violations: [{ type: "gcp:serviceaccount/key:Key", expect: /static credential/ }], unknown: [],
    },
    {
        policy: "disallow-gcp-admin-ingress-from-internet", type: "gcp:compute/firewall:Firewall",
        inputs: { network: UNKNOWN, sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "tcp", ports: ["443"] }, { protocol: "icmp" }] },
        violations: [
            { set: { allows: [{ protocol: "tcp", ports: ["22"] }] }, expect: /tcp port 22/ },
            { set: { allows: [{ protocol: "tcp", ports: ["3000-4000"] }] }, expect: /3000-4000/ },
            { set: { allows: [{ protocol: "all" }] }, expect: /all ports/ },
            { set: { allows: [{ protocol: "tcp", ports: ["80"] }] }, expect: /tcp port 80 / },
            { set: { allows: [{ protocol: "tcp", ports: ["21"] }] }, expect: /tcp port 21 / },
            { set: { allows: [{ protocol: "tcp", ports: ["20"] }] }, expect: /tcp port 20 / },
            { set: { allows: [{ protocol: "tcp", ports: ["3306"] }] }, expect: /tcp port 3306 / },
        ],
        unknown: [{ path: "sourceRanges", expect: "deferred" }],
    },
    {
        policy: "require-gcp-standard-labels", type: "gcp:storage/bucket:Bucket", inputs: {},
        provider: { type: "pulumi:providers:gcp", inputs: { defaultLabels: JSON.stringify(labels) } },
        violations: [{ dropProvider: true, set: { labels: { owner: "x" } }, expect: /labels landing-zone, environment, domain, managed-by are missing/ }],
        unknown: [{ path: "labels", expect: "deferred" }],
    },
    {
        policy: "require-gcp-naming-convention", type: "gcp:sql/databaseInstance:DatabaseInstance", inputs: { name: "acme-prod-orders-db" },
        config: { prefix: "acme", environment: "prod" },
        violations: [{ set: { name: undefined }, expect: /random suffix/ }, { set: { name: "orders-db" }, expect: /does not start with/ }],
        unknown: [{ path: "name", expect: "deferred" }],
    },
    {
        policy: "enable-gcp-subnet-flow-logs", type: "gcp:compute/subnetwork:Subnetwork",
        inputs: { network: UNKNOWN, ipCidrRange: "10.30.0.0/20", logConfig: { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 0.5 }, privateIpGoogleAccess: true },
        violations: [
            { set: { logConfig: undefined }, expect: /flow logs are off/ },
            { set: { privateIpGoogleAccess: false }, expect: /Private Google Access is off/ },
            { set: { stackType: "IPV4_IPV6" }, expect: /Private Google Access for IPv6 is off/ },
            { set: { stackType: "IPV4_IPV6", privateIpv6GoogleAccess: "DISABLE_GOOGLE_ACCESS" }, expect: /IPv6 is off/ },
        ],
        unknown: [{ path: "privateIpGoogleAccess", expect: "deferred" }],
    },
];

const topic = (name: string) => res("gcp:pubsub/topic:Topic", name, { name: `acme-prod-${name}` });
const sub = (name: string, inputs: Record<string, unknown>, topics: ReturnType<typeof topic>[]) => res("gcp:pubsub/subscription:Subscription", name, inputs, { dependsOn: topics });

export const gcpStackCases: StackCase[] = [];

/** Stack cases of the cross-cloud dead-letter policy (GCP side). */
export const gcpDeadLetterStackCase: StackCase = {
    policy: "require-dead-letter-queues-in-stack",
    compliant: () => {
        const main = topic("events");
        const dlq = topic("events-dlq");
        return [main, dlq, sub("worker", { topic: UNKNOWN, deadLetterPolicy: { deadLetterTopic: UNKNOWN } }, [main, dlq]),
            sub("hold", { topic: UNKNOWN, labels: { "queue-role": "dead-letter" } }, [dlq])];
    },
    violations: [
        { name: "dead-letter topic outside the stack", resources: () => { const main = topic("events"); return [main, sub("worker", { topic: UNKNOWN, deadLetterPolicy: { deadLetterTopic: "projects/x/topics/elsewhere" } }, [main])]; }, expect: /outside this stack/ },
        { name: "fake dead-letter label", resources: () => { const main = topic("events"); return [main, sub("sneaky", { topic: UNKNOWN, labels: { "queue-role": "dead-letter" } }, [main])]; }, expect: /labelled dead-letter but no subscription dead-letters to its topic/ },
        { name: "service bus forward outside", resources: () => [res("azure-native:servicebus:Queue", "q", { queueName: "orders", forwardDeadLetteredMessagesTo: "elsewhere" })], expect: /forwards dead letters to elsewhere/ },
    ],
    unknown: [{ name: "labels unknown", resources: () => { const main = topic("events"); return [main, sub("worker", { topic: UNKNOWN, labels: UNKNOWN }, [main])]; }, expect: "deferred" }],
};
