import { UNKNOWN, res } from "../helpers";
import type { ResourceCase, StackCase } from "./types";

const KEY = "arn:aws:kms:eu-west-1:111111111111:key/abc";
const tags = { "landing-zone": "acme", environment: "prod", domain: "orders", owner: "orders-team", "managed-by": "pulumi" };

export const awsResourceCases: ResourceCase[] = [
    {
        policy: "disallow-public-rds", type: "aws:rds/instance:Instance", inputs: { publiclyAccessible: false },
        violations: [{ set: { publiclyAccessible: true }, expect: /publicly accessible/ }],
        unknown: [{ path: "publiclyAccessible", expect: "deferred" }],
    },
    {
        policy: "require-rds-encryption", type: "aws:rds/instance:Instance", inputs: { storageEncrypted: true, kmsKeyId: KEY },
        violations: [
            { set: { storageEncrypted: false }, expect: /not encrypted/ },
            { set: { kmsKeyId: undefined }, expect: /AWS-managed key/ },
            { type: "aws:rds/cluster:Cluster", set: { storageEncrypted: undefined }, expect: /not encrypted/ },
        ],
        unknown: [{ path: "kmsKeyId", expect: "pass" }, { path: "storageEncrypted", expect: "deferred" }],
    },
    {
        policy: "configure-rds-backup-retention", type: "aws:rds/instance:Instance", inputs: { backupRetentionPeriod: 14 }, config: { minDays: 14 },
        violations: [{ set: { backupRetentionPeriod: 7 }, expect: /backupRetentionPeriod is 7, needs >= 14/ }, { set: { backupRetentionPeriod: undefined }, expect: /unset/ }],
        unknown: [{ path: "backupRetentionPeriod", expect: "deferred" }],
    },
    {
        policy: "enable-rds-deletion-protection", type: "aws:rds/instance:Instance", inputs: { deletionProtection: true }, protect: true,
        violations: [{ set: { deletionProtection: false }, expect: /deletionProtection is not true/ }, { protect: false, expect: /not protected/ }],
        unknown: [{ path: "deletionProtection", expect: "deferred" }],
    },
    {
        policy: "disallow-static-database-passwords", type: "aws:rds/instance:Instance", inputs: { manageMasterUserPassword: true, username: "app" },
        violations: [
            { set: { password: "hunter2", manageMasterUserPassword: undefined }, expect: /password is set as an input/ },
            { set: { manageMasterUserPassword: false }, expect: /manageMasterUserPassword is not true/ },
            { type: "aws:elasticache/replicationGroup:ReplicationGroup", set: { authToken: "token" }, expect: /authToken is set/ },
        ],
        unknown: [{ path: "password", expect: "fires" }, { path: "manageMasterUserPassword", expect: "deferred" }],
    },
    {
        policy: "disallow-public-eks-endpoint", type: "aws:eks/cluster:Cluster",
        inputs: { vpcConfig: { endpointPrivateAccess: true, endpointPublicAccess: false, subnetIds: [UNKNOWN] } },
        violations: [
            { set: { "vpcConfig.endpointPublicAccess": true, "vpcConfig.publicAccessCidrs": ["0.0.0.0/0"] }, expect: /open to 0\.0\.0\.0\/0/ },
            { set: { "vpcConfig.endpointPublicAccess": undefined }, expect: /open to 0\.0\.0\.0\/0/ },
            { set: { "vpcConfig.endpointPrivateAccess": false }, expect: /endpointPrivateAccess is not true/ },
        ],
        unknown: [{ path: "vpcConfig.endpointPublicAccess", expect: "deferred" }],
    },
    {
        policy: "require-eks-access-entries", type: "aws:eks/cluster:Cluster",
        inputs: { accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false } },
        violations: [
            { set: { "accessConfig.authenticationMode": "API_AND_CONFIG_MAP" }, expect: /not API/ },
            { set: { "accessConfig.bootstrapClusterCreatorAdminPermissions": true }, expect: /implicit cluster-admin/ },
        ],
        unknown: [{ path: "accessConfig", expect: "deferred" }],
    },
    {
        policy: "enable-eks-control-plane-logging", type: "aws:eks/cluster:Cluster",
        inputs: { enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"] },
        violations: [{ set: { enabledClusterLogTypes: ["api"] }, expect: /audit, authenticator are off/ }],
        unknown: [{ path: "enabledClusterLogTypes", expect: "deferred" }],
    },
    {
        policy: "require-eks-secrets-encryption", type: "aws:eks/cluster:Cluster",
        inputs: { encryptionConfig: { resources: ["secrets"], provider: { keyArn: KEY } } },
        violations: [{ set: { encryptionConfig: undefined }, expect: /not encrypted with a KMS key/ }, { set: { "encryptionConfig.resources": [] }, expect: /not encrypted/ }],
        unknown: [{ path: "encryptionConfig.provider.keyArn", expect: "pass" }],
    },
    {
        policy: "require-eks-version", type: "aws:eks/cluster:Cluster", inputs: { version: "1.34", upgradePolicy: { supportType: "STANDARD" } },
        violations: [{ set: { version: undefined }, expect: /not pinned/ }, { set: { "upgradePolicy.supportType": "EXTENDED" }, expect: /EXTENDED/ }],
        unknown: [{ path: "version", expect: "pass" }],
    },
    {
        policy: "configure-eks-node-groups", type: "aws:eks/nodeGroup:NodeGroup",
        inputs: { subnetIds: [UNKNOWN, UNKNOWN, UNKNOWN], scalingConfig: { minSize: 3, maxSize: 10, desiredSize: 3 } },
        violations: [{ set: { subnetIds: [UNKNOWN] }, expect: /1 subnet/ }, { set: { "scalingConfig.minSize": 1 }, expect: /minSize is 1/ }],
        unknown: [{ path: "subnetIds", expect: "deferred" }],
    },
    {
        policy: "require-ecr-scanning-immutable-tags", type: "aws:ecr/repository:Repository",
        inputs: { imageScanningConfiguration: { scanOnPush: true }, imageTagMutability: "IMMUTABLE" },
        violations: [{ set: { "imageScanningConfiguration.scanOnPush": false }, expect: /not scanned/ }, { set: { imageTagMutability: "MUTABLE" }, expect: /MUTABLE/ }],
        unknown: [{ path: "imageTagMutability", expect: "deferred" }],
    },
    {
        policy: "require-ecr-kms-encryption", type: "aws:ecr/repository:Repository",
        inputs: { encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: KEY }] },
        violations: [{ set: { encryptionConfigurations: [{ encryptionType: "AES256" }] }, expect: /AES256/ }, { set: { encryptionConfigurations: [{ encryptionType: "KMS" }] }, expect: /AWS-managed/ }],
        unknown: [{ path: "encryptionConfigurations", expect: "deferred" }],
    },
    {
        policy: "enable-kms-key-rotation", type: "aws:kms/key:Key", inputs: { enableKeyRotation: true, rotationPeriodInDays: 365 },
        violations: [{ set: { enableKeyRotation: false }, expect: /enableKeyRotation is not true/ }, { set: { rotationPeriodInDays: 730 }, expect: /730/ }],
        unknown: [{ path: "enableKeyRotation", expect: "deferred" }],
    },
    {
        policy: "disallow-wildcard-iam-policies", type: "aws:iam/rolePolicy:RolePolicy",
        inputs: { policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: ["arn:aws:s3:::b/*"] }, { Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" }] }) },
        violations: [
            { set: { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }) }, expect: /wildcard actions \*/ },
            { set: { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::b" }] }) }, expect: /wildcard actions s3:\*/ },
            { set: { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:PutObject", Resource: "*" }] }) }, expect: /Resource "\*" for non-read actions s3:PutObject/ },
            { set: { policy: JSON.stringify({ Statement: [{ Effect: "Allow", NotAction: "iam:*", Resource: "*" }] }) }, expect: /NotAction/ },
            { type: "aws:iam/role:Role", set: { policy: undefined, assumeRolePolicy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }] }) }, expect: /any principal/ },
        ],
        unknown: [{ path: "policy", expect: "deferred" }],
    },
    {
        policy: "disallow-admin-managed-policies", type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
        inputs: { policyArn: "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy" },
        violations: [{ set: { policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }, expect: /AdministratorAccess/ }],
        unknown: [{ path: "policyArn", expect: "deferred" }],
    },
    {
        policy: "disallow-iam-static-credentials", type: "aws:iam/role:Role", inputs: {},
        violations: [{ type: "aws:iam/accessKey:AccessKey", expect: /static credential/ }, { type: "aws:iam/user:User", expect: /static credential/ }],
        unknown: [],
    },
    {
        policy: "disallow-admin-ingress-from-internet", type: "aws:ec2/securityGroup:SecurityGroup",
        inputs: { ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }, { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/16"] }] },
        violations: [
            { set: { "ingress.1.cidrBlocks": ["0.0.0.0/0"] }, expect: /ports 22-22/ },
            { set: { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, ipv6CidrBlocks: ["::/0"] }] }, expect: /ports all/ },
            { type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", set: { ingress: undefined, ipProtocol: "tcp", fromPort: 3389, toPort: 3389, cidrIpv4: "0.0.0.0/0" }, expect: /3389/ },
        ],
        unknown: [{ path: "ingress.1.cidrBlocks", expect: "deferred" }],
    },
    {
        policy: "require-sqs-kms-encryption", type: "aws:sqs/queue:Queue", inputs: { kmsMasterKeyId: KEY },
        violations: [{ set: { kmsMasterKeyId: undefined, sqsManagedSseEnabled: true }, expect: /SQS-managed keys/ }, { set: { kmsMasterKeyId: undefined }, expect: /not encrypted/ }],
        unknown: [{ path: "kmsMasterKeyId", expect: "pass" }],
    },
    {
        policy: "require-elasticache-tls", type: "aws:elasticache/replicationGroup:ReplicationGroup", inputs: { transitEncryptionEnabled: true, transitEncryptionMode: "required" },
        violations: [{ set: { transitEncryptionEnabled: false }, expect: /transitEncryptionEnabled is not true/ }, { set: { transitEncryptionMode: "preferred" }, expect: /preferred/ }],
        unknown: [{ path: "transitEncryptionEnabled", expect: "deferred" }],
    },
    {
        policy: "require-elasticache-encryption-at-rest", type: "aws:elasticache/replicationGroup:ReplicationGroup", inputs: { atRestEncryptionEnabled: true, kmsKeyId: KEY },
        violations: [{ set: { atRestEncryptionEnabled: false }, expect: /atRestEncryptionEnabled is not true/ }, { set: { kmsKeyId: undefined }, expect: /AWS-managed/ }],
        unknown: [{ path: "kmsKeyId", expect: "pass" }],
    },
    {
        policy: "enable-elasticache-failover", type: "aws:elasticache/replicationGroup:ReplicationGroup",
        inputs: { numCacheClusters: 3, automaticFailoverEnabled: true, multiAzEnabled: true },
        violations: [
            { set: { numCacheClusters: 1 }, expect: /no replica/ },
            { set: { automaticFailoverEnabled: false }, expect: /automaticFailoverEnabled/ },
            { set: { multiAzEnabled: undefined }, expect: /multiAzEnabled/ },
        ],
        unknown: [{ path: "multiAzEnabled", expect: "deferred" }],
    },
    {
        policy: "enforce-scp-denies", type: "aws:organizations/policy:Policy",
        inputs: { type: "SERVICE_CONTROL_POLICY", content: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "DenyLeaving", Effect: "Deny", Action: ["organizations:LeaveOrganization"], Resource: "*" }] }) },
        violations: [
            { set: { content: undefined }, expect: /has no content/ },
            { set: { content: "{not json" }, expect: /not valid JSON/ },
            { set: { content: JSON.stringify({ Version: "2012-10-17", Statement: [] }) }, expect: /no statement/ },
            { set: { content: JSON.stringify({ Version: "2012-10-17" }) }, expect: /no statement/ },
            { set: { content: JSON.stringify({ Statement: [{ Sid: "AllowAll", Effect: "Allow", Action: "*", Resource: "*" }] }) }, expect: /Effect Allow/ },
            { set: { content: JSON.stringify({ Statement: [{ Sid: "Empty", Effect: "Deny", Action: [], Resource: "*" }] }) }, expect: /names no Action/ },
        ],
        unknown: [{ path: "content", expect: "deferred" }],
    },
    {
        policy: "enable-cloudtrail-integrity", type: "aws:cloudtrail/trail:Trail",
        inputs: { isMultiRegionTrail: true, enableLogFileValidation: true, kmsKeyId: KEY, enableLogging: true },
        violations: [
            { set: { isMultiRegionTrail: false }, expect: /one region/ },
            { set: { enableLogFileValidation: false }, expect: /validation is off/ },
            { set: { kmsKeyId: undefined }, expect: /not encrypted/ },
            { set: { enableLogging: false }, expect: /logging is off/ },
        ],
        unknown: [{ path: "kmsKeyId", expect: "pass" }, { path: "isMultiRegionTrail", expect: "deferred" }],
    },
    {
        policy: "require-aws-standard-tags", type: "aws:sqs/queue:Queue", inputs: {},
        provider: { type: "pulumi:providers:aws", inputs: { defaultTags: JSON.stringify({ tags }) } },
        violations: [
            { dropProvider: true, set: { tags: { owner: "x" } }, type: "aws:s3/bucket:Bucket", expect: /tags landing-zone, environment, domain, managed-by are missing/ },
            { dropProvider: true, expect: /owner/ },
        ],
        unknown: [{ path: "tags", expect: "deferred" }],
    },
    {
        policy: "require-aws-naming-convention", type: "aws:s3/bucket:Bucket", inputs: { bucket: "acme-prod-orders-data-k2j4h1" },
        config: { prefix: "acme", environment: "prod" },
        violations: [
            { set: { bucket: undefined }, expect: /random suffix/ },
            { set: { bucket: "orders-data" }, expect: /does not start with <prefix>-<environment>-/ },
            { set: { bucket: "acme-dev-orders-data" }, expect: /does not start with/ },
            { set: { bucket: "Acme_Prod" }, expect: /breaks the aws.s3Bucket rule/ },
        ],
        unknown: [{ path: "bucket", expect: "deferred" }],
    },
    {
        policy: "disallow-default-security-group-rules", type: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", inputs: { vpcId: UNKNOWN, ingress: [], egress: [] },
        violations: [{ set: { egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] }, expect: /0 ingress and 1 egress/ }],
        unknown: [{ path: "ingress", expect: "deferred" }],
    },
    {
        policy: "require-codebuild-kms-encryption", type: "aws:codebuild/project:Project", inputs: { encryptionKey: UNKNOWN, artifacts: { type: "CODEPIPELINE" } },
        violations: [{ set: { encryptionKey: undefined }, expect: /no encryptionKey/ }, { set: { "artifacts.encryptionDisabled": true }, expect: /encryption is disabled/ }],
        unknown: [{ path: "encryptionKey", expect: "pass" }],
    },
];

