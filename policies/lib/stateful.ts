/** Stateful resource types: databases, buckets, queues, keys, registries, log archives, projects, accounts. */
export const STATEFUL_TYPES = [
    "aws:rds/instance:Instance", "aws:rds/cluster:Cluster", "aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2", "aws:sqs/queue:Queue",
    "aws:kms/key:Key", "aws:ecr/repository:Repository", "aws:organizations/account:Account",
    "azure-native:dbforpostgresql:Server", "azure-native:storage:StorageAccount", "azure-native:servicebus:Namespace",
    "azure-native:servicebus:Queue", "azure-native:keyvault:Vault", "azure-native:keyvault:Key",
    "azure-native:containerregistry:Registry", "azure-native:operationalinsights:Workspace",
    "gcp:sql/databaseInstance:DatabaseInstance", "gcp:storage/bucket:Bucket", "gcp:pubsub/topic:Topic",
    "gcp:pubsub/subscription:Subscription", "gcp:kms/keyRing:KeyRing", "gcp:kms/cryptoKey:CryptoKey",
    "gcp:artifactregistry/repository:Repository", "gcp:organizations/project:Project",
];