const bucket = () => res("aws:s3/bucket:Bucket", "data-bucket", { bucket: "acme-prod-data" }, { protect: true });
const block = (b = bucket(), flags = true) => res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "data-block",
    { bucket: UNKNOWN, blockPublicAcls: flags, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, { dependsOn: [b] });
const sse = (b = bucket(), algorithm = "aws:kms", key: unknown = UNKNOWN) => res("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "data-sse",
    { bucket: UNKNOWN, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: algorithm, ...(key === null ? {} : { kmsMasterKeyId: key }) } }] }, { dependsOn: [b] });
const versioning = (b = bucket(), status: unknown = "Enabled") => res("aws:s3/bucketVersioning:BucketVersioning", "data-versioning",
    { bucket: UNKNOWN, versioningConfiguration: { status } }, { dependsOn: [b] });
const queue = (name: string, inputs: Record<string, unknown>, dependsOn: ReturnType<typeof res>[] = []) =>
    res("aws:sqs/queue:Queue", name, inputs, { dependsOn });

const vpc = () => res("aws:ec2/vpc:Vpc", "network-vpc", { cidrBlock: "10.20.0.0/16" });
const flowLog = (v: ReturnType<typeof vpc>, trafficType: unknown) => res("aws:ec2/flowLog:FlowLog", "network-flow-log", { vpcId: UNKNOWN, trafficType }, { dependsOn: [v] });

export const awsStackCases: StackCase[] = [
    {
        policy: "enable-vpc-flow-logs",
        compliant: () => { const v = vpc(); return [v, flowLog(v, "ALL")]; },
        violations: [
            { name: "no flow log", resources: () => [vpc()], expect: /VPC network-vpc has no flow log/ },
            { name: "rejected traffic only", resources: () => { const v = vpc(); return [v, flowLog(v, "REJECT")]; }, expect: /logs only REJECT traffic/ },
        ],
        unknown: [{ name: "traffic type unknown", resources: () => { const v = vpc(); return [v, flowLog(v, UNKNOWN)]; }, expect: "deferred" }],
    },
    {
        policy: "disallow-public-s3-buckets",
        compliant: () => { const b = bucket(); return [b, block(b)]; },
        violations: [
            { name: "no public access block", resources: () => [bucket()], expect: /has no public access block/ },
            { name: "a flag off", resources: () => { const b = bucket(); return [b, block(b, false)]; }, expect: /leaves blockPublicAcls off/ },
            { name: "public ACL", resources: () => { const b = bucket(); return [b, block(b), res("aws:s3/bucketAcl:BucketAcl", "acl", { acl: "public-read" }, { dependsOn: [b] })]; }, expect: /"public-read"/ },
        ],
        unknown: [{ name: "flag unknown", resources: () => { const b = bucket(); return [b, block(b, UNKNOWN as never)]; }, expect: "deferred" }],
    },
    {
        policy: "require-s3-kms-encryption",
        compliant: () => { const b = bucket(); return [b, sse(b)]; },
        violations: [
            { name: "no configuration", resources: () => [bucket()], expect: /no server-side encryption configuration/ },
            { name: "AES256", resources: () => { const b = bucket(); return [b, sse(b, "AES256")]; }, expect: /uses AES256, not aws:kms/ },
            { name: "AWS-managed key", resources: () => { const b = bucket(); return [b, sse(b, "aws:kms", null)]; }, expect: /AWS-managed key/ },
        ],
        unknown: [{ name: "algorithm unknown", resources: () => { const b = bucket(); return [b, sse(b, UNKNOWN)]; }, expect: "deferred" }],
    },
    {
        policy: "enable-s3-versioning",
        compliant: () => { const b = bucket(); return [b, versioning(b)]; },
        violations: [
            { name: "no versioning", resources: () => [bucket()], expect: /no versioning configuration/ },
            { name: "suspended", resources: () => { const b = bucket(); return [b, versioning(b, "Suspended")]; }, expect: /status Suspended/ },
        ],
        unknown: [{ name: "status unknown", resources: () => { const b = bucket(); return [b, versioning(b, UNKNOWN)]; }, expect: "deferred" }],
    },
    {
        policy: "require-sqs-dead-letter-queue",
        compliant: () => { const dlq = queue("orders-dlq", { redriveAllowPolicy: UNKNOWN }); return [dlq, queue("orders", { redrivePolicy: UNKNOWN }, [dlq])]; },
        violations: [
            { name: "no DLQ", resources: () => [queue("orders", {})], expect: /queue orders has no dead-letter queue/ },
            { name: "DLQ outside the stack", resources: () => [queue("orders", { redrivePolicy: JSON.stringify({ deadLetterTargetArn: "arn:aws:sqs:eu-west-1:1:x", maxReceiveCount: 5 }) })], expect: /outside this stack/ },
        ],
        unknown: [{ name: "redrive policy unknown", resources: () => { const dlq = queue("orders-dlq", {}); return [dlq, queue("orders", { redrivePolicy: UNKNOWN }, [dlq])]; }, expect: "pass" }],
    },
];
